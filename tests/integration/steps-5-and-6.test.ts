import ExcelJS from "exceljs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employmentRelations, importRuns, onboardings, positionLinks, positionRequests, positions } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { reopenStep } from "@/lib/domain/onboarding/reopen-step";
import { abolishPosition, unlinkRelation } from "@/lib/domain/positions/personnel-plan";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { CONTROL_REPORT_COLUMNS, CONTROL_REPORT_SHEET } from "@/lib/domain/step4/control-report-format";
import { runStep4 } from "@/lib/domain/step4/run-step4";
import { assignOnline, submitControlReport, takeOverRequested } from "@/lib/domain/step5/control-assignments";
import { acceptControlUpload, previewControlUpload } from "@/lib/domain/step5/control-import";
import { listControlRows, step6Counts } from "@/lib/domain/step5/control-queries";
import { createStep6Links, runStep6, startStep6 } from "@/lib/domain/step6/run-step6";
import { AppError } from "@/lib/errors/app-error";
import { readFileContent } from "@/lib/files/store-file";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";
const column = (key: (typeof CONTROL_REPORT_COLUMNS)[number]["key"]) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;

describe(`steps 5 and 6: who goes where, and the linking (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 13, referenceDate: RUN_DATE });
  const entity = data.entities[1]!;
  const actorId = data.users[0]!.id!;
  let report: Buffer;
  /** Green relations of the entity that can go into a position: requested for in the template, by relation id. */
  let requested: { relationId: string; vlimpers: string; relationNumber: number; fte: number }[] = [];

  const upload = (content: Buffer) =>
    previewControlUpload(t.db, { entityId: entity.id, file: { fileName: "controlerapport.xlsx", contentType: "application/octet-stream", content }, actorId });
  const load = async (content: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    return book;
  };
  const onboarding = async () => (await t.db.select().from(onboardings).where(eq(onboardings.entityId, entity.id)))[0]!;

  /** The control report with, for each position, the relation it was requested for (from the hint columns). */
  async function filledReport(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const book = await load(report);
    const sheet = book.getWorksheet(CONTROL_REPORT_SHEET)!;
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      row.getCell(column("vlimpers")).value = row.getCell(column("requestedForVlimpers")).value;
      row.getCell(column("relationNumber")).value = row.getCell(column("requestedForRelation")).value;
    });
    edit?.(sheet);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    await runStep1(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId: null });
    // Step 3 as the entity would leave it: a position requested for every green employee on leave, with the relation's own data.
    const green = await t.db.execute<{ id: string; vlimpers: string; relation_number: number; fte: string }>(sql`
      select r.id, p.vlimpers_number as vlimpers, r.relation_number, r.fte from employment_relations r join persons p on p.id = r.person_id
      where r.entity_id = ${entity.id} and r.status = 'leave' and r.kind = 'employee' and r.function_profile_id is not null and r.grade_id is not null and r.org_unit_id is not null
        and not exists (select 1 from position_links l where l.relation_id = r.id)
      order by p.vlimpers_number, r.relation_number`);
    requested = green.rows.map((r) => ({ relationId: r.id, vlimpers: r.vlimpers, relationNumber: Number(r.relation_number), fte: Number(r.fte) }));
    const run = await t.db.execute<{ id: string }>(sql`select id from import_runs limit 0`);
    void run;
    const [upload] = await t.db
      .insert(importRuns)
      .values({ entityId: entity.id, kind: "position-template", state: "committed", fileId: (await t.db.execute<{ id: string }>(sql`
        insert into stored_files (entity_id, purpose, file_name, content_type, size_bytes, sha256, content)
        values (${entity.id}, 'position-template-upload', 'sjabloon.xlsx', 'application/octet-stream', 1, 'x', '\\x00'::bytea) returning id`)).rows[0]!.id })
      .returning({ id: importRuns.id });
    await t.db.execute(sql`
      insert into position_requests (entity_id, import_run_id, row_number, relation_id, decision, function_profile_id, grade_id, org_unit_id, fte)
      select r.entity_id, ${upload!.id}, row_number() over (order by p.vlimpers_number, r.relation_number) + 1, r.id, 'requested', r.function_profile_id, r.grade_id, r.org_unit_id, r.fte
      from employment_relations r join persons p on p.id = r.person_id
      where r.id = any(${`{${requested.map((r) => r.relationId).join(",")}}`}::uuid[])`);
    await t.db.update(onboardings).set({ currentStep: 4, currentState: "waiting_central" }).where(eq(onboardings.entityId, entity.id));
    const step4 = await runStep4(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId });
    report = (await readFileContent(t.db, step4.controlReportFileId!))!;
  });
  afterAll(async () => {
    await stopQueue(t);
    await t?.dispose();
  });

  it("starts at step 5 with every step-4 position vacant", async () => {
    expect(requested.length).toBeGreaterThan(2);
    expect((await onboarding()).currentStep).toBe(5);
    expect(await step6Counts(t.db, entity.id)).toEqual({ assigned: 0, link: 0, vacant: requested.length, alreadyLinked: 0, linkedElsewhere: 0, positionGone: 0 });
  });

  it("refuses a control report naming unknown people, foreign relations, a relation twice or one too big for its position", async () => {
    const content = await filledReport((sheet) => {
      sheet.getRow(2).getCell(column("vlimpers")).value = "999999";
      sheet.getRow(3).getCell(column("relationNumber")).value = 77;
      // Row 4 names the relation of row 2's original hint again (row 2 now names someone else).
      sheet.getRow(4).getCell(column("vlimpers")).value = sheet.getRow(5).getCell(column("vlimpers")).value;
      sheet.getRow(4).getCell(column("relationNumber")).value = sheet.getRow(5).getCell(column("relationNumber")).value;
    });
    const outcome = await upload(content);
    expect(outcome.state).toBe("rejected");
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, outcome.importRunId));
    const at = (row: number) => run!.problems.filter((p) => p.rowNumber === row && p.severity === "error").map((p) => `${p.columnLabel}: ${p.message}`);
    expect(at(2).join()).toMatch(/Vlimpersnummer: .*geen personeelslid met Vlimpersnummer 999999/);
    expect(at(3).join()).toMatch(/Arbeidsrelatie: .*geen arbeidsrelatie 77/);
    expect(at(5).join()).toMatch(/staat al op rij 4/);
    expect(run!.markedFileId).not.toBeNull();
    expect(await step6Counts(t.db, entity.id)).toMatchObject({ link: 0 });
  });

  it("takes over the person named in step 3 where nobody is chosen, never overwrites a choice, and a second time takes over nothing", async () => {
    const { rows } = await listControlRows(t.db, entity.id, { limit: 100, offset: 0 });
    // The first position gets, online, the person named for the second one.
    const [first, second] = rows;
    const named = requested.find((r) => second!.requestedFor?.includes(`(${r.vlimpers}/${r.relationNumber})`))!;
    expect(await assignOnline(t.db, { entityId: entity.id, requestId: first!.requestId, expectedRevision: first!.revision, assignment: { vlimpers: named.vlimpers, relationNumber: named.relationNumber }, actorId })).toEqual({ ok: true });

    expect(await takeOverRequested(t.db, { entityId: entity.id, actorId })).toEqual({ takenOver: requested.length - 2, skipped: 1 });
    const after = (await listControlRows(t.db, entity.id, { limit: 100, offset: 0 })).rows;
    expect(after[0]!.assigned).toMatchObject({ vlimpers: named.vlimpers, relationNumber: named.relationNumber });
    expect(after[1]!.assigned).toBeNull();
    for (const row of after.slice(2)) expect(row.requestedFor).toContain(`(${row.assigned!.vlimpers}/${row.assigned!.relationNumber})`);
    expect(await step6Counts(t.db, entity.id)).toMatchObject({ assigned: requested.length - 1, vacant: 1 });

    expect(await takeOverRequested(t.db, { entityId: entity.id, actorId })).toEqual({ takenOver: 0, skipped: 1 });
    expect(await step6Counts(t.db, entity.id)).toMatchObject({ assigned: requested.length - 1 });
  });

  it("accepts a clean report; choosing online follows the same rules and refuses a stale revision", async () => {
    const outcome = await upload(await filledReport((sheet) => {
      // The last position stays vacant.
      sheet.getRow(sheet.actualRowCount).getCell(column("vlimpers")).value = null;
      sheet.getRow(sheet.actualRowCount).getCell(column("relationNumber")).value = null;
    }));
    expect(outcome.state).toBe("previewed");
    const accepted = await acceptControlUpload(t.db, { entityId: entity.id, importRunId: outcome.importRunId, actorId });
    expect(accepted).toMatchObject({ assigned: requested.length - 1, vacant: 1 });

    const { rows } = await listControlRows(t.db, entity.id, { limit: 100, offset: 0 });
    const vacant = rows.find((r) => !r.assigned)!;
    const taken = rows.find((r) => r.assigned)!.assigned!;
    const twice = await assignOnline(t.db, { entityId: entity.id, requestId: vacant.requestId, expectedRevision: vacant.revision, assignment: { vlimpers: taken.vlimpers, relationNumber: taken.relationNumber }, actorId });
    expect(twice).toMatchObject({ ok: false, message: expect.stringMatching(/andere arbeidsplaats/) });
    const free = requested.find((r) => !rows.some((row) => row.assigned?.vlimpers === r.vlimpers && row.assigned.relationNumber === r.relationNumber))!;
    expect(await assignOnline(t.db, { entityId: entity.id, requestId: vacant.requestId, expectedRevision: vacant.revision, assignment: { vlimpers: free.vlimpers, relationNumber: free.relationNumber }, actorId })).toEqual({ ok: true });
    await expect(assignOnline(t.db, { entityId: entity.id, requestId: vacant.requestId, expectedRevision: vacant.revision, assignment: { vlimpers: "", relationNumber: null }, actorId })).rejects.toThrow(AppError);
  });

  it("submits; step 6 links once, completes the onboarding, and a late delivery changes nothing", async () => {
    await submitControlReport(t.db, { entityId: entity.id, actorId });
    expect(await onboarding()).toMatchObject({ currentStep: 6, currentState: "waiting_central" });
    // Someone who starts after the run date is linked from their first day, not before.
    await t.db.update(employmentRelations).set({ startDate: "2025-07-01" }).where(eq(employmentRelations.id, requested[0]!.relationId));
    await queueFor(t);
    const { stepRunId } = await startStep6(t, { entityId: entity.id, runDate: RUN_DATE, actorId });
    await expect(startStep6(t, { entityId: entity.id, runDate: RUN_DATE, actorId })).rejects.toThrow(/loopt al/);
    const result = await runStep6(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId, stepRunId });
    expect(result.linked).toBe(requested.length);
    const [late] = await t.db.select().from(positionLinks).where(eq(positionLinks.relationId, requested[0]!.relationId));
    expect(late!.validFrom).toBe("2025-07-01");
    const [onTime] = await t.db.select().from(positionLinks).where(eq(positionLinks.relationId, requested[1]!.relationId));
    expect(onTime!.validFrom).toBe(RUN_DATE);
    expect(await onboarding()).toMatchObject({ currentStep: 7, currentState: "done" });
    expect((await onboarding()).completedAt).not.toBeNull();
    const again = await runStep6(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId, stepRunId });
    expect(again.linked).toBe(requested.length);
    const links = await t.db.select({ relationId: positionLinks.relationId }).from(positionLinks).where(eq(positionLinks.entityId, entity.id));
    for (const r of requested) expect(links.filter((l) => l.relationId === r.relationId)).toHaveLength(1);
  });

  it("reopened, step 6 runs again and links nothing twice; a failure leaves nothing behind", async () => {
    await expect(reopenStep(t.db, { entityId: entity.id, step: 6, reason: " ", actorId })).rejects.toThrow(/reden/);
    await reopenStep(t.db, { entityId: entity.id, step: 6, reason: "Controle na correctie", actorId });
    expect(await onboarding()).toMatchObject({ currentStep: 6, currentState: "waiting_central" });
    // A new relation assigned meanwhile (by SQL: the report is closed) is linked; the others are not linked again.
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(positionLinks).where(eq(positionLinks.entityId, entity.id));
    await t.ownerDb.execute(sql`create function fail_links() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await t.ownerDb.execute(sql`create trigger fail_links before insert on position_links for each statement execute function fail_links()`);
    const { stepRunId } = await startStep6(t, { entityId: entity.id, runDate: RUN_DATE, actorId });
    try {
      const error = (await runStep6(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId, stepRunId }).catch((e: unknown) => e)) as Error & { cause?: unknown };
      expect(String(error.cause ?? error)).toMatch(/injected failure/);
    } finally {
      await t.ownerDb.execute(sql`drop trigger fail_links on position_links`);
      await t.ownerDb.execute(sql`drop function fail_links()`);
    }
    expect(await onboarding()).toMatchObject({ currentStep: 6, currentState: "running" });
    const retried = await runStep6(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId, stepRunId });
    expect(retried.linked).toBe(0);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(positionLinks).where(eq(positionLinks.entityId, entity.id));
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await onboarding()).toMatchObject({ currentStep: 7, currentState: "done" });
    const assigned = await t.db.select({ id: positionRequests.assignedRelationId }).from(positionRequests).where(eq(positionRequests.entityId, entity.id));
    expect(assigned.filter((a) => a.id).length).toBe(requested.length);
  });

  it("reopened at step 5 after the linking, takes the same control report again: its people are linked to their own rows' positions", async () => {
    await reopenStep(t.db, { entityId: entity.id, step: 5, reason: "Een rij nakijken", actorId });
    expect(await onboarding()).toMatchObject({ currentStep: 5 });
    const outcome = await upload(await filledReport());
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, outcome.importRunId));
    expect(run!.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.state).toBe("previewed");
    // A relation linked to another of the report's positions is still refused on a row that is not its own.
    const swapped = await upload(await filledReport((sheet) => {
      const [a, b] = [sheet.getRow(2), sheet.getRow(3)];
      const first = [a.getCell(column("vlimpers")).value, a.getCell(column("relationNumber")).value];
      a.getCell(column("vlimpers")).value = b.getCell(column("vlimpers")).value;
      a.getCell(column("relationNumber")).value = b.getCell(column("relationNumber")).value;
      b.getCell(column("vlimpers")).value = first[0]!;
      b.getCell(column("relationNumber")).value = first[1]!;
    }));
    expect(swapped.state).toBe("rejected");
    const [swappedRun] = await t.db.select().from(importRuns).where(eq(importRuns.id, swapped.importRunId));
    expect(swappedRun!.problems.filter((p) => p.rowNumber === 2).map((p) => p.message).join()).toMatch(/al gekoppeld aan een andere arbeidsplaats/);

    // Someone linked by hand to another position since step 5 is counted apart: step 6 will not link them.
    const asOf = "2025-07-01";
    const before = await step6Counts(t.db, entity.id, asOf);
    const moved = await t.db.execute<{ id: string }>(sql`
      update position_links l set position_id = (select v.position_id from position_versions v where v.entity_id = ${entity.id}
                                                   and v.position_id not in (select position_id from position_requests where position_id is not null) limit 1)
      where l.id = (select l2.id from position_links l2 join position_requests q on q.position_id = l2.position_id and q.assigned_relation_id = l2.relation_id
                    where q.entity_id = ${entity.id} and l2.valid_from <= ${asOf} and (l2.valid_to is null or l2.valid_to > ${asOf}) limit 1)
      returning l.id`);
    expect(moved.rows).toHaveLength(1);
    expect(await step6Counts(t.db, entity.id, asOf)).toEqual({ ...before, alreadyLinked: before.alreadyLinked - 1, linkedElsewhere: before.linkedElsewhere + 1 });
  });

  it("links no one to a position abolished since step 4, and ends a link where its position's planned abolition does", async () => {
    // Two assigned relations are unlinked by hand after 30 June; then one position is abolished from
    // 1 July and the other from 1 January: step 6 run on 1 July skips the first and caps the second.
    const runDate = "2025-07-01";
    const rows = await t.db.select().from(positionRequests).where(eq(positionRequests.entityId, entity.id));
    const current = await t.db.select().from(positionLinks).where(eq(positionLinks.entityId, entity.id));
    const [gone, capped] = rows
      .filter((q) => q.assignedRelationId && current.some((l) => l.positionId === q.positionId && l.relationId === q.assignedRelationId && l.validTo === null))
      .slice(0, 2);
    for (const q of [gone!, capped!]) {
      const link = current.find((l) => l.positionId === q.positionId && l.relationId === q.assignedRelationId)!;
      await unlinkRelation(t.db, { entityId: entity.id, linkId: link.id, until: "2025-06-30", actorId });
    }
    const revision = async (positionId: string) => (await t.db.select({ r: positions.revision }).from(positions).where(eq(positions.id, positionId)))[0]!.r;
    await abolishPosition(t.db, { entityId: entity.id, positionId: gone!.positionId!, expectedRevision: await revision(gone!.positionId!), until: "2025-06-30", actorId });
    await abolishPosition(t.db, { entityId: entity.id, positionId: capped!.positionId!, expectedRevision: await revision(capped!.positionId!), until: "2025-12-31", actorId });

    const counts = await step6Counts(t.db, entity.id, runDate);
    expect(counts.positionGone).toBe(1);
    const linked = await t.db.transaction((tx) => createStep6Links(tx, { entityId: entity.id, runDate, actorId }));
    expect(linked).toBe(counts.link);
    const linksOf = (relationId: string) => t.db.select().from(positionLinks).where(and(eq(positionLinks.relationId, relationId), eq(positionLinks.validFrom, runDate)));
    expect(await linksOf(gone!.assignedRelationId!)).toEqual([]);
    expect((await linksOf(capped!.assignedRelationId!)).map((l) => l.validTo)).toEqual(["2026-01-01"]);
  });
});
