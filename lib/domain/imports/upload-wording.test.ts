import { describe, expect, it } from "vitest";
import nl from "@/messages/nl-BE.json";
import { noUploadYetLabel, summaryFigures, type UploadKind } from "./upload-wording";

const imports = nl.imports as Record<string, string>;
const labels = (upload: UploadKind) => summaryFigures(upload).map(({ label }) => imports[label]);

describe("each upload speaks of its own file", () => {
  it("a control report counts positions given a person, vacant ones and positions missing from the file", () => {
    expect(labels("control")).toEqual(["Rijen", "Met personeelslid", "Vacant", "Arbeidsplaatsen niet in bestand", "Fouten", "Waarschuwingen"]);
  });

  it("a position template counts requested positions and green lines", () => {
    expect(labels("template")).toEqual(["Rijen", "Aangevraagd", "Geen arbeidsplaats nodig", "Groene lijnen niet in bestand", "Fouten", "Waarschuwingen"]);
  });

  it("only a personnel list speaks of the personnel list", () => {
    for (const upload of ["reference", "template", "control"] as const) {
      expect(labels(upload).join(" ")).not.toMatch(/personeelslijst/i);
      expect(imports[noUploadYetLabel(upload)]).not.toMatch(/personeelslijst/i);
    }
    expect(labels("personnel")).toContain("Niet meer in personeelslijst");
    expect(imports[noUploadYetLabel("personnel")]).toBe("Er is nog geen personeelslijst opgeladen.");
  });

  it("every kind has a message for each of its labels", () => {
    for (const upload of ["personnel", "reference", "template", "control"] as const) {
      for (const label of [...summaryFigures(upload).map((f) => f.label), noUploadYetLabel(upload)]) expect(imports[label], label).toBeTypeOf("string");
    }
  });
});
