import { describe, expect, it } from "vitest";
import { headerProblems } from "./header-problems";
import { matchHeaders, type ColumnSpec } from "./match-headers";

const specs: ColumnSpec[] = [
  { key: "code", header: "Code", required: true },
  { key: "name", header: "Naam", required: true },
  { key: "note", header: "Opmerking", required: false },
];

describe("headerProblems", () => {
  it("refuses the file with one message naming every missing required column and the header row", () => {
    const result = headerProblems(matchHeaders(["Opmerking"], specs), specs, 3, "Zie de handleiding.");
    expect(result.rejection).toBe('Kolommen ontbreken: "Code", "Naam". Voeg ze toe in de koprij (rij 3) en laad het bestand opnieuw op. Zie de handleiding.');
    expect(result.problems).toEqual([]);
  });

  it("warns about an unknown column and refuses a column given twice, pointing at the second", () => {
    const result = headerProblems(matchHeaders(["Code", "Naam", "Kleur", "naam"], specs), specs, 1, "");
    expect(result.rejection).toBeNull();
    expect(result.problems).toEqual([
      { rowNumber: 1, column: 3, columnLabel: "Kleur", severity: "warning", message: 'Onbekende kolom "Kleur": ze wordt niet ingelezen.' },
      { rowNumber: 1, column: 4, severity: "error", message: 'De kolom "Naam" staat er meer dan eens. Houd er één.' },
    ]);
  });
});
