import { describe, expect, it } from "vitest";
import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { formatNumber, type NormalizedCell } from "@/lib/excel/read/normalize-cell";
import type { RawRow } from "@/lib/excel/read/read-table";
import { dutchDecimal, isBlankTemplateRow, parseTemplateRow, type TemplateColumnIndexes } from "./parse-template-row";
import { TEMPLATE_COLUMNS, TEMPLATE_INFORMATIVE_COLUMNS, TEMPLATE_TEXT_MAX, type TemplateColumnKey } from "./template-format";

/** Columns in template order: index i is the i-th column of TEMPLATE_COLUMNS, so its problems sit in column i + 1. */
const COLUMNS = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.key, i])) as TemplateColumnIndexes;
const columnOf = (key: TemplateColumnKey) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

const text = (value: string): NormalizedCell => ({ kind: "text", text: value });
const num = (value: number): NormalizedCell => ({ kind: "number", value, text: formatNumber(value) });
const EMPTY: NormalizedCell = { kind: "empty" };

type CellInput = string | number | NormalizedCell;
const toCell = (value: CellInput): NormalizedCell => (typeof value === "string" ? text(value) : typeof value === "number" ? num(value) : value);

function rowOf(values: Partial<Record<TemplateColumnKey, CellInput>>, rowNumber = 5): RawRow {
  const cells = TEMPLATE_COLUMNS.map((c) => {
    const value = values[c.key];
    return value === undefined ? EMPTY : toCell(value);
  });
  return { rowNumber, cells };
}

const parse = (values: Partial<Record<TemplateColumnKey, CellInput>>, options = { date1904: false }, rowNumber = 5) =>
  parseTemplateRow(rowOf(values, rowNumber), COLUMNS, options);

const only = (problems: CellProblem[]) => {
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe("parseTemplateRow: Vlimpers number", () => {
  it("restores the leading zero of a Vlimpers number Excel kept as a number", () => {
    const { values, problems } = parse({ vlimpers: 12345 });
    expect(values.vlimpers).toBe("012345");
    expect(problems).toEqual([]);
  });

  it("keeps a Vlimpers number typed as text with its zero", () => {
    const { values, problems } = parse({ vlimpers: "012345" });
    expect(values.vlimpers).toBe("012345");
    expect(problems).toEqual([]);
    expect(values.unreadable).toEqual([]);
  });

  it("refuses a Vlimpers number with letters, in the Vlimpers column, and marks it unreadable", () => {
    const { values, problems } = parse({ vlimpers: "12A" }, undefined, 9);
    expect(values.vlimpers).toBeNull();
    expect(values.unreadable).toContain("vlimpers");
    const problem = only(problems);
    expect(problem).toMatchObject({ rowNumber: 9, column: columnOf("vlimpers"), columnLabel: "Vlimpersnummer", severity: "error" });
    expect(problem.message).toMatch(/12A/);
    expect(problem.message).toMatch(/6 cijfers/);
  });

  it("refuses a Vlimpers number with more than 6 digits or a fraction", () => {
    expect(parse({ vlimpers: "1234567" }).values.unreadable).toEqual(["vlimpers"]);
    expect(parse({ vlimpers: 12345.5 }).values.unreadable).toEqual(["vlimpers"]);
  });

  it("leaves an empty Vlimpers cell null without a problem (a free row)", () => {
    const { values, problems } = parse({});
    expect(values.vlimpers).toBeNull();
    expect(values.relationNumber).toBeNull();
    expect(problems).toEqual([]);
  });
});

describe("parseTemplateRow: relation number", () => {
  it("reads a relation number given as text", () => {
    expect(parse({ relationNumber: "2" }).values.relationNumber).toBe(2);
  });

  it("reads a relation number given as a number", () => {
    const { values, problems } = parse({ relationNumber: 2 });
    expect(values.relationNumber).toBe(2);
    expect(problems).toEqual([]);
  });

  it("refuses relation number 0 in the Arbeidsrelatie column", () => {
    const { values, problems } = parse({ relationNumber: "0" });
    expect(values.relationNumber).toBeNull();
    expect(values.unreadable).toEqual(["relationNumber"]);
    const problem = only(problems);
    expect(problem).toMatchObject({ column: columnOf("relationNumber"), severity: "error", columnLabel: "Arbeidsrelatie" });
    expect(problem.message).toMatch(/geheel getal/);
  });

  it("refuses a relation number with a fraction (1,5)", () => {
    const { values, problems } = parse({ relationNumber: "1,5" });
    expect(values.relationNumber).toBeNull();
    expect(only(problems)).toMatchObject({ column: columnOf("relationNumber"), severity: "error" });
    expect(problems[0]!.message).toMatch(/1,5/);
  });

  it.each(["0x10", "1e2", "2,0"])("reads only plain whole numbers as a relation number (%s)", (text) => {
    const { values } = parse({ relationNumber: text });
    expect(values.relationNumber).toBe(text === "2,0" ? 2 : null);
  });
});

describe("parseTemplateRow: decision", () => {
  it.each([
    ["Ja", "requested"],
    ["nee", "not_needed"],
    ["J", "requested"],
    ["yes", "requested"],
    ["N", "not_needed"],
    [" JA ", "requested"],
  ] as const)("reads %j as %s", (input, expected) => {
    const { values, problems } = parse({ decision: input });
    expect(values.decision).toBe(expected);
    expect(problems).toEqual([]);
  });

  it("refuses 'misschien' in the Arbeidsplaats nodig column", () => {
    const { values, problems } = parse({ decision: "misschien" });
    expect(values.decision).toBeNull();
    expect(values.unreadable).toEqual(["decision"]);
    const problem = only(problems);
    expect(problem).toMatchObject({ column: columnOf("decision"), severity: "error", columnLabel: "Arbeidsplaats nodig" });
    expect(problem.message).toMatch(/misschien/);
    expect(problem.message).toMatch(/Ja of Nee/);
  });

  it("leaves an empty decision null without a problem", () => {
    const { values, problems } = parse({ vlimpers: "012345", relationNumber: 1 });
    expect(values.decision).toBeNull();
    expect(problems).toEqual([]);
  });
});

describe("parseTemplateRow: FTE", () => {
  it.each([
    ["0,8", "0.800"],
    [0.8, "0.800"],
    ["1", "1.000"],
    ["0.5", "0.500"],
  ] as const)("reads %j as %s", (input, expected) => {
    const { values, problems } = parse({ fte: input });
    expect(values.fte).toBe(expected);
    expect(problems).toEqual([]);
  });

  it.each(["0", "1,2", "abc", "-0,5"])("refuses %j in the VTE column", (input) => {
    const { values, problems } = parse({ fte: input });
    expect(values.fte).toBeNull();
    expect(values.unreadable).toEqual(["fte"]);
    const problem = only(problems);
    expect(problem).toMatchObject({ column: columnOf("fte"), severity: "error", columnLabel: "VTE" });
    expect(problem.message).toMatch(/geen geldige VTE/);
    expect(problem.message).toContain(`"${input}"`);
  });

  it("rounds an FTE of more than three decimals to three, with a warning", () => {
    const { values, problems } = parse({ fte: 0.12345 });
    expect(values.fte).toBe("0.123");
    expect(values.unreadable).toEqual([]);
    const problem = only(problems);
    expect(problem).toMatchObject({ column: columnOf("fte"), severity: "warning" });
    expect(problem.message).toMatch(/afgerond/);
    expect(problem.message).toMatch(/0,12345/);
    expect(problem.message).toMatch(/0,123\b/);
  });

  it("refuses an FTE that rounds to zero as too small", () => {
    const { values, problems } = parse({ fte: "0,0004" });
    expect(values.fte).toBeNull();
    expect(values.unreadable).toEqual(["fte"]);
    expect(only(problems)).toMatchObject({ column: columnOf("fte"), severity: "error" });
    expect(problems[0]!.message).toMatch(/te klein/);
  });
});

describe("parseTemplateRow: start date", () => {
  it("reads a serial number in the 1900 date system", () => {
    const { values, problems } = parse({ validFrom: 46086 }, { date1904: false });
    expect(values.validFrom).toBe("2026-03-05");
    expect(problems).toEqual([]);
  });

  it("reads a serial number in the 1904 date system when the workbook uses it", () => {
    expect(parse({ validFrom: 44624 }, { date1904: true }).values.validFrom).toBe("2026-03-05");
    // The same serial means another day in the 1900 system.
    expect(parse({ validFrom: 44624 }, { date1904: false }).values.validFrom).toBe("2022-03-04");
  });

  it("reads a Belgian date, day first", () => {
    expect(parse({ validFrom: "05/03/2026" }).values.validFrom).toBe("2026-03-05");
  });

  it("reads an ISO date", () => {
    expect(parse({ validFrom: "2026-03-05" }).values.validFrom).toBe("2026-03-05");
  });

  it("reads a date cell as its day", () => {
    expect(parse({ validFrom: { kind: "date", iso: "2026-09-01", text: "2026-09-01" } }).values.validFrom).toBe("2026-09-01");
  });

  it("refuses 31/02/2026 in the Ingangsdatum column", () => {
    const { values, problems } = parse({ validFrom: "31/02/2026" });
    expect(values.validFrom).toBeNull();
    expect(values.unreadable).toEqual(["validFrom"]);
    const problem = only(problems);
    expect(problem).toMatchObject({ column: columnOf("validFrom"), severity: "error", columnLabel: "Ingangsdatum" });
    expect(problem.message).toMatch(/geen geldige datum/);
    expect(problem.message).toMatch(/31\/02\/2026/);
  });
});

describe("parseTemplateRow: codes and text", () => {
  it("trims non-breaking spaces around a code", () => {
    const { values, problems } = parse({ functionCode: "\u00a0F100\u00a0", grade: "\u00a0A1 ", unit: " U01\u00a0", costCentre: "\u00a0KP1", dutyLocation: "BXL\u00a0" });
    expect(values).toMatchObject({ functionCode: "F100", gradeCode: "A1", unitCode: "U01", costCentreCode: "KP1", dutyLocationCode: "BXL" });
    expect(problems).toEqual([]);
  });

  it("reads empty and space-only cells as null", () => {
    const { values } = parse({ functionCode: "\u00a0 ", note: "   " });
    expect(values.functionCode).toBeNull();
    expect(values.note).toBeNull();
  });

  it("keeps a reason and a note of exactly the maximum length", () => {
    const max = "x".repeat(TEMPLATE_TEXT_MAX);
    const { values, problems } = parse({ notNeededReason: max, note: max });
    expect(values.notNeededReason).toBe(max);
    expect(values.note).toBe(max);
    expect(problems).toEqual([]);
  });

  it("refuses a reason longer than the maximum in the Reden geen arbeidsplaats column", () => {
    const { values, problems } = parse({ notNeededReason: "r".repeat(TEMPLATE_TEXT_MAX + 1) });
    expect(values.notNeededReason).toBeNull();
    expect(values.unreadable).toEqual(["notNeededReason"]);
    const problem = only(problems);
    expect(problem).toMatchObject({ column: columnOf("notNeededReason"), severity: "error" });
    expect(problem.message).toMatch(/te lang/);
    expect(problem.message).toMatch(/501/);
  });

  it("refuses a note longer than the maximum in the Opmerking column", () => {
    const { values, problems } = parse({ note: "n".repeat(TEMPLATE_TEXT_MAX + 20) });
    expect(values.note).toBeNull();
    expect(values.unreadable).toEqual(["note"]);
    expect(only(problems)).toMatchObject({ column: columnOf("note"), severity: "error", columnLabel: "Opmerking" });
    expect(problems[0]!.message).toMatch(/te lang/);
  });

  it("reads a complete row and takes nothing from the informative columns", () => {
    const { values, problems } = parse(
      {
        vlimpers: "012345",
        name: "Jansens, An",
        relationNumber: 1,
        reason: "Geen arbeidsplaats gevonden",
        decision: "Ja",
        functionCode: "F100",
        functionTitle: "Beleidsmedewerker",
        grade: "A1",
        unit: "U01",
        costCentre: "KP1",
        dutyLocation: "BXL",
        fte: "0,8",
        validFrom: "01/09/2026",
        note: "dringend",
      },
      undefined,
      12,
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      rowNumber: 12,
      vlimpers: "012345",
      relationNumber: 1,
      decision: "requested",
      notNeededReason: null,
      functionCode: "F100",
      gradeCode: "A1",
      unitCode: "U01",
      costCentreCode: "KP1",
      dutyLocationCode: "BXL",
      fte: "0.800",
      validFrom: "2026-09-01",
      note: "dringend",
      unreadable: [],
    });
  });

  it("reads columns in another order through the column indexes", () => {
    const columns: TemplateColumnIndexes = { fte: 0, vlimpers: 2 };
    const { values, problems } = parseTemplateRow({ rowNumber: 3, cells: [text("abc"), EMPTY, num(777)] }, columns, { date1904: false });
    expect(values.vlimpers).toBe("000777");
    expect(problems).toEqual([expect.objectContaining({ column: 1, columnLabel: "VTE", severity: "error" })]);
  });

  it("collects the problems of several cells of one row", () => {
    const { values, problems } = parse({ vlimpers: "12A", decision: "misschien", fte: "2" });
    expect(values.unreadable).toEqual(["vlimpers", "decision", "fte"]);
    expect(problems.map((p) => p.column)).toEqual([columnOf("vlimpers"), columnOf("decision"), columnOf("fte")]);
  });
});

describe("isBlankTemplateRow", () => {
  it("is true for a row with only the informative columns filled", () => {
    const row = rowOf({ name: "Jansens, An", reason: "Geen arbeidsplaats gevonden", functionTitle: "Beleidsmedewerker" });
    expect(isBlankTemplateRow(row, COLUMNS, TEMPLATE_INFORMATIVE_COLUMNS)).toBe(true);
  });

  it("is true for a row of empty and space-only cells", () => {
    expect(isBlankTemplateRow(rowOf({ note: "\u00a0 ", fte: "  " }), COLUMNS, TEMPLATE_INFORMATIVE_COLUMNS)).toBe(true);
  });

  it.each(["vlimpers", "decision", "fte", "note", "functionCode"] as const)("is false when %s is filled", (key) => {
    const row = rowOf({ name: "Jansens, An", [key]: "x" });
    expect(isBlankTemplateRow(row, COLUMNS, TEMPLATE_INFORMATIVE_COLUMNS)).toBe(false);
  });
});

describe("dutchDecimal", () => {
  it("writes a decimal point as a comma, and leaves other text alone", () => {
    expect(dutchDecimal("0.35")).toBe("0,35");
    expect(dutchDecimal("-1.5")).toBe("-1,5");
    expect(dutchDecimal("1")).toBe("1");
    expect(dutchDecimal("abc.def")).toBe("abc.def");
  });
});
