import { describe, expect, it } from "vitest";
import { neutraliseFormulaText, safeCell } from "./safe-cell";

describe("safeCell", () => {
  it("never passes an object through (exceljs would read { formula } as a formula)", () => {
    expect(safeCell({ formula: "1+1" })).toBe("[object Object]");
    expect(safeCell("=1+1")).toBe("=1+1");
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
    expect(safeCell(0.8)).toBe(0.8);
  });
});

describe("neutraliseFormulaText", () => {
  it("quotes text a spreadsheet would evaluate", () => {
    for (const text of ["=HYPERLINK(\"x\")", "+32", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormulaText(text)).toBe(`'${text}`);
    expect(neutraliseFormulaText("Peeters")).toBe("Peeters");
  });
});
