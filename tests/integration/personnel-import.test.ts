import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, employmentRelations, functionProfiles, importRuns, persons, positionLinks, users } from "@/db/schema";
import { commitPersonnelImport } from "@/lib/domain/personnel/commit-personnel-import";
import { previewPersonnelImport } from "@/lib/domain/personnel/preview-personnel-import";
import { abolishPosition } from "@/lib/domain/positions/personnel-plan";
import { readFileContent } from "@/lib/files/store-file";
import { createEntity, createPosition } from "../factories/basic";
import { createImportReference } from "../factories/import-reference";
import { personnelRow, personnelWorkbook } from "../fixtures/personnel-list";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe(`personnel-list import (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let entityId: string;
  let otherEntityId: string;
  let actorId: string;

  const upload = async (content: Buffer, fileName = "personeelslijst.xlsx") =>
    previewPersonnelImport(t.db, { entityId, actorId, file: { fileName, contentType: XLSX, content } });
  const relationCount = async (id = entityId) =>
    (await t.db.select().from(employmentRelations).where(and(eq(employmentRelations.entityId, id), eq(employmentRelations.inPersonnelList, true)))).length;
  const snapshot = async () =>
    (await t.db.execute(sql`select r.*, p.first_name, p.last_name from employment_relations r join persons p on p.id = r.person_id order by r.id`)).rows;

  beforeAll(async () => {
    t = await createTestDatabase();
    entityId = (await createEntity(t.db, { name: "Agentschap Import" })).id;
    otherEntityId = (await createEntity(t.db, { name: "Departement Ander" })).id;
    await createImportReference(t.db, entityId);
    await createImportReference(t.db, otherEntityId);
    const [user] = await t.db.insert(users).values({ email: "expert@test", name: "Expert" }).returning();
    actorId = user!.id;
  });
  afterAll(async () => t?.dispose());

  it("previews a clean list without writing personnel data, then commits it", async () => {
    const file = await personnelWorkbook([personnelRow(1), personnelRow(2, { VTE: 0.8 }), personnelRow(3, { Functiecode: null })]);
    const preview = await upload(file);
    expect(preview.state).toBe("previewed");
    expect(preview.summary).toMatchObject({ rows: 3, added: 3, changed: 0, unchanged: 0, gone: 0, errors: 0, warnings: 1 });
    expect(await relationCount()).toBe(0);

    const outcome = await commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId });
    expect(outcome).toEqual({ state: "committed", added: 3, changed: 0, gone: 0, linksMoved: 0 });
    expect(await relationCount()).toBe(3);
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, preview.importRunId));
    expect(run!.state).toBe("committed");
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, preview.importRunId));
    expect(audit.map((a) => a.action).sort()).toEqual(["personnel.import.commit", "personnel.import.preview"]);
  });

  it("changes nothing when the same file comes again, and says so", async () => {
    const before = await snapshot();
    const file = await personnelWorkbook([personnelRow(1), personnelRow(2, { VTE: 0.8 }), personnelRow(3, { Functiecode: null })]);
    const preview = await upload(file);
    expect(preview.summary).toMatchObject({ added: 0, changed: 0, unchanged: 3, gone: 0 });
    const outcome = await commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId });
    expect(outcome.state).toBe("unchanged");
    expect(await snapshot()).toEqual(before);
  });

  it("updates changed relations and flags those no longer in the list, never deleting them", async () => {
    const file = await personnelWorkbook([personnelRow(1, { Status: "verlof" }), personnelRow(2, { VTE: 0.8 })]);
    const preview = await upload(file);
    expect(preview.summary).toMatchObject({ added: 0, changed: 1, unchanged: 1, gone: 1 });
    await commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId });
    const all = await t.db.select().from(employmentRelations).where(eq(employmentRelations.entityId, entityId));
    expect(all).toHaveLength(3);
    expect(all.filter((r) => !r.inPersonnelList)).toHaveLength(1);
    expect(all.filter((r) => r.status === "leave")).toHaveLength(1);
  });

  it("moves a relation's latest link with its new end date, never past the abolition, and only shortens a link ended by hand", async () => {
    const [relation] = await t.db.select({ id: employmentRelations.id }).from(employmentRelations).innerJoin(persons, eq(persons.id, employmentRelations.personId))
      .where(and(eq(employmentRelations.entityId, entityId), eq(persons.vlimpersNumber, "100002")));
    const [profile] = await t.db.select().from(functionProfiles).limit(1);
    const [first, second] = [await createPosition(t.db, entityId, profile!), await createPosition(t.db, entityId, profile!)];
    // On the first position until the end of May 2026 (ended by hand), on the second since June.
    const [earlier] = await t.db.insert(positionLinks).values({ entityId, positionId: first.id, relationId: relation!.id, fte: "0.8", validFrom: "2024-01-01", validTo: "2026-06-01" }).returning();
    const [latest] = await t.db.insert(positionLinks).values({ entityId, positionId: second.id, relationId: relation!.id, fte: "0.8", validFrom: "2026-06-01" }).returning();
    const ends = async () => {
      const rows = await t.db.select({ id: positionLinks.id, validTo: positionLinks.validTo }).from(positionLinks).where(eq(positionLinks.relationId, relation!.id));
      return [rows.find((r) => r.id === earlier!.id)!.validTo, rows.find((r) => r.id === latest!.id)!.validTo];
    };
    const endWith = async (end: string | null) => {
      const preview = await upload(await personnelWorkbook([personnelRow(1, { Status: "verlof" }), personnelRow(2, { VTE: 0.8, Einddatum: end })]));
      expect(preview.state).toBe("previewed");
      return (await commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId })).linksMoved;
    };
    expect(await endWith("31/12/2026")).toBe(1);
    expect(await ends()).toEqual(["2026-06-01", "2027-01-01"]);
    await endWith("31/03/2027"); // extended
    expect(await ends()).toEqual(["2026-06-01", "2027-04-01"]);
    await endWith(null); // open-ended
    expect(await ends()).toEqual(["2026-06-01", null]);
    // Shortened to before the second link starts: both end with it (the second is left empty) ...
    expect(await endWith("31/03/2026")).toBe(2);
    expect(await ends()).toEqual(["2026-04-01", "2026-06-01"]);
    // ... and made open-ended again, the latest link opens again while the earlier one keeps its shorter end.
    await endWith(null);
    expect(await ends()).toEqual(["2026-04-01", null]);
    // The second position is abolished after 31 May 2027: a shorter contract still shortens the link,
    // a longer one does not take it past the abolition.
    await abolishPosition(t.db, { entityId, positionId: second.id, expectedRevision: second.revision, until: "2027-05-31", actorId });
    expect(await ends()).toEqual(["2026-04-01", "2027-06-01"]);
    await endWith("31/03/2027");
    expect(await ends()).toEqual(["2026-04-01", "2027-04-01"]);
    await endWith("31/12/2027");
    expect(await ends()).toEqual(["2026-04-01", "2027-06-01"]);
  });

  it("refuses a file with errors, marks them in the user's own file, and writes nothing", async () => {
    const before = await snapshot();
    const file = await personnelWorkbook([
      personnelRow(1, { Vlimpersnummer: "12345A" }),
      personnelRow(4, { VTE: 1.5, Graad: "ZZ" }),
      personnelRow(5, { "Datum in dienst": "31/02/2020" }),
      personnelRow(6, { VTE: 0.35 }),
    ]);
    const preview = await upload(file);
    expect(preview.state).toBe("rejected");
    expect(preview.summary!.errors).toBe(4);
    expect(preview.summary!.warnings).toBeGreaterThanOrEqual(1);
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, preview.importRunId));
    expect(run!.problems.find((p) => p.rowNumber === 2)).toMatchObject({ column: 1, severity: "error" });
    await expect(commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId })).rejects.toThrow(/al verwerkt/);
    expect(await snapshot()).toEqual(before);

    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load((await readFileContent(t.db, run!.markedFileId!))! as unknown as ArrayBuffer);
    const sheet = marked.getWorksheet("Personeelslijst")!;
    const faulty = sheet.getCell("A2");
    expect(JSON.stringify(faulty.fill)).toMatch(/FF/i);
    expect(JSON.stringify(faulty.note)).toContain("6 cijfers");
    expect(marked.getWorksheet("Problemen")!.rowCount).toBeGreaterThanOrEqual(6);
  });

  it("refuses a file that misses a required column with one message", async () => {
    const headers = ["Vlimpersnummer", "Naam", "Voornaam"];
    const preview = await upload(await personnelWorkbook([personnelRow(1)], { headers }));
    expect(preview.state).toBe("rejected");
    expect(preview.rejection).toMatch(/Kolommen ontbreken: .*"Arbeidsrelatie"/);
  });

  it("refuses a relation that belongs to another entity", async () => {
    const preview = await upload(await personnelWorkbook([personnelRow(1), personnelRow(2, { VTE: 0.8 })]));
    await commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId });
    const foreign = await previewPersonnelImport(t.db, {
      entityId: otherEntityId,
      actorId,
      file: { fileName: "ander.xlsx", contentType: XLSX, content: await personnelWorkbook([personnelRow(1)]) },
    });
    expect(foreign.state).toBe("rejected");
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, foreign.importRunId));
    expect(run!.problems[0]!.message).toContain("Agentschap Import");
  });

  it("refuses a file that is not a spreadsheet, keeping it on record", async () => {
    const preview = await upload(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "lijst.xlsx");
    expect(preview.state).toBe("rejected");
    expect(preview.rejection).toBeTruthy();
  });

  it("leaves the data as it was when the commit fails midway", async () => {
    const before = await snapshot();
    const preview = await upload(await personnelWorkbook([personnelRow(1), personnelRow(2, { VTE: 0.8 }), personnelRow(7)]));
    // Sabotage the last statement of the commit (flagging no relation as gone is not enough):
    // a trigger that fails on insert of the new relation.
    await t.ownerDb.execute(sql`create function fail_insert() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await t.ownerDb.execute(sql`create trigger fail_insert before insert on employment_relations for each row execute function fail_insert()`);
    try {
      await expect(commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId })).rejects.toThrow();
    } finally {
      await t.ownerDb.execute(sql`drop trigger fail_insert on employment_relations`);
      await t.ownerDb.execute(sql`drop function fail_insert()`);
    }
    expect(await snapshot()).toEqual(before);
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, preview.importRunId));
    expect(run!.state).toBe("previewed");
    expect(await t.db.$count(persons, eq(persons.vlimpersNumber, "100007"))).toBe(0);
  });

  it("serialises two commits of one entity: the second finds the preview already used", async () => {
    const preview = await upload(await personnelWorkbook([personnelRow(1), personnelRow(2, { VTE: 0.8 }), personnelRow(8)]));
    const results = await Promise.allSettled([
      commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId }),
      commitPersonnelImport(t.db, { entityId, importRunId: preview.importRunId, actorId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(await t.db.$count(persons, eq(persons.vlimpersNumber, "100008"))).toBe(1);
  });
});
