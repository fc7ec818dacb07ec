import { and, asc, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, costCentres, dutyLocations, functionFamilies, functionProfiles, grades, importRuns, orgUnits, users } from "@/db/schema";
import { buildReferenceWorkbook } from "@/lib/domain/reference/export-reference";
import { commitReferenceImport, previewReferenceImport } from "@/lib/domain/reference/reference-import";
import { REFERENCE_KINDS, type ReferenceKindKey } from "@/lib/domain/reference/reference-kinds";
import { loadReference } from "@/lib/domain/reference/reference-store";
import { saveReferenceRecord, setReferenceRecordActive } from "@/lib/domain/reference/save-reference";
import { AppError } from "@/lib/errors/app-error";
import { readFileContent } from "@/lib/files/store-file";
import { createEntity } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Cell = string | number | null;

/** A workbook as a user makes one: a header row, then the rows, in the column order given. */
async function workbook(headers: string[], rows: Cell[][], sheetName = "Blad1"): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The headers of a kind exactly as reference-kinds.ts names them. */
const headersOf = (kind: ReferenceKindKey) => REFERENCE_KINDS[kind].fields.map((f) => f.header);

const GRADE_HEADERS = headersOf("grades"); // Graadcode, Titel, Rang, Niveau, Salarisschaal, Actief
const UNIT_HEADERS = headersOf("org-units"); // Code organisatie-eenheid, Naam, Bovenliggende eenheid, Actief

const gradeRows = (): Cell[][] => [
  ["A1-ATT", "attaché", "A1", "A", "A111", "ja"],
  ["B1-DES", "deskundige", "B1", "B", null, null],
  ["C1-MED", "medewerker", "c1", "c", "C111", ""],
];

const expectAppError = async (promise: Promise<unknown>, code: AppError["code"], message?: RegExp) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
};

describe(`reference data: import, export and forms (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let entityA: string;
  let entityB: string;
  let actorId: string;

  const preview = (kind: ReferenceKindKey, entityId: string | null, content: Buffer, fileName = `${kind}.xlsx`) =>
    previewReferenceImport(t.db, { kind, entityId, actorId, file: { fileName, contentType: XLSX, content } });
  const commit = (kind: ReferenceKindKey, entityId: string | null, importRunId: string) =>
    commitReferenceImport(t.db, { kind, entityId, importRunId, actorId });
  const runOf = async (id: string) => (await t.db.select().from(importRuns).where(eq(importRuns.id, id)))[0]!;
  const gradeSnapshot = async () => (await t.db.execute(sql`select * from grades order by code`)).rows;
  const unitSnapshot = async () => (await t.db.execute(sql`select * from org_units order by entity_id, code`)).rows;
  const unitsOf = async (entityId: string) => {
    const rows = await t.db.select().from(orgUnits).where(eq(orgUnits.entityId, entityId)).orderBy(asc(orgUnits.code));
    const codeOf = new Map(rows.map((r) => [r.id, r.code]));
    return rows.map((r) => ({ code: r.code, name: r.name, parent: r.parentId ? (codeOf.get(r.parentId) ?? `foreign:${r.parentId}`) : null, active: r.active }));
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    entityA = (await createEntity(t.db, { name: "Agentschap A" })).id;
    entityB = (await createEntity(t.db, { name: "Departement B" })).id;
    await t.db.insert(functionFamilies).values([
      { code: "FF-BELEID", name: "Beleidsfuncties" },
      { code: "FF-ICT", name: "ICT-functies" },
    ]);
    const [user] = await t.db.insert(users).values({ email: "referentie@test", name: "Centrale expert" }).returning();
    actorId = user!.id;
  });
  afterAll(async () => t?.dispose());

  describe("grades by spreadsheet", () => {
    it("previews without writing, then commits the new grades", async () => {
      const run = await preview("grades", null, await workbook(GRADE_HEADERS, gradeRows()));
      expect(run.state).toBe("previewed");
      expect(run.rejection).toBeNull();
      expect(run.summary).toEqual({ rows: 3, added: 3, changed: 0, unchanged: 0, gone: 0, errors: 0, warnings: 0 });
      expect(await t.db.$count(grades)).toBe(0);

      const outcome = await commit("grades", null, run.importRunId);
      expect(outcome).toEqual({ state: "committed", added: 3, changed: 0 });
      const stored = await t.db.select().from(grades).orderBy(asc(grades.code));
      expect(stored.map((g) => [g.code, g.title, g.rank, g.level, g.payScale, g.active])).toEqual([
        ["A1-ATT", "attaché", "A1", "A", "A111", true],
        ["B1-DES", "deskundige", "B1", "B", null, true],
        ["C1-MED", "medewerker", "C1", "C", "C111", true],
      ]);
      expect((await runOf(run.importRunId)).state).toBe("committed");
      const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, run.importRunId));
      expect(audit.map((a) => a.action).sort()).toEqual(["reference.import.commit", "reference.import.preview"]);
    });

    it("changes nothing when the same file comes again, and says so", async () => {
      const before = await gradeSnapshot();
      const run = await preview("grades", null, await workbook(GRADE_HEADERS, gradeRows()));
      expect(run.summary).toMatchObject({ rows: 3, added: 0, changed: 0, unchanged: 3, gone: 0, errors: 0 });
      const outcome = await commit("grades", null, run.importRunId);
      expect(outcome).toEqual({ state: "unchanged", added: 0, changed: 0 });
      expect((await runOf(run.importRunId)).state).toBe("unchanged");
      expect(await gradeSnapshot()).toEqual(before);
    });

    it("reads alias headers in another column order as the same data", async () => {
      const headers = ["Niveau", "Benaming", "Code graad", "Weddeschaal", "Rang"];
      const rows: Cell[][] = [
        ["A", "attaché", "A1-ATT", "A111", "A1"],
        ["B", "deskundige", "B1-DES", null, "B1"],
        ["C", "medewerker", "C1-MED", "C111", "C1"],
      ];
      const run = await preview("grades", null, await workbook(headers, rows));
      expect(run.state).toBe("previewed");
      expect(run.summary).toMatchObject({ added: 0, changed: 0, unchanged: 3, errors: 0 });
    });

    it("exports what is stored as a file that imports again without changes", async () => {
      const before = await gradeSnapshot();
      const exported = await buildReferenceWorkbook(REFERENCE_KINDS.grades, await loadReference(t.db, "grades", null));
      const run = await preview("grades", null, exported, "graden.xlsx");
      expect(run.state).toBe("previewed");
      expect(run.summary).toEqual({ rows: 3, added: 0, changed: 0, unchanged: 3, gone: 0, errors: 0, warnings: 0 });
      expect(await commit("grades", null, run.importRunId)).toMatchObject({ state: "unchanged" });
      expect(await gradeSnapshot()).toEqual(before);
    });

    it("updates a changed title and names the changed field in the preview", async () => {
      const rows = gradeRows();
      rows[1]![1] = "deskundige (adviseur)";
      const run = await preview("grades", null, await workbook(GRADE_HEADERS, rows));
      expect(run.summary).toMatchObject({ added: 0, changed: 1, unchanged: 2, gone: 0 });
      expect((await runOf(run.importRunId)).changes).toEqual([{ key: "B1-DES", name: "deskundige (adviseur)", fields: ["Titel"] }]);
      expect(await commit("grades", null, run.importRunId)).toEqual({ state: "committed", added: 0, changed: 1 });
      const stored = await t.db.select().from(grades).orderBy(asc(grades.code));
      expect(stored.map((g) => g.title)).toEqual(["attaché", "deskundige (adviseur)", "medewerker"]);
      expect(stored.map((g) => g.payScale)).toEqual(["A111", null, "C111"]);
    });

    it('deactivates with "nee", and leaves grades missing from the file as they are', async () => {
      const file = await workbook(GRADE_HEADERS, [
        ["A1-ATT", "attaché", "A1", "A", "A111", "nee"],
        ["B1-DES", "deskundige (adviseur)", "B1", "B", null, "ja"],
      ]);
      const run = await preview("grades", null, file);
      expect(run.summary).toMatchObject({ rows: 2, added: 0, changed: 1, unchanged: 1, gone: 1 });
      expect((await runOf(run.importRunId)).changes).toEqual([{ key: "A1-ATT", name: "attaché", fields: ["Actief"] }]);
      await commit("grades", null, run.importRunId);
      const stored = await t.db.select().from(grades).orderBy(asc(grades.code));
      expect(stored.map((g) => [g.code, g.active])).toEqual([
        ["A1-ATT", false],
        ["B1-DES", true],
        ["C1-MED", true],
      ]);

      // The export says "nee" for it, so exporting and importing again keeps it inactive.
      const exported = await buildReferenceWorkbook(REFERENCE_KINDS.grades, await loadReference(t.db, "grades", null));
      const again = await preview("grades", null, exported);
      expect(again.summary).toMatchObject({ rows: 3, added: 0, changed: 0, unchanged: 3 });
    });

    it("refuses a file with errors: nothing written, the problems marked in a stored file, no commit", async () => {
      const before = await gradeSnapshot();
      const file = await workbook(GRADE_HEADERS, [
        ["A1-ATT", "attaché", "A1", "A", "A111", "ja"],
        ["D1-NEW", "nieuw", "B1", "A", null, null],
        ["X 1", "", "A1", "A", null, "misschien"],
        ["a1-att", "dubbel", "A1", "A", null, null],
      ]);
      const run = await preview("grades", null, file);
      expect(run.state).toBe("rejected");
      expect(run.summary).toMatchObject({ rows: 4, errors: 5 });
      const stored = await runOf(run.importRunId);
      expect(stored.markedFileId).not.toBeNull();
      expect((await readFileContent(t.db, stored.markedFileId!))!.length).toBeGreaterThan(0);
      expect(stored.changes).toEqual([]);
      const messages = stored.problems.map((p) => [p.rowNumber, p.columnLabel, p.message]);
      expect(messages).toEqual(
        expect.arrayContaining([
          [3, "Rang", expect.stringContaining("Rang B1 hoort niet bij niveau A")],
          [4, "Graadcode", expect.stringContaining("geen geldige code")],
          [4, "Titel", expect.stringContaining("Titel ontbreekt")],
          [4, "Actief", expect.stringContaining("geen geldige waarde voor Actief")],
          [5, "Graadcode", expect.stringContaining("staat al op rij 2")],
        ]),
      );
      expect(stored.problems.find((p) => p.rowNumber === 3)).toMatchObject({ column: 3, severity: "error" });
      await expectAppError(commit("grades", null, run.importRunId), "conflict", /al verwerkt/);
      expect(await gradeSnapshot()).toEqual(before);
    });

    it("refuses a file without a required column, naming it", async () => {
      const run = await preview("grades", null, await workbook(["Graadcode", "Titel", "Rang", "Actief"], [["A1-ATT", "attaché", "A1", "ja"]]));
      expect(run.state).toBe("rejected");
      expect(run.summary).toBeNull();
      expect(run.rejection).toMatch(/Kolommen ontbreken: "Niveau"/);
      await expectAppError(commit("grades", null, run.importRunId), "conflict");
    });

    it("keeps only the newest preview: an older one can no longer be committed", async () => {
      const older = await preview("grades", null, await workbook(GRADE_HEADERS, [["E1-X", "ouder", "D1", "D", null, null]]));
      const newer = await preview("grades", null, await workbook(GRADE_HEADERS, gradeRows()));
      expect((await runOf(older.importRunId)).state).toBe("superseded");
      await expectAppError(commit("grades", null, older.importRunId), "conflict");
      expect(await t.db.$count(grades, eq(grades.code, "E1-X"))).toBe(0);
      expect(newer.state).toBe("previewed");
    });
  });

  describe("the other shared kinds by spreadsheet", () => {
    it("imports function profiles with their family, whatever its case, and changes the family", async () => {
      const headers = headersOf("function-profiles");
      const first = await preview(
        "function-profiles",
        null,
        await workbook(headers, [
          ["FP-A-0001", "Beleidsmedewerker", "ff-beleid", "A", null],
          ["FP-B-0001", "Dossierbeheerder", "FF-BELEID", "b", "nee"],
        ]),
      );
      expect(first.state).toBe("previewed");
      await commit("function-profiles", null, first.importRunId);
      const family = async (code: string) =>
        (await t.db.select({ code: functionFamilies.code }).from(functionProfiles).innerJoin(functionFamilies, eq(functionFamilies.id, functionProfiles.familyId)).where(eq(functionProfiles.code, code)))[0]!.code;
      expect(await family("FP-A-0001")).toBe("FF-BELEID");

      const second = await preview(
        "function-profiles",
        null,
        await workbook(headers, [
          ["FP-A-0001", "Beleidsmedewerker", "FF-ICT", "A", null],
          ["FP-B-0001", "Dossierbeheerder", "ff-beleid", "B", "nee"],
        ]),
      );
      expect(second.summary).toMatchObject({ added: 0, changed: 1, unchanged: 1 });
      expect((await runOf(second.importRunId)).changes).toEqual([{ key: "FP-A-0001", name: "Beleidsmedewerker", fields: ["Functiefamilie"] }]);
      await commit("function-profiles", null, second.importRunId);
      expect(await family("FP-A-0001")).toBe("FF-ICT");
      expect((await t.db.select().from(functionProfiles).where(eq(functionProfiles.code, "FP-B-0001")))[0]!.active).toBe(false);
    });

    it("refuses a function profile of a family that does not exist", async () => {
      const run = await preview("function-profiles", null, await workbook(headersOf("function-profiles"), [["FP-C-0001", "Onthaal", "FF-ONBEKEND", "C", null]]));
      expect(run.state).toBe("rejected");
      expect((await runOf(run.importRunId)).problems[0]!.message).toContain('Functiefamilie "FF-ONBEKEND" bestaat niet');
      expect(await t.db.$count(functionProfiles, eq(functionProfiles.code, "FP-C-0001"))).toBe(0);
    });

    it("imports a CSV file as Belgian Excel writes it", async () => {
      const csv = Buffer.from("Code standplaats;Naam;Gemeente;Actief\r\nGNT-VAC;Virginie Lovelinggebouw;Gent;ja\r\n", "utf8");
      const run = await preview("duty-locations", null, csv, "standplaatsen.csv");
      expect(run.state).toBe("previewed");
      expect(await commit("duty-locations", null, run.importRunId)).toEqual({ state: "committed", added: 1, changed: 0 });
      expect((await t.db.select().from(dutyLocations).where(eq(dutyLocations.code, "GNT-VAC")))[0]).toMatchObject({ name: "Virginie Lovelinggebouw", municipality: "Gent" });
    });

    it("leaves a field as stored when its optional column is not in the file", async () => {
      const headers = ["Code standplaats", "Naam", "Gemeente", "Actief"];
      const first = await preview("duty-locations", null, await workbook(headers, [["GNT-VAC", "VAC Gent", "Gent", "nee"]]));
      await commit("duty-locations", null, first.importRunId);
      // Without "Gemeente" and "Actief": the municipality stays, the location stays inactive.
      const second = await preview("duty-locations", null, await workbook(["Code standplaats", "Naam"], [["GNT-VAC", "VAC Gent Virginie Lovelinggebouw"]]));
      expect(second.summary).toMatchObject({ added: 0, changed: 1 });
      expect((await runOf(second.importRunId)).changes).toEqual([{ key: "GNT-VAC", name: "VAC Gent Virginie Lovelinggebouw", fields: ["Naam"] }]);
      await commit("duty-locations", null, second.importRunId);
      const [stored] = await t.db.select().from(dutyLocations).where(eq(dutyLocations.code, "GNT-VAC"));
      expect(stored).toMatchObject({ name: "VAC Gent Virginie Lovelinggebouw", municipality: "Gent", active: false });
    });

    it("imports and updates duty locations", async () => {
      const headers = ["Naam", "Code standplaats", "Gemeente"];
      const first = await preview("duty-locations", null, await workbook(headers, [["Herman Teirlinck", "BXL-HT", "Brussel"]]));
      await commit("duty-locations", null, first.importRunId);
      // An emptied municipality, and a code whose case alone changed: both are changes.
      const second = await preview("duty-locations", null, await workbook(headers, [["Herman Teirlinck", "bxl-ht", null]]));
      expect(second.summary).toMatchObject({ added: 0, changed: 1 });
      expect((await runOf(second.importRunId)).changes).toEqual([{ key: "bxl-ht", name: "Herman Teirlinck", fields: ["Code standplaats", "Gemeente"] }]);
      await commit("duty-locations", null, second.importRunId);
      const stored = await t.db.select().from(dutyLocations).where(sql`upper(${dutyLocations.code}) = 'BXL-HT'`);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ code: "bxl-ht", municipality: null, active: true });
    });
  });

  describe("units and cost centres by spreadsheet, per entity", () => {
    it("sets a parent named further down the file", async () => {
      const run = await preview(
        "org-units",
        entityA,
        await workbook(UNIT_HEADERS, [
          ["AFD-HR", "Afdeling HR", "dir-org", null],
          ["TEAM-LON", "Team lonen", "AFD-HR", null],
          ["DIR-ORG", "Directie organisatie", null, null],
        ]),
      );
      expect(run.state).toBe("previewed");
      expect(run.summary).toMatchObject({ added: 3, errors: 0 });
      await commit("org-units", entityA, run.importRunId);
      expect(await unitsOf(entityA)).toEqual([
        { code: "AFD-HR", name: "Afdeling HR", parent: "DIR-ORG", active: true },
        { code: "DIR-ORG", name: "Directie organisatie", parent: null, active: true },
        { code: "TEAM-LON", name: "Team lonen", parent: "AFD-HR", active: true },
      ]);
    });

    it("keeps entities apart: the same code in another entity is a new unit, and entity A is untouched", async () => {
      const before = await unitsOf(entityA);
      const run = await preview(
        "org-units",
        entityB,
        await workbook(UNIT_HEADERS, [
          ["AFD-HR", "HR van B", "DIR-ORG", null],
          ["DIR-ORG", "Directie van B", null, null],
        ]),
      );
      // Nothing of entity A counts as already there, changed or gone.
      expect(run.summary).toMatchObject({ added: 2, changed: 0, unchanged: 0, gone: 0, errors: 0 });
      await commit("org-units", entityB, run.importRunId);
      expect(await unitsOf(entityB)).toEqual([
        { code: "AFD-HR", name: "HR van B", parent: "DIR-ORG", active: true },
        { code: "DIR-ORG", name: "Directie van B", parent: null, active: true },
      ]);
      expect(await unitsOf(entityA)).toEqual(before);

      // A parent that exists only in entity A is unknown to entity B.
      const foreignParent = await preview("org-units", entityB, await workbook(UNIT_HEADERS, [["TEAM-X", "Team X", "TEAM-LON", null]]));
      expect(foreignParent.state).toBe("rejected");
      expect((await runOf(foreignParent.importRunId)).problems[0]!.message).toContain('Bovenliggende eenheid "TEAM-LON" bestaat niet');
    });

    it("exports units with their parents as a file that imports again without changes", async () => {
      const exported = await buildReferenceWorkbook(REFERENCE_KINDS["org-units"], await loadReference(t.db, "org-units", entityA));
      const run = await preview("org-units", entityA, exported);
      expect(run.summary).toMatchObject({ rows: 3, added: 0, changed: 0, unchanged: 3, gone: 0, errors: 0 });
      expect(await commit("org-units", entityA, run.importRunId)).toMatchObject({ state: "unchanged" });
    });

    it("refuses a cycle in the file and a cycle with the stored units, writing nothing", async () => {
      const before = await unitSnapshot();
      const inFile = await preview(
        "org-units",
        entityA,
        await workbook(UNIT_HEADERS, [
          ["X-1", "Een", "X-2", null],
          ["X-2", "Twee", "X-1", null],
        ]),
      );
      expect(inFile.state).toBe("rejected");
      expect(inFile.summary).toMatchObject({ errors: 2 });
      // Stored: AFD-HR under DIR-ORG. The file puts DIR-ORG under TEAM-LON, which is under AFD-HR.
      const withStored = await preview("org-units", entityA, await workbook(UNIT_HEADERS, [["DIR-ORG", "Directie organisatie", "TEAM-LON", null]]));
      expect(withStored.state).toBe("rejected");
      expect((await runOf(withStored.importRunId)).problems.map((p) => p.message)).toEqual([expect.stringContaining("onder zichzelf")]);
      await expectAppError(commit("org-units", entityA, withStored.importRunId), "conflict");
      expect(await unitSnapshot()).toEqual(before);
    });

    it("moves a unit to another parent and removes a parent", async () => {
      const run = await preview(
        "org-units",
        entityA,
        await workbook(UNIT_HEADERS, [
          ["AFD-HR", "Afdeling HR", null, null],
          ["TEAM-LON", "Team lonen", "DIR-ORG", null],
        ]),
      );
      expect(run.summary).toMatchObject({ changed: 2, unchanged: 0, gone: 1 });
      await commit("org-units", entityA, run.importRunId);
      expect((await unitsOf(entityA)).map((u) => [u.code, u.parent])).toEqual([
        ["AFD-HR", null],
        ["DIR-ORG", null],
        ["TEAM-LON", "DIR-ORG"],
      ]);
      expect((await unitsOf(entityB)).map((u) => [u.code, u.parent])).toEqual([
        ["AFD-HR", "DIR-ORG"],
        ["DIR-ORG", null],
      ]);
    });

    it("reads a cost-centre code typed as a number", async () => {
      const run = await preview("cost-centres", entityA, await workbook(["Kostenplaats", "Naam"], [[1000, "Centrale diensten"]]));
      expect(run.state).toBe("previewed");
      await commit("cost-centres", entityA, run.importRunId);
      expect((await t.db.select().from(costCentres).where(eq(costCentres.entityId, entityA))).map((c) => c.code)).toEqual(["1000"]);
    });
  });

  describe("one record at a time (forms)", () => {
    it("creates, edits and refuses a duplicate code, with the field named", async () => {
      const created = await saveReferenceRecord(t.db, { kind: "cost-centres", entityId: entityB, texts: { code: "KP-20", name: "Logistiek" }, actorId });
      expect(created.ok).toBe(true);
      const id = (created as { id: string }).id;
      const [row] = await t.db.select().from(costCentres).where(eq(costCentres.id, id));
      expect(row).toMatchObject({ entityId: entityB, code: "KP-20", name: "Logistiek", active: true });

      const [stored] = await loadReference(t.db, "cost-centres", entityB);
      const edited = await saveReferenceRecord(t.db, {
        kind: "cost-centres",
        entityId: entityB,
        id,
        expectedUpdatedAt: stored!.updatedAt.toISOString(),
        // The code of an existing record does not change, whatever the form sends.
        texts: { code: "KP-99", name: "Logistiek en aankoop" },
        actorId,
      });
      expect(edited).toEqual({ ok: true, id });
      expect((await t.db.select().from(costCentres).where(eq(costCentres.id, id)))[0]).toMatchObject({ code: "KP-20", name: "Logistiek en aankoop" });

      const duplicate = await saveReferenceRecord(t.db, { kind: "cost-centres", entityId: entityB, texts: { code: "kp-20", name: "Dubbel" }, actorId });
      expect(duplicate.ok).toBe(false);
      expect((duplicate as { fieldErrors: Record<string, string> }).fieldErrors.code).toContain("Code kp-20 bestaat al");
      expect(await t.db.$count(costCentres, eq(costCentres.entityId, entityB))).toBe(1);

      const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, id)).orderBy(asc(auditEvents.id));
      expect(audit.map((a) => a.action)).toEqual(["reference.create", "reference.update"]);
      expect(audit[1]).toMatchObject({ entityId: entityB, before: { name: "Logistiek" }, after: { name: "Logistiek en aankoop" } });
    });

    it("refuses an entity for shared kinds and requires one for entity kinds", async () => {
      await expectAppError(saveReferenceRecord(t.db, { kind: "grades", entityId: entityA, texts: { code: "Z1", title: "z", rank: "D1", level: "D" }, actorId }), "invalid_input");
      await expectAppError(saveReferenceRecord(t.db, { kind: "org-units", entityId: null, texts: { code: "Z1", name: "z" }, actorId }), "invalid_input");
      expect(await t.db.$count(grades, eq(grades.code, "Z1"))).toBe(0);
    });

    it("allows a code that another entity already uses", async () => {
      const result = await saveReferenceRecord(t.db, { kind: "cost-centres", entityId: entityA, texts: { code: "KP-20", name: "Logistiek A" }, actorId });
      expect(result.ok).toBe(true);
      expect(await t.db.$count(costCentres, eq(costCentres.code, "KP-20"))).toBe(2);
    });

    it("returns every field error at once and writes nothing", async () => {
      const result = await saveReferenceRecord(t.db, { kind: "grades", entityId: null, texts: { code: "G 1", title: "", rank: "B2", level: "A" }, actorId });
      expect(result.ok).toBe(false);
      const errors = (result as { fieldErrors: Record<string, string> }).fieldErrors;
      expect(Object.keys(errors).sort()).toEqual(["code", "rank", "title"]);
      expect(errors.title).toContain("Titel ontbreekt");
      expect(errors.rank).toContain("hoort niet bij niveau A");
      expect(await t.db.$count(grades, eq(grades.title, ""))).toBe(0);
    });

    it("refuses to save a unit under its own descendant", async () => {
      const [dir] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.entityId, entityA), eq(orgUnits.code, "DIR-ORG")));
      const result = await saveReferenceRecord(t.db, { kind: "org-units", entityId: entityA, id: dir!.id, texts: { name: "Directie", parent: "TEAM-LON" }, actorId });
      expect(result.ok).toBe(false);
      expect((result as { fieldErrors: Record<string, string> }).fieldErrors.parent).toContain("onder zichzelf");
      expect((await t.db.select().from(orgUnits).where(eq(orgUnits.id, dir!.id)))[0]!.parentId).toBeNull();
    });

    it("refuses an edit of a version someone else changed meanwhile", async () => {
      const [grade] = await loadReference(t.db, "grades", null);
      const texts = { title: "attaché", rank: "A1", level: "A", payScale: "A111", active: "ja" };
      const first = await saveReferenceRecord(t.db, { kind: "grades", entityId: null, id: grade!.id, expectedUpdatedAt: grade!.updatedAt.toISOString(), texts: { ...texts, payScale: "A112" }, actorId });
      expect(first.ok).toBe(true);
      const before = await gradeSnapshot();
      await expectAppError(
        saveReferenceRecord(t.db, { kind: "grades", entityId: null, id: grade!.id, expectedUpdatedAt: grade!.updatedAt.toISOString(), texts: { ...texts, payScale: "A113" }, actorId }),
        "conflict",
        /intussen gewijzigd/,
      );
      expect(await gradeSnapshot()).toEqual(before);
    });

    it("answers not found for a unit of another entity, and changes nothing there", async () => {
      const [unitOfB] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.entityId, entityB), eq(orgUnits.code, "AFD-HR")));
      const before = await unitSnapshot();
      await expectAppError(
        saveReferenceRecord(t.db, { kind: "org-units", entityId: entityA, id: unitOfB!.id, texts: { name: "Overgenomen" }, actorId }),
        "not_found",
      );
      await expectAppError(setReferenceRecordActive(t.db, { kind: "org-units", entityId: entityA, id: unitOfB!.id, active: false, actorId }), "not_found");
      expect(await unitSnapshot()).toEqual(before);
    });

    it("deactivates and reactivates a record, with an audit row each time", async () => {
      const [unit] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.entityId, entityB), eq(orgUnits.code, "DIR-ORG")));
      await setReferenceRecordActive(t.db, { kind: "org-units", entityId: entityB, id: unit!.id, active: false, actorId });
      expect((await t.db.select().from(orgUnits).where(eq(orgUnits.id, unit!.id)))[0]!.active).toBe(false);
      await setReferenceRecordActive(t.db, { kind: "org-units", entityId: entityB, id: unit!.id, active: true, actorId });
      expect((await t.db.select().from(orgUnits).where(eq(orgUnits.id, unit!.id)))[0]!.active).toBe(true);
      const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, unit!.id)).orderBy(asc(auditEvents.id));
      expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
        ["reference.deactivate", entityB, actorId],
        ["reference.activate", entityB, actorId],
      ]);
      expect(audit[0]!.after).toEqual({ code: "DIR-ORG", active: false });
    });
  });

  describe("data that changes between preview and commit", () => {
    it("refuses the commit when the file has errors against the data as it is now, and writes nothing", async () => {
      // The file puts TEAM-LON under AFD-HR: fine at preview time.
      const run = await preview("org-units", entityA, await workbook(UNIT_HEADERS, [["TEAM-LON", "Team lonen", "AFD-HR", null]]));
      expect(run.state).toBe("previewed");
      // Meanwhile a form puts AFD-HR under TEAM-LON: committing the file would make a cycle.
      const [hr] = await loadReference(t.db, "org-units", entityA).then((units) => units.filter((u) => u.code === "AFD-HR"));
      const saved = await saveReferenceRecord(t.db, { kind: "org-units", entityId: entityA, id: hr!.id, texts: { name: "Afdeling HR", parent: "TEAM-LON" }, actorId });
      expect(saved.ok).toBe(true);
      const before = await unitSnapshot();
      await expectAppError(commit("org-units", entityA, run.importRunId), "conflict", /gewijzigd sinds de preview/);
      expect(await unitSnapshot()).toEqual(before);
      expect((await runOf(run.importRunId)).state).toBe("previewed");
    });

    it("refuses the commit when a function family disappeared after the preview", async () => {
      const [temporary] = await t.db.insert(functionFamilies).values({ code: "FF-TIJDELIJK", name: "Tijdelijk" }).returning();
      const run = await preview("function-profiles", null, await workbook(headersOf("function-profiles"), [["FP-T-0001", "Tijdelijk", "FF-TIJDELIJK", "D", null]]));
      expect(run.state).toBe("previewed");
      await t.db.delete(functionFamilies).where(eq(functionFamilies.id, temporary!.id));
      await expectAppError(commit("function-profiles", null, run.importRunId), "conflict", /gewijzigd sinds de preview/);
      expect(await t.db.$count(functionProfiles, eq(functionProfiles.code, "FP-T-0001"))).toBe(0);
    });

    it("does not add a code twice when a form created it between preview and commit", async () => {
      const run = await preview("cost-centres", entityB, await workbook(["Code kostenplaats", "Naam"], [["KP-30", "Uit het bestand"]]));
      expect(run.summary).toMatchObject({ added: 1 });
      const saved = await saveReferenceRecord(t.db, { kind: "cost-centres", entityId: entityB, texts: { code: "kp-30", name: "Uit het formulier" }, actorId });
      expect(saved.ok).toBe(true);
      const outcome = await commit("cost-centres", entityB, run.importRunId).catch((e: unknown) => e);
      const rows = await t.db.select().from(costCentres).where(and(eq(costCentres.entityId, entityB), sql`upper(${costCentres.code}) = 'KP-30'`));
      expect(rows).toHaveLength(1);
      // Documented behaviour of the re-check at commit: the file's row is now a change of the stored one.
      expect(outcome).toEqual({ state: "committed", added: 0, changed: 1 });
    });
  });
});
