import { describe, expect, it } from "vitest";
import {
  changedFields,
  checkReferenceRecords,
  EMPTY_CONTEXT,
  type ReferenceContext,
  type ReferenceRecord,
  type ReferenceRowInput,
} from "./check-reference-records";
import { REFERENCE_KINDS, type ReferenceKindKey } from "./reference-kinds";

const grades = REFERENCE_KINDS.grades;
const profiles = REFERENCE_KINDS["function-profiles"];
const units = REFERENCE_KINDS["org-units"];
const locations = REFERENCE_KINDS["duty-locations"];
const costCentres = REFERENCE_KINDS["cost-centres"];

const gradeRow = (rowNumber: number, texts: Record<string, string> = {}): ReferenceRowInput => ({
  rowNumber,
  texts: { code: `A1-ATT${rowNumber}`, title: "attaché", rank: "A1", level: "A", payScale: "A111", active: "", ...texts },
});
const profileRow = (rowNumber: number, texts: Record<string, string> = {}): ReferenceRowInput => ({
  rowNumber,
  texts: { code: `FP-${rowNumber}`, title: "Beleidsmedewerker", family: "FF-BELEID", level: "A", ...texts },
});
const unitRow = (rowNumber: number, code: string, parent = "", texts: Record<string, string> = {}): ReferenceRowInput => ({
  rowNumber,
  texts: { code, name: `Afdeling ${code}`, parent, ...texts },
});

const withFamilies: ReferenceContext = { familyCodes: new Set(["FF-BELEID", "FF-ICT"]), storedParents: new Map() };
const withStoredUnits = (entries: [string, string | null][]): ReferenceContext => ({ familyCodes: new Set(), storedParents: new Map(entries) });

/** Problems reduced to what a user sees: row, field and message. */
const summarise = (problems: { rowNumber: number; field: string; message: string }[]) =>
  problems.map((p) => ({ rowNumber: p.rowNumber, field: p.field, message: p.message }));

describe("checkReferenceRecords: one record on its own", () => {
  it("accepts a clean grade and normalises it", () => {
    const { records, problems } = checkReferenceRecords(
      grades,
      [gradeRow(2, { code: "  a1-att ", title: "  attaché   eerste  klasse ", rank: "a 1", level: "a", payScale: "" })],
      EMPTY_CONTEXT,
    );
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { rowNumber: 2, code: "a1-att", active: true, values: { title: "attaché eerste klasse", rank: "A1", level: "A", payScale: null } },
    ]);
  });

  it.each([
    ["grades", "code", "Graadcode"],
    ["grades", "title", "Titel"],
    ["grades", "rank", "Rang"],
    ["grades", "level", "Niveau"],
    ["function-profiles", "title", "Functietitel"],
    ["function-profiles", "family", "Functiefamilie"],
    ["duty-locations", "code", "Code standplaats"],
    ["duty-locations", "name", "Naam"],
    ["org-units", "code", "Code organisatie-eenheid"],
    ["cost-centres", "name", "Naam"],
  ] as [ReferenceKindKey, string, string][])("%s: a missing %s is an error naming the column %s", (kindKey, field, header) => {
    const kind = REFERENCE_KINDS[kindKey];
    const complete: Record<string, string> = {
      code: "X-1",
      title: "Titel",
      name: "Naam",
      rank: "A1",
      level: "A",
      family: "FF-BELEID",
    };
    const { records, problems } = checkReferenceRecords(kind, [{ rowNumber: 4, texts: { ...complete, [field]: "   " } }], withFamilies);
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowNumber: 4, field, severity: "error" });
    expect(problems[0]!.message).toContain(`${header} ontbreekt`);
  });

  it("leaves optional fields empty without complaint", () => {
    const { records, problems } = checkReferenceRecords(locations, [{ rowNumber: 2, texts: { code: "BXL-HAC", name: "Herman Teirlinck" } }], EMPTY_CONTEXT);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({ code: "BXL-HAC", active: true, values: { name: "Herman Teirlinck", municipality: null } });
  });

  it.each(["A 1", "A1\tATT", "#A1", "-A1", "A1;ATT", "X".repeat(41)])("refuses the code %j", (code) => {
    const { records, problems } = checkReferenceRecords(costCentres, [{ rowNumber: 3, texts: { code, name: "Centrale diensten" } }], EMPTY_CONTEXT);
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowNumber: 3, field: "code", severity: "error" });
    expect(problems[0]!.message).toContain("geen geldige code voor Code kostenplaats");
    expect(problems[0]!.message).toContain("zonder spaties, hoogstens 40 tekens");
  });

  it.each(["KP-1000", "kp.1000/a_b", "X".repeat(40), "Één1"])("accepts the code %j", (code) => {
    const { records, problems } = checkReferenceRecords(costCentres, [{ rowNumber: 3, texts: { code, name: "Centrale diensten" } }], EMPTY_CONTEXT);
    expect(problems).toEqual([]);
    expect(records[0]!.code).toBe(code);
  });

  it("refuses text longer than 200 characters and accepts exactly 200", () => {
    const { records, problems } = checkReferenceRecords(
      costCentres,
      [
        { rowNumber: 2, texts: { code: "KP1", name: "n".repeat(200) } },
        { rowNumber: 3, texts: { code: "KP2", name: "n".repeat(201) } },
      ],
      EMPTY_CONTEXT,
    );
    expect(records.map((r) => r.code)).toEqual(["KP1"]);
    expect(summarise(problems)).toEqual([{ rowNumber: 3, field: "name", message: expect.stringContaining("Naam is te lang (201 tekens)") }]);
    expect(problems[0]!.message).toContain("hoogstens 200 tekens");
  });

  it("applies the length limit to optional text too", () => {
    const { problems } = checkReferenceRecords(grades, [gradeRow(2, { payScale: "s".repeat(201) })], EMPTY_CONTEXT);
    expect(summarise(problems)).toEqual([{ rowNumber: 2, field: "payScale", message: expect.stringContaining("Salarisschaal is te lang") }]);
  });

  it.each([
    ["a", "A"],
    ["b", "B"],
    [" c ", "C"],
    ["D", "D"],
  ])("normalises the level %j to %s", (level, expected) => {
    const { records, problems } = checkReferenceRecords(profiles, [profileRow(2, { level })], withFamilies);
    expect(problems).toEqual([]);
    expect(records[0]!.values.level).toBe(expected);
  });

  it.each(["E", "AA", "1", "niveau A"])("refuses the level %j", (level) => {
    const { records, problems } = checkReferenceRecords(profiles, [profileRow(2, { level })], withFamilies);
    expect(records).toEqual([]);
    expect(summarise(problems)).toEqual([{ rowNumber: 2, field: "level", message: expect.stringContaining("Kies uit A, B, C of D") }]);
  });

  it.each(["A", "A123", "E1", "1A", "A-1", "A2EX"])("refuses the rank %j", (rank) => {
    const { records, problems } = checkReferenceRecords(grades, [gradeRow(2, { rank })], EMPTY_CONTEXT);
    expect(records).toEqual([]);
    expect(summarise(problems)).toEqual([{ rowNumber: 2, field: "rank", message: expect.stringContaining("geen rang") }]);
  });

  it.each(["A2A", "a2e", "A2L", "A2M"])("accepts the rank %j of a track within level A", (rank) => {
    const { problems } = checkReferenceRecords(grades, [gradeRow(2, { rank })], EMPTY_CONTEXT);
    expect(problems).toEqual([]);
  });

  it("accepts a two-digit rank of the level, upper-cased", () => {
    const { records, problems } = checkReferenceRecords(grades, [gradeRow(2, { rank: "c12", level: "c" })], EMPTY_CONTEXT);
    expect(problems).toEqual([]);
    expect(records[0]!.values).toMatchObject({ rank: "C12", level: "C" });
  });

  it("refuses a rank that belongs to another level, on the field rank", () => {
    const { records, problems } = checkReferenceRecords(grades, [gradeRow(5, { rank: "B1", level: "A" })], EMPTY_CONTEXT);
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowNumber: 5, field: "rank", severity: "error" });
    expect(problems[0]!.message).toContain("Rang B1 hoort niet bij niveau A");
  });

  it("does not check the rank against the level for function profiles (they have no rank)", () => {
    const { problems } = checkReferenceRecords(profiles, [profileRow(2, { level: "B" })], withFamilies);
    expect(problems).toEqual([]);
  });

  it("refuses a function family that does not exist, and finds an existing one whatever its case", () => {
    const { records, problems } = checkReferenceRecords(
      profiles,
      [profileRow(2, { family: "ff-ict" }), profileRow(3, { family: "FF-ONBEKEND" })],
      withFamilies,
    );
    expect(records.map((r) => [r.rowNumber, r.values.family])).toEqual([[2, "FF-ICT"]]);
    expect(summarise(problems)).toEqual([
      { rowNumber: 3, field: "family", message: expect.stringContaining('Functiefamilie "FF-ONBEKEND" bestaat niet') },
    ]);
  });
});

describe("checkReferenceRecords: the column Actief", () => {
  it.each([
    ["", true],
    ["ja", true],
    ["JA", true],
    ["1", true],
    ["x", true],
    ["nee", false],
    ["Nee", false],
    ["NEE", false],
    ["0", false],
    ["inactief", false],
  ])("reads %j as active=%s", (text, active) => {
    const { records, problems } = checkReferenceRecords(costCentres, [{ rowNumber: 2, texts: { code: "KP1", name: "Kp", active: text } }], EMPTY_CONTEXT);
    expect(problems).toEqual([]);
    expect(records[0]!.active).toBe(active);
  });

  it("treats a missing active text as active", () => {
    const { records } = checkReferenceRecords(costCentres, [{ rowNumber: 2, texts: { code: "KP1", name: "Kp" } }], EMPTY_CONTEXT);
    expect(records[0]!.active).toBe(true);
  });

  it("refuses a word it does not know", () => {
    const { records, problems } = checkReferenceRecords(costCentres, [{ rowNumber: 2, texts: { code: "KP1", name: "Kp", active: "misschien" } }], EMPTY_CONTEXT);
    expect(records).toEqual([]);
    expect(summarise(problems)).toEqual([
      { rowNumber: 2, field: "active", message: expect.stringContaining('"misschien" is geen geldige waarde voor Actief') },
    ]);
  });
});

describe("checkReferenceRecords: records against each other", () => {
  it("refuses a code that came earlier in the file, whatever its case, pointing at the earlier row", () => {
    const { records, problems } = checkReferenceRecords(
      grades,
      [gradeRow(2, { code: "A1-ATT" }), gradeRow(3, { code: "B1-DES", rank: "B1", level: "B" }), gradeRow(7, { code: "a1-att" })],
      EMPTY_CONTEXT,
    );
    expect(records.map((r) => r.code)).toEqual(["A1-ATT", "B1-DES"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowNumber: 7, field: "code", severity: "error" });
    expect(problems[0]!.message).toContain("staat al op rij 2");
  });

  it("returns every problem at once: a row with three faults gives three problems, other rows are still checked", () => {
    const { records, problems } = checkReferenceRecords(
      grades,
      [gradeRow(2, { code: "A 1", title: "", level: "Z" }), gradeRow(3), gradeRow(4, { active: "misschien" })],
      EMPTY_CONTEXT,
    );
    expect(problems.map((p) => [p.rowNumber, p.field])).toEqual([
      [2, "code"],
      [2, "title"],
      [2, "level"],
      [4, "active"],
    ]);
    expect(problems.every((p) => p.severity === "error")).toBe(true);
    expect(records.map((r) => r.rowNumber)).toEqual([3]);
  });

  it("leaves out every record with an error and keeps the rest in file order", () => {
    const { records } = checkReferenceRecords(
      costCentres,
      [
        { rowNumber: 2, texts: { code: "KP1", name: "Een" } },
        { rowNumber: 3, texts: { code: "KP2", name: "" } },
        { rowNumber: 4, texts: { code: "KP3", name: "Drie" } },
        { rowNumber: 5, texts: { code: "kp1", name: "Dubbel" } },
      ],
      EMPTY_CONTEXT,
    );
    expect(records.map((r) => r.code)).toEqual(["KP1", "KP3"]);
  });
});

describe("checkReferenceRecords: parents of organisational units", () => {
  it("accepts a parent that is stored or in the file, also further down the file, upper-casing it", () => {
    const { records, problems } = checkReferenceRecords(
      units,
      [unitRow(2, "AFD-HR", "dir-org"), unitRow(3, "DIR-ORG", "ENT"), unitRow(4, "TOP")],
      withStoredUnits([["ENT", null]]),
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.code, r.values.parent])).toEqual([
      ["AFD-HR", "DIR-ORG"],
      ["DIR-ORG", "ENT"],
      ["TOP", null],
    ]);
  });

  it("refuses a parent that is neither stored nor in the file", () => {
    const { records, problems } = checkReferenceRecords(units, [unitRow(2, "AFD-HR", "DIR-X")], withStoredUnits([["DIR-ORG", null]]));
    expect(records).toEqual([]);
    expect(summarise(problems)).toEqual([
      { rowNumber: 2, field: "parent", message: expect.stringContaining('Bovenliggende eenheid "DIR-X" bestaat niet') },
    ]);
  });

  it("refuses a unit under itself, whatever the case", () => {
    const { records, problems } = checkReferenceRecords(units, [unitRow(2, "AFD-HR", "afd-hr")], EMPTY_CONTEXT);
    expect(records).toEqual([]);
    expect(summarise(problems)).toEqual([{ rowNumber: 2, field: "parent", message: expect.stringContaining("niet onder zichzelf vallen") }]);
  });

  it("refuses a cycle made within the file, on both rows", () => {
    const { records, problems } = checkReferenceRecords(units, [unitRow(2, "A", "B"), unitRow(3, "B", "A")], EMPTY_CONTEXT);
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.rowNumber, p.field])).toEqual([
      [2, "parent"],
      [3, "parent"],
    ]);
    expect(problems[0]!.message).toContain("valt A (onrechtstreeks) onder zichzelf");
    expect(problems[1]!.message).toContain("valt B (onrechtstreeks) onder zichzelf");
  });

  it("refuses a longer cycle within the file", () => {
    const { problems } = checkReferenceRecords(units, [unitRow(2, "A", "B"), unitRow(3, "B", "C"), unitRow(4, "C", "A")], EMPTY_CONTEXT);
    expect(problems.map((p) => p.rowNumber)).toEqual([2, 3, 4]);
  });

  it("refuses a cycle with the stored data: stored B under A, the file puts A under B", () => {
    const { records, problems } = checkReferenceRecords(units, [unitRow(2, "A", "B")], withStoredUnits([["A", null], ["B", "A"]]));
    expect(records).toEqual([]);
    expect(summarise(problems)).toEqual([
      { rowNumber: 2, field: "parent", message: expect.stringContaining("onrechtstreeks) onder zichzelf") },
    ]);
  });

  it("accepts the same move when the file also takes B from under A", () => {
    const { records, problems } = checkReferenceRecords(units, [unitRow(2, "A", "B"), unitRow(3, "B", "")], withStoredUnits([["A", null], ["B", "A"]]));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.code)).toEqual(["A", "B"]);
  });

  it("does not check parents of kinds without a parent field", () => {
    const { problems } = checkReferenceRecords(costCentres, [{ rowNumber: 2, texts: { code: "KP1", name: "Kp", parent: "NERGENS" } }], EMPTY_CONTEXT);
    expect(problems).toEqual([]);
  });
});

describe("changedFields", () => {
  const stored: ReferenceRecord = { rowNumber: 0, code: "A1-ATT", active: true, values: { title: "attaché", rank: "A1", level: "A", payScale: null } };

  it("finds nothing when nothing changed", () => {
    expect(changedFields(grades, { ...stored, rowNumber: 2, values: { ...stored.values } }, stored)).toEqual([]);
  });

  it("names each changed value", () => {
    const record = { ...stored, values: { ...stored.values, title: "attaché (adviseur)", payScale: "A112" } };
    expect(changedFields(grades, record, stored)).toEqual(["title", "payScale"]);
  });

  it("sees a value that became empty", () => {
    const withScale = { ...stored, values: { ...stored.values, payScale: "A111" } };
    expect(changedFields(grades, stored, withScale)).toEqual(["payScale"]);
  });

  it("sees the active flag flip both ways", () => {
    expect(changedFields(grades, { ...stored, active: false }, stored)).toEqual(["active"]);
    expect(changedFields(grades, stored, { ...stored, active: false })).toEqual(["active"]);
  });

  it("sees a change of code that is only a change of case, first in the list", () => {
    expect(changedFields(grades, { ...stored, code: "a1-att", active: false }, stored)).toEqual(["code", "active"]);
  });

  it("compares text values exactly (case counts)", () => {
    expect(changedFields(grades, { ...stored, values: { ...stored.values, title: "Attaché" } }, stored)).toEqual(["title"]);
  });

  it("compares function family codes case-insensitively, but sees another family", () => {
    const profile: ReferenceRecord = { rowNumber: 0, code: "FP-1", active: true, values: { title: "Beleid", family: "FF-BELEID", level: "A" } };
    expect(changedFields(profiles, { ...profile, values: { ...profile.values, family: "ff-beleid" } }, profile)).toEqual([]);
    expect(changedFields(profiles, { ...profile, values: { ...profile.values, family: "FF-ICT" } }, profile)).toEqual(["family"]);
  });

  it("compares parent codes case-insensitively, and sees a parent added or removed", () => {
    const unit: ReferenceRecord = { rowNumber: 0, code: "AFD", active: true, values: { name: "Afdeling", parent: "Dir" } };
    expect(changedFields(units, { ...unit, values: { ...unit.values, parent: "DIR" } }, unit)).toEqual([]);
    expect(changedFields(units, { ...unit, values: { ...unit.values, parent: null } }, unit)).toEqual(["parent"]);
    expect(changedFields(units, unit, { ...unit, values: { ...unit.values, parent: null } })).toEqual(["parent"]);
  });
});
