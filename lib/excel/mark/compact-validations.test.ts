import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compactValidations } from "./compact-validations";

const list = (formula: string): ExcelJS.DataValidation => ({ type: "list", allowBlank: true, formulae: [formula] });
const cells = (column: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${column}${from + i}`);

describe("compactValidations", () => {
  it("turns a loaded column of cells back into one range, whatever order the cells come in", () => {
    const validation = list('"Ja,Nee"');
    // Text order, as exceljs visits them: E10 … E19, E2, E20 …
    const model = Object.fromEntries(cells("E", 2, 251).sort().map((address) => [address, validation]));
    expect(compactValidations(model)).toEqual({ "E2:E251": validation });
  });

  it("joins neighbouring columns with the same rows, and keeps a gap as two ranges", () => {
    const validation = list("Lijsten!$A$2:$A$9");
    const model = Object.fromEntries([...cells("B", 2, 5), ...cells("C", 2, 5), ...cells("D", 2, 3), ...cells("D", 7, 8)].map((a) => [a, validation]));
    expect(Object.keys(compactValidations(model)).sort()).toEqual(["B2:C5", "D2:D3", "D7:D8"]);
  });

  it("keeps validations that are alike but separate apart, each cell in one range only", () => {
    const first = list('"Ja,Nee"');
    const second = list('"Ja,Nee"');
    const model = { ...Object.fromEntries(cells("E", 2, 9).map((a) => [a, first])), ...Object.fromEntries(cells("E", 10, 12).map((a) => [a, second])) };
    const compacted = compactValidations(model);
    expect(compacted).toEqual({ "E2:E9": first, "E10:E12": second });
    expect(compacted["E2:E9"]).toBe(first);
  });

  it("writes a lone cell as a range, so the writer cannot grow it into its neighbours", () => {
    const validation = list('"Ja,Nee"');
    expect(Object.keys(compactValidations({ F4: validation }))).toEqual(["F4:F4"]);
  });

  it("keeps ranges set by code, unless loaded cells cover part of them", () => {
    const loaded = list('"Ja,Nee"');
    const coded = list('"A,B"');
    const free = list('"C,D"');
    const compacted = compactValidations({ E2: loaded, E3: loaded, "E3:E9": coded, "G1:G4": free });
    expect(compacted).toEqual({ "E2:E3": loaded, "G1:G4": free });
  });
});
