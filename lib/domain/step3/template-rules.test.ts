import { describe, expect, it } from "vitest";
import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { problemCollector, type TemplateColumnIndexes, type TemplateRowValues } from "./parse-template-row";
import { TEMPLATE_COLUMNS, type TemplateColumnKey } from "./template-format";
import { checkTemplateRow, checkTemplateRows, relationKey, type GreenLine, type ReferenceRecord, type TemplateContext, type TemplateReference } from "./template-rules";

/** Columns in template order: index i is the i-th column of TEMPLATE_COLUMNS, so its problems sit in column i + 1. */
const COLUMNS = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.key, i])) as TemplateColumnIndexes;
const columnOf = (key: TemplateColumnKey) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
const HEADER_ROW = 1;

const green = (overrides: Partial<GreenLine> = {}): GreenLine => ({ relationId: "rel-1", vlimpers: "012345", relationNumber: 1, name: "Jansens, An", ...overrides });

const record = (id: string, active = true): ReferenceRecord => ({ id, active });

function referenceOf(overrides: Partial<TemplateReference> = {}): TemplateReference {
  return {
    functions: new Map([
      ["F100", { id: "fn-100", active: true, title: "Beleidsmedewerker" }],
      ["F200", { id: "fn-200", active: false, title: "Oude functie" }],
      ["F300", { id: "fn-300", active: true, title: "  " }],
      ["FA-01", { id: "fn-a01", active: true, title: "Adviseur" }],
    ]),
    grades: new Map([["A1", record("gr-a1")], ["B1", record("gr-b1", false)]]),
    units: new Map([["U01", record("un-01")], ["U-OLD", record("un-old", false)]]),
    costCentres: new Map([["KP1", record("kp-1")]]),
    dutyLocations: new Map([["BXL", record("dl-bxl")], ["GNT", record("dl-gnt", false)]]),
    ...overrides,
  };
}

function contextOf(options: { greenLines?: GreenLine[]; linked?: string[]; reference?: Partial<TemplateReference> } = {}): TemplateContext {
  const lines = options.greenLines ?? [green()];
  return {
    reference: referenceOf(options.reference),
    greenLines: new Map(lines.map((l) => [relationKey(l.vlimpers, l.relationNumber), l])),
    linkedKeys: new Set(options.linked ?? []),
  };
}

/** A complete, valid request for the default green line. */
function valuesOf(overrides: Partial<TemplateRowValues> = {}): TemplateRowValues {
  return {
    rowNumber: 5,
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
    note: null,
    unreadable: [],
    ...overrides,
  };
}

/** A free row: no Vlimpers number, no relation. */
const freeValues = (overrides: Partial<TemplateRowValues> = {}) => valuesOf({ vlimpers: null, relationNumber: null, decision: null, ...overrides });

function check(values: TemplateRowValues, context = contextOf(), readErrors?: number) {
  const problems: CellProblem[] = [];
  const resolved = checkTemplateRow(values, context, problemCollector(values.rowNumber, COLUMNS, problems), readErrors);
  return { resolved, problems };
}

/** The one error of a row, which must sit in `key`'s column. */
function onlyError(problems: CellProblem[], key: TemplateColumnKey): CellProblem {
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ rowNumber: 5, column: columnOf(key), severity: "error" });
  return problems[0]!;
}

describe("checkTemplateRow: green lines", () => {
  it("resolves a green line with Ja and complete data to the ids", () => {
    const { resolved, problems } = check(valuesOf({ note: "dringend" }));
    expect(problems).toEqual([]);
    expect(resolved).toEqual({
      rowNumber: 5,
      relationId: "rel-1",
      decision: "requested",
      notNeededReason: null,
      functionProfileId: "fn-100",
      gradeId: "gr-a1",
      orgUnitId: "un-01",
      costCentreId: "kp-1",
      dutyLocationId: "dl-bxl",
      fte: "0.800",
      validFrom: "2026-09-01",
      note: "dringend",
    });
  });

  it("resolves without the optional cost centre, duty location and start date", () => {
    const { resolved, problems } = check(valuesOf({ costCentreCode: null, dutyLocationCode: null, validFrom: null }));
    expect(problems).toEqual([]);
    expect(resolved).toMatchObject({ costCentreId: null, dutyLocationId: null, validFrom: null, functionProfileId: "fn-100" });
  });

  it("asks for a decision on a green line without one, in the Arbeidsplaats nodig column", () => {
    const { resolved, problems } = check(valuesOf({ decision: null }));
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "decision");
    expect(problem.columnLabel).toBe("Arbeidsplaats nodig");
    expect(problem.message).toMatch(/Ja of Nee/);
  });

  it("says only that the decision is missing on an undecided green line with empty position columns", () => {
    const { resolved, problems } = check(valuesOf({ decision: null, functionCode: null, gradeCode: null, unitCode: null, fte: null }));
    expect(resolved).toBeNull();
    expect(problems.map((p) => p.columnLabel)).toEqual(["Arbeidsplaats nodig"]);
  });

  it("gives no second decision error when the decision cell was unreadable", () => {
    const { resolved, problems } = check(valuesOf({ decision: null, unreadable: ["decision"] }), contextOf(), 1);
    expect(resolved).toBeNull();
    expect(problems).toEqual([]);
  });

  it("asks for a reason on Nee, in the Reden geen arbeidsplaats column", () => {
    const { resolved, problems } = check(valuesOf({ decision: "not_needed", notNeededReason: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "notNeededReason").message).toMatch(/reden/i);
  });

  it("resolves Nee with a reason as not_needed and requires no position fields", () => {
    const values = valuesOf({
      decision: "not_needed",
      notNeededReason: "Niet-werknemer",
      note: "zie mail",
      functionCode: null,
      gradeCode: null,
      unitCode: null,
      costCentreCode: null,
      dutyLocationCode: null,
      fte: null,
      validFrom: null,
    });
    const { resolved, problems } = check(values);
    expect(problems).toEqual([]);
    expect(resolved).toEqual({
      rowNumber: 5,
      relationId: "rel-1",
      decision: "not_needed",
      notNeededReason: "Niet-werknemer",
      functionProfileId: null,
      gradeId: null,
      orgUnitId: null,
      costCentreId: null,
      dutyLocationId: null,
      fte: null,
      validFrom: null,
      note: "zie mail",
    });
  });

  it("ignores position data on Nee: nothing of it is stored", () => {
    const { resolved } = check(valuesOf({ decision: "not_needed", notNeededReason: "Vertrekt" }));
    expect(resolved).toMatchObject({ decision: "not_needed", functionProfileId: null, gradeId: null, orgUnitId: null, fte: null, validFrom: null });
  });

  it("refuses a relation that already has a position, in the Vlimpers column", () => {
    const context = contextOf({ greenLines: [], linked: ["012345/1"] });
    const { resolved, problems } = check(valuesOf(), context);
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "vlimpers");
    expect(problem.message).toMatch(/012345\/1/);
    expect(problem.message).toMatch(/al een arbeidsplaats/);
  });

  it("refuses a relation that is no green line of the entity, in the Vlimpers column", () => {
    const { resolved, problems } = check(valuesOf({ vlimpers: "999999", relationNumber: 3 }));
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "vlimpers");
    expect(problem.message).toMatch(/999999\/3/);
    expect(problem.message).toMatch(/geen groene lijn/);
  });

  it("asks for the relation number when only the Vlimpers number is filled", () => {
    const { resolved, problems } = check(valuesOf({ relationNumber: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "relationNumber").message).toMatch(/Arbeidsrelatie ontbreekt/);
  });

  it("asks for the Vlimpers number when only the relation number is filled", () => {
    const { resolved, problems } = check(valuesOf({ vlimpers: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "vlimpers").message).toMatch(/Vlimpersnummer ontbreekt/);
  });

  it("adds no relation error when the Vlimpers cell was unreadable", () => {
    const { resolved, problems } = check(valuesOf({ vlimpers: null, unreadable: ["vlimpers"] }), contextOf(), 1);
    expect(resolved).toBeNull();
    expect(problems).toEqual([]);
  });

  it("warns that the reason is not kept when a position is requested", () => {
    const { resolved, problems } = check(valuesOf({ notNeededReason: "toch niet" }));
    expect(resolved).toMatchObject({ decision: "requested", notNeededReason: null });
    expect(problems).toEqual([expect.objectContaining({ column: columnOf("notNeededReason"), severity: "warning" })]);
    expect(problems[0]!.message).toMatch(/niet bewaard/);
  });
});

describe("checkTemplateRow: free rows", () => {
  it("resolves a free row with data and no decision as a request without relation", () => {
    const { resolved, problems } = check(freeValues());
    expect(problems).toEqual([]);
    expect(resolved).toMatchObject({ relationId: null, decision: "requested", functionProfileId: "fn-100", gradeId: "gr-a1", orgUnitId: "un-01", fte: "0.800" });
  });

  it("refuses Nee on a free row, in the Arbeidsplaats nodig column", () => {
    const { resolved, problems } = check(freeValues({ decision: "not_needed", notNeededReason: "Vertrekt" }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "decision").message).toMatch(/vrije rij/);
  });
});

describe("checkTemplateRow: reference data", () => {
  it("asks for a function code when it is missing", () => {
    const { resolved, problems } = check(valuesOf({ functionCode: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "functionCode").message).toMatch(/Functiecode ontbreekt/);
  });

  it("refuses an unknown function code, in the Functiecode column", () => {
    const { resolved, problems } = check(valuesOf({ functionCode: "F999" }));
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "functionCode");
    expect(problem.columnLabel).toBe("Functiecode");
    expect(problem.message).toMatch(/F999/);
    expect(problem.message).toMatch(/geen bekende functiecode/);
  });

  it("refuses an inactive function code, in the Functiecode column", () => {
    const { resolved, problems } = check(valuesOf({ functionCode: "F200" }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "functionCode").message).toMatch(/niet meer actief/);
  });

  it("refuses a function code without title in Profielbeheer, in the Functiecode column", () => {
    const { resolved, problems } = check(valuesOf({ functionCode: "F300" }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "functionCode").message).toMatch(/geen functietitel/);
  });

  it("matches codes case-insensitively against the upper-case keys", () => {
    const { resolved, problems } = check(valuesOf({ functionCode: "fa-01", gradeCode: "a1", unitCode: "u01", costCentreCode: "kp1", dutyLocationCode: "bxl" }));
    expect(problems).toEqual([]);
    expect(resolved).toMatchObject({ functionProfileId: "fn-a01", gradeId: "gr-a1", orgUnitId: "un-01", costCentreId: "kp-1", dutyLocationId: "dl-bxl" });
  });

  it("asks for a grade when it is missing, in the Graad column", () => {
    const { resolved, problems } = check(valuesOf({ gradeCode: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "grade").message).toMatch(/Graad ontbreekt/);
  });

  it("asks for a unit when it is missing, in the Organisatie-eenheid column", () => {
    const { resolved, problems } = check(valuesOf({ unitCode: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "unit").message).toMatch(/Organisatie-eenheid ontbreekt/);
  });

  it("refuses an inactive grade", () => {
    const { problems } = check(valuesOf({ gradeCode: "B1" }));
    expect(onlyError(problems, "grade").message).toMatch(/niet meer actief/);
  });

  it("refuses a unit of another entity (not in the entity's units)", () => {
    const { resolved, problems } = check(valuesOf({ unitCode: "U99" }));
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "unit");
    expect(problem.message).toMatch(/U99/);
    expect(problem.message).toMatch(/van deze entiteit/);
  });

  it("refuses a cost centre of another entity (not in the entity's cost centres)", () => {
    const { resolved, problems } = check(valuesOf({ costCentreCode: "KP9" }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "costCentre").message).toMatch(/van deze entiteit/);
  });

  it("refuses an inactive duty location, in the Standplaats column", () => {
    const { resolved, problems } = check(valuesOf({ dutyLocationCode: "GNT" }));
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "dutyLocation");
    expect(problem.columnLabel).toBe("Standplaats");
    expect(problem.message).toMatch(/niet meer actief/);
  });

  it("asks for an FTE when it is missing, in the VTE column", () => {
    const { resolved, problems } = check(valuesOf({ fte: null }));
    expect(resolved).toBeNull();
    expect(onlyError(problems, "fte").message).toMatch(/VTE ontbreekt/);
  });

  it("gives no 'ontbreekt' error for an FTE that was unreadable", () => {
    const { resolved, problems } = check(valuesOf({ fte: null, unreadable: ["fte"] }), contextOf(), 1);
    expect(resolved).toBeNull();
    expect(problems).toEqual([]);
  });

  it("refuses a start date before 2000, in the Ingangsdatum column", () => {
    const { resolved, problems } = check(valuesOf({ validFrom: "1999-12-31" }));
    expect(resolved).toBeNull();
    const problem = onlyError(problems, "validFrom");
    expect(problem.message).toMatch(/1999-12-31/);
    expect(problem.message).toMatch(/2000/);
  });

  it("accepts a start date of 1 January 2000", () => {
    expect(check(valuesOf({ validFrom: "2000-01-01" })).resolved).toMatchObject({ validFrom: "2000-01-01" });
  });

  it("reports every problem of the row at once, each in its column", () => {
    const { resolved, problems } = check(valuesOf({ functionCode: "F999", gradeCode: null, unitCode: "U99", fte: null }));
    expect(resolved).toBeNull();
    expect(problems.map((p) => p.column)).toEqual([columnOf("functionCode"), columnOf("grade"), columnOf("unit"), columnOf("fte")]);
    expect(problems.every((p) => p.severity === "error" && p.rowNumber === 5)).toBe(true);
  });

  it("does not resolve a row with read errors, even when its rules pass", () => {
    const { resolved, problems } = check(valuesOf(), contextOf(), 1);
    expect(resolved).toBeNull();
    expect(problems).toEqual([]);
  });
});

describe("checkTemplateRows", () => {
  const row = (values: TemplateRowValues, readProblems: CellProblem[] = []) => ({ values, readProblems });

  it("resolves every correct row and reports nothing when all green lines are named", () => {
    const context = contextOf({ greenLines: [green(), green({ relationId: "rel-2", vlimpers: "000777", relationNumber: 2, name: "Peeters, Bo" })] });
    const result = checkTemplateRows(
      [row(valuesOf()), row(valuesOf({ rowNumber: 6, vlimpers: "000777", relationNumber: 2, decision: "not_needed", notNeededReason: "Vertrekt" })), row(freeValues({ rowNumber: 7 }))],
      context,
      COLUMNS,
      HEADER_ROW,
    );
    expect(result.problems).toEqual([]);
    expect(result.missingGreenLines).toEqual([]);
    expect(result.resolved.map((r) => [r.rowNumber, r.relationId, r.decision])).toEqual([
      [5, "rel-1", "requested"],
      [6, "rel-2", "not_needed"],
      [7, null, "requested"],
    ]);
  });

  it("refuses the same green line on a second row, naming the first row, and resolves only the first", () => {
    const result = checkTemplateRows([row(valuesOf({ rowNumber: 4 })), row(valuesOf({ rowNumber: 9 }))], contextOf(), COLUMNS, HEADER_ROW);
    expect(result.resolved.map((r) => r.rowNumber)).toEqual([4]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ rowNumber: 9, column: columnOf("vlimpers"), severity: "error" });
    expect(result.problems[0]!.message).toMatch(/rij 4\b/);
    expect(result.missingGreenLines).toEqual([]);
  });

  it("warns on the header row about green lines no row names, and lists them", () => {
    const named = green();
    const missing = green({ relationId: "rel-2", vlimpers: "000777", relationNumber: 2, name: "Peeters, Bo" });
    const result = checkTemplateRows([row(valuesOf())], contextOf({ greenLines: [named, missing] }), COLUMNS, 3);
    expect(result.missingGreenLines).toEqual([missing]);
    expect(result.resolved).toHaveLength(1);
    expect(result.problems).toHaveLength(1);
    const warning = result.problems[0]!;
    expect(warning).toMatchObject({ rowNumber: 3, severity: "warning" });
    expect(warning.column).toBeUndefined();
    expect(warning.message).toMatch(/^1 groene lijn/);
    expect(warning.message).toMatch(/Peeters, Bo \(000777\/2\)/);
    expect(warning.message).not.toMatch(/Jansens/);
  });

  it("names at most ten missing green lines and counts the rest", () => {
    const lines = Array.from({ length: 12 }, (_, i) => green({ relationId: `rel-${i}`, relationNumber: i + 1, name: `Persoon ${i + 1}` }));
    const result = checkTemplateRows([], contextOf({ greenLines: lines }), COLUMNS, HEADER_ROW);
    expect(result.missingGreenLines).toHaveLength(12);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^12 groene lijnen/);
    expect(result.problems[0]!.message).toMatch(/Persoon 10 \(012345\/10\)/);
    expect(result.problems[0]!.message).not.toMatch(/Persoon 11/);
    expect(result.problems[0]!.message).toMatch(/en nog 2/);
  });

  it("counts a green line named on a row with errors as named", () => {
    const result = checkTemplateRows([row(valuesOf({ gradeCode: null }))], contextOf(), COLUMNS, HEADER_ROW);
    expect(result.missingGreenLines).toEqual([]);
    expect(result.resolved).toEqual([]);
    expect(result.problems.map((p) => p.column)).toEqual([columnOf("grade")]);
  });

  it("sorts problems by row, then by column", () => {
    const fteRead: CellProblem = { rowNumber: 8, column: columnOf("fte"), columnLabel: "VTE", severity: "error", message: '"abc" is geen geldige VTE' };
    const result = checkTemplateRows(
      [
        row(freeValues({ rowNumber: 8, fte: null, unreadable: ["fte"], functionCode: null }), [fteRead]),
        row(freeValues({ rowNumber: 6, unitCode: null, gradeCode: null })),
      ],
      contextOf(),
      COLUMNS,
      2,
    );
    expect(result.problems.map((p) => [p.rowNumber, p.column])).toEqual([
      [2, undefined],
      [6, columnOf("grade")],
      [6, columnOf("unit")],
      [8, columnOf("functionCode")],
      [8, columnOf("fte")],
    ]);
  });

  it("does not resolve a row with a read error, and keeps its read problem", () => {
    const readProblem: CellProblem = { rowNumber: 5, column: columnOf("note"), columnLabel: "Opmerking", severity: "error", message: "Opmerking is te lang" };
    const result = checkTemplateRows([row(valuesOf({ unreadable: ["note"] }), [readProblem])], contextOf(), COLUMNS, HEADER_ROW);
    expect(result.resolved).toEqual([]);
    expect(result.problems).toEqual([readProblem]);
  });

  it("still resolves a row whose read problems are only warnings", () => {
    const rounded: CellProblem = { rowNumber: 5, column: columnOf("fte"), columnLabel: "VTE", severity: "warning", message: "De VTE 0,12345 wordt afgerond tot 0,123." };
    const result = checkTemplateRows([row(valuesOf({ fte: "0.123" }), [rounded])], contextOf(), COLUMNS, HEADER_ROW);
    expect(result.resolved).toHaveLength(1);
    expect(result.resolved[0]).toMatchObject({ fte: "0.123", relationId: "rel-1" });
    expect(result.problems).toEqual([rounded]);
  });
});
