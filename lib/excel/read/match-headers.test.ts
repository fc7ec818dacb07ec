import { describe, expect, it } from "vitest";
import { headerKey, matchHeaders, type ColumnSpec } from "./match-headers";

const SPECS = [
  { key: "vlimpers", header: "Vlimpersnummer", aliases: ["Personeelsnummer"], required: true },
  { key: "lastName", header: "Naam", aliases: ["Familienaam"], required: true },
  { key: "startDate", header: "Datum in dienst", aliases: ["Startdatum"], required: true },
  { key: "fte", header: "VTE", aliases: ["FTE"], required: true },
  { key: "unit", header: "Organisatie-eenheid", aliases: ["Org. eenheid"], required: false },
  { key: "unitName", header: "Naam organisatie-eenheid", required: false },
  { key: "costCentre", header: "Kostenplaats", required: false },
] as const satisfies readonly ColumnSpec[];

describe("headerKey", () => {
  it("ignores case, accents, spaces of any kind, punctuation and remarks in parentheses", () => {
    expect(headerKey(" Vlimpers\u00a0Nr. ")).toBe(headerKey("Vlimpersnummer"));
    expect(headerKey("VLIMPERS_NUMMER")).toBe("vlimpersnr");
    expect(headerKey("Vlimpers n°")).toBe("vlimpersnr");
    expect(headerKey("Organisatie–eenheid")).toBe(headerKey("organisatie eenheid"));
    expect(headerKey("Catégorie")).toBe("categorie");
    expect(headerKey("Datum in dienst (dd/mm/jjjj) *")).toBe("datumindienst");
    expect(headerKey("(leeg)")).toBe("leeg");
    expect(headerKey("  ")).toBe("");
  });
});

describe("matchHeaders", () => {
  it("matches in any order, tolerating case, accents, spaces, punctuation and aliases", () => {
    const headers = ["vte", "FAMILIENAAM", "Vlimpers\u00a0nr.", "", "Opmerking", "datum_in_dienst", "Org eenheid", "Naam organisatie-eenheid"];
    const match = matchHeaders(headers, SPECS);
    expect(match.columns).toEqual({ fte: 0, lastName: 1, vlimpers: 2, startDate: 5, unit: 6, unitName: 7 });
    expect(match.unknown).toEqual([{ index: 4, header: "Opmerking" }]);
    expect(match.missingRequired).toEqual([]);
    expect(match.duplicated).toEqual([]);
  });

  it("lists missing required columns (not optional ones) as their specs", () => {
    const match = matchHeaders(["Naam", "Kostenplaats"], SPECS);
    expect(match.missingRequired.map((spec) => spec.header)).toEqual(["Vlimpersnummer", "Datum in dienst", "VTE"]);
    expect(match.columns).toEqual({ lastName: 0, costCentre: 1 });
  });

  it("reports a key matched by two columns, keeping the first", () => {
    const match = matchHeaders(["VTE", "Naam", "FTE", "Vlimpersnummer", "Datum in dienst", "vte "], SPECS);
    expect(match.duplicated).toEqual([{ key: "fte", indexes: [0, 2, 5] }]);
    expect(match.columns.fte).toBe(0);
  });

  it("does not confuse a header that merely contains another", () => {
    const match = matchHeaders(["Naam organisatie-eenheid"], SPECS);
    expect(match.columns).toEqual({ unitName: 0 });
    expect(match.columns.lastName).toBeUndefined();
  });
});
