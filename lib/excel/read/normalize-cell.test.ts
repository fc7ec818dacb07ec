import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, normalizeExcelValue, type NormalizedCell } from "./normalize-cell";

const norm = (value: unknown, date1904 = false, numFmt?: string) =>
  normalizeExcelValue(value as ExcelJS.CellValue, { date1904, numFmt });

describe("normalizeExcelValue", () => {
  it("keeps plain values with their text", () => {
    expect(norm(null)).toEqual({ kind: "empty" });
    expect(norm(undefined)).toEqual({ kind: "empty" });
    expect(norm("Jan Peeters")).toEqual({ kind: "text", text: "Jan Peeters" });
    expect(norm(12345)).toEqual({ kind: "number", value: 12345, text: "12345" });
    expect(norm(0.1 + 0.2)).toEqual({ kind: "number", value: 0.1 + 0.2, text: "0.3" });
    expect(norm(true)).toEqual({ kind: "boolean", value: true, text: "WAAR" });
  });

  it("treats text of only (non-breaking) spaces as empty, keeps other text as is", () => {
    expect(norm("  \u00a0 ")).toEqual({ kind: "empty" });
    expect(norm("\u00a0Jan\u00a0 ")).toEqual({ kind: "text", text: "\u00a0Jan\u00a0 " });
  });

  it("keeps a number stored as text as text (leading zeros survive)", () => {
    expect(norm("012345")).toEqual({ kind: "text", text: "012345" });
  });

  it("gives the cached result of a formula, never the formula text", () => {
    expect(norm({ formula: "A1*2", result: 0.8 })).toEqual({ kind: "number", value: 0.8, text: "0.8" });
    expect(norm({ formula: 'CONCAT("a";"b")', result: "ab" })).toEqual({ kind: "text", text: "ab" });
    expect(norm({ sharedFormula: "B2", result: 7 })).toEqual({ kind: "number", value: 7, text: "7" });
    expect(norm({ formula: "", result: 3 })).toEqual({ kind: "number", value: 3, text: "3" });
    expect(norm({ formula: "VLOOKUP(A1;X;2)", result: { error: "#N/A" } })).toEqual({ kind: "error", text: "#N/A" });
    expect(norm({ formula: "1/0", result: Number.NaN })).toEqual({ kind: "error", text: "#FOUT" });
    expect(norm({ formula: "A1" })).toEqual({ kind: "error", text: "#GEEN_RESULTAAT" });
  });

  it("makes a formula's number a date only when the cell has a date format", () => {
    expect(norm({ formula: "TODAY()", result: 45306 }, false, "dd/mm/yyyy")).toEqual({ kind: "date", iso: "2024-01-15", text: "2024-01-15" });
    expect(norm({ formula: "TODAY()", result: 43844 }, true, "d-mmm-yy")).toEqual({ kind: "date", iso: "2024-01-15", text: "2024-01-15" });
    expect(norm({ formula: "A1", result: 45306 }, false, "0.00")).toMatchObject({ kind: "number", value: 45306 });
    expect(norm({ formula: "A1", result: 45306 }, false, '[$-813]"dag "0')).toMatchObject({ kind: "number" });
  });

  it("concatenates rich text and gives a hyperlink's shown text", () => {
    const rich = { richText: [{ text: "Jan " }, { font: { bold: true }, text: "Peeters" }] };
    expect(norm(rich)).toEqual({ kind: "text", text: "Jan Peeters" });
    expect(norm({ text: "Profiel 123", hyperlink: "https://example.org/p/123" })).toEqual({ kind: "text", text: "Profiel 123" });
    expect(norm({ text: rich, hyperlink: "mailto:jan@example.org" })).toEqual({ kind: "text", text: "Jan Peeters" });
    expect(norm({ richText: [{ text: null }, { text: "x" }] })).toEqual({ kind: "text", text: "x" });
  });

  it("reads a Date (exceljs, UTC) as its calendar day whatever the local time zone", () => {
    expect(norm(new Date(Date.UTC(2024, 0, 15)))).toEqual({ kind: "date", iso: "2024-01-15", text: "2024-01-15" });
    expect(norm(new Date(Date.UTC(2024, 0, 15, 23, 30)))).toMatchObject({ iso: "2024-01-15" });
    const time = norm(new Date(Date.UTC(1899, 11, 30, 14, 30)));
    expect(time).toMatchObject({ kind: "number", text: "14:30" });
    expect(time.kind === "number" && time.value).toBeCloseTo(14.5 / 24, 9);
    expect(norm(new Date(Number.NaN))).toEqual({ kind: "error", text: "#WAARDE!" });
  });

  it("keeps error values and never yields [object Object]", () => {
    expect(norm({ error: "#DIV/0!" })).toEqual({ kind: "error", text: "#DIV/0!" });
    const odd: NormalizedCell[] = [norm({ sharedString: 3 }), norm({ foo: "bar" }), norm(Symbol("x")), norm(Number.POSITIVE_INFINITY)];
    for (const cell of odd) {
      expect(cell.kind).toBe("error");
      expect(JSON.stringify(cell)).not.toContain("[object Object]");
    }
  });

  it("decodes Excel's _xHHHH_ escapes", () => {
    expect(norm("regel 1_x000D_\nregel 2")).toEqual({ kind: "text", text: "regel 1\r\nregel 2" });
  });
});

describe("cellText", () => {
  it("trims, turns NBSP and other Unicode spaces into one normal space", () => {
    expect(cellText({ kind: "text", text: "\u00a0 Jan\u00a0\u00a0Peeters\u2009\t\n" })).toBe("Jan Peeters");
    expect(cellText({ kind: "text", text: "Zo\u200Bë" })).toBe("Zoë");
    expect(cellText({ kind: "number", value: 1, text: "1" })).toBe("1");
    expect(cellText({ kind: "empty" })).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});
