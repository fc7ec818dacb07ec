import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRuns, onboardings, positionRequests, positions, positionVersions } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { completeStep2Review } from "@/lib/domain/step2/complete-review";
import { reopenStep } from "@/lib/domain/onboarding/reopen-step";
import { prepareTemplate } from "@/lib/domain/step3/template-download";
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from "@/lib/domain/step3/template-format";
import { acceptTemplateUpload, previewTemplateUpload } from "@/lib/domain/step3/template-import";
import { correctTemplateRequest, listTemplateRequests, submitTemplate, type RequestCorrection } from "@/lib/domain/step3/template-requests";
import { templateStage } from "@/lib/domain/step3/template-state";
import { CONTROL_REPORT_COLUMNS, CONTROL_REPORT_SHEET, ORANGE_FILL } from "@/lib/domain/step4/control-report-format";
import { runStep4 } from "@/lib/domain/step4/run-step4";
import { step4Counts } from "@/lib/domain/step4/step4-queries";
import { AppError } from "@/lib/errors/app-error";
import { readFileContent } from "@/lib/files/store-file";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";
const col = (key: (typeof TEMPLATE_COLUMNS)[number]["key"]) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

describe(`steps 3 and 4: the template, its uploads and the control report (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 11, referenceDate: RUN_DATE });
  const entity = data.entities[0]!;
  const actorId = data.users[0]!.id!;
  let template: ExcelJS.Workbook;
  let greenRows = 0;

  const toBuffer = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
  const upload = (content: Buffer, fileName = "sjabloon.xlsx") =>
    previewTemplateUpload(t.db, { entityId: entity.id, file: { fileName, contentType: "application/octet-stream", content }, actorId });
  const requestCount = async () => Number((await t.db.execute<{ n: number }>(sql`select count(*)::int as n from position_requests where entity_id = ${entity.id}`)).rows[0]!.n);

  /** A copy of the downloaded template, filled in: every green line decided, plus one free row. */
  async function filledTemplate(options: { mistakes?: boolean; notNeededEvery?: number } = {}) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toBuffer(template)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
    const lists = workbook.getWorksheet("Lijsten")!;
    const firstFunction = String(lists.getCell(2, 1).value);
    const firstGrade = String(lists.getCell(2, 3).value);
    const firstUnit = String(lists.getCell(2, 5).value);
    for (let r = 2; r <= greenRows + 1; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(col("decision")).value) continue; // pre-filled (e.g. ended relations: Nee)
      if (options.notNeededEvery && r % options.notNeededEvery === 0) {
        row.getCell(col("decision")).value = "Nee";
        row.getCell(col("notNeededReason")).value = "Niet-werknemer buiten de personeelsformatie";
        continue;
      }
      row.getCell(col("decision")).value = "Ja";
      if (!row.getCell(col("functionCode")).value) row.getCell(col("functionCode")).value = firstFunction;
      if (!row.getCell(col("grade")).value) row.getCell(col("grade")).value = firstGrade;
      if (!row.getCell(col("unit")).value) row.getCell(col("unit")).value = firstUnit;
      if (!row.getCell(col("fte")).value) row.getCell(col("fte")).value = 1;
    }
    const free = sheet.getRow(greenRows + 2);
    free.getCell(col("functionCode")).value = firstFunction;
    free.getCell(col("grade")).value = firstGrade;
    free.getCell(col("unit")).value = firstUnit;
    free.getCell(col("fte")).value = "0,5";
    free.getCell(col("validFrom")).value = "01/09/2025";
    free.getCell(col("note")).value = "=HYPERLINK(\"http://example.org\")";
    if (options.mistakes) {
      sheet.getRow(2).getCell(col("decision")).value = "misschien";
      sheet.getRow(3).getCell(col("decision")).value = "Ja";
      sheet.getRow(3).getCell(col("functionCode")).value = "BESTAAT-NIET";
      sheet.getRow(3).getCell(col("fte")).value = "1,5";
      const copy = sheet.getRow(greenRows + 3);
      copy.getCell(col("vlimpers")).value = sheet.getRow(4).getCell(col("vlimpers")).value;
      copy.getCell(col("relationNumber")).value = sheet.getRow(4).getCell(col("relationNumber")).value;
      copy.getCell(col("decision")).value = "Nee";
      copy.getCell(col("notNeededReason")).value = "dubbel";
    }
    return toBuffer(workbook);
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    await t.db.execute(sql`insert into onboarding_step_runs (entity_id, step, state, note, finished_at) values (${entity.id}, 1, 'done', ${RUN_DATE}, now())`);
    await runStep1(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId: null });
    await completeStep2Review(t.db, { entityId: entity.id, actorId, counts: {} });
    const prepared = await prepareTemplate(t.db, entity.id);
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    await prepared.write(stream);
    template = new ExcelJS.Workbook();
    await template.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = template.getWorksheet(TEMPLATE_SHEET)!;
    for (let r = 2; sheet.getRow(r).getCell(col("vlimpers")).value; r++) greenRows++;
  });
  afterAll(async () => t?.dispose());

  it("pre-fills the template with the green lines, the header as the format says", async () => {
    expect(greenRows).toBeGreaterThan(5);
    const sheet = template.getWorksheet(TEMPLATE_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    const relations = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from employment_relations r where r.entity_id = ${entity.id}
        and not exists (select 1 from position_links l where l.relation_id = r.id)`);
    expect(greenRows).toBe(Number(relations.rows[0]!.n));
  });

  it("refuses an upload with mistakes, naming row and column, and writes no request", async () => {
    const outcome = await upload(await filledTemplate({ mistakes: true }));
    expect(outcome.state).toBe("rejected");
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, outcome.importRunId));
    const at = (row: number, column: number) => run!.problems.filter((p) => p.rowNumber === row && p.column === column && p.severity === "error");
    expect(at(2, col("decision"))[0]?.message).toMatch(/misschien/);
    expect(at(3, col("functionCode"))[0]?.message).toMatch(/BESTAAT-NIET/);
    expect(at(3, col("fte"))[0]?.message).toMatch(/VTE/);
    expect(at(greenRows + 3, col("vlimpers"))[0]?.message).toMatch(/rij 4/);
    expect(run!.markedFileId).not.toBeNull();
    expect(await requestCount()).toBe(0);
  });

  it("refuses a file that is no spreadsheet, or has no sheet Sjabloon, with a clear message", async () => {
    const pdf = await upload(Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n"), "sjabloon.xlsx");
    expect(pdf.state).toBe("rejected");
    expect(pdf.rejection).toMatch(/PDF/i);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Blad1").addRow(["Vlimpersnummer", "Arbeidsrelatie"]);
    const noSheet = await upload(await toBuffer(other));
    expect(noSheet.state).toBe("rejected");
    expect(noSheet.rejection).toMatch(/Sjabloon/);
    expect(await requestCount()).toBe(0);
  });

  it("accepts a clean upload; a later one replaces it", async () => {
    const first = await upload(await filledTemplate());
    expect(first.state).toBe("previewed");
    expect(first.summary!.added).toBeGreaterThan(0);
    const accepted = await acceptTemplateUpload(t.db, { entityId: entity.id, importRunId: first.importRunId, actorId });
    expect(accepted.requested + accepted.notNeeded).toBe(greenRows + 1);
    expect(await requestCount()).toBe(greenRows + 1);

    const second = await upload(await filledTemplate({ notNeededEvery: 3 }));
    expect(second.state).toBe("previewed");
    const replaced = await acceptTemplateUpload(t.db, { entityId: entity.id, importRunId: second.importRunId, actorId });
    expect(replaced.notNeeded).toBeGreaterThan(accepted.notNeeded);
    expect(await requestCount()).toBe(greenRows + 1);
    const runs = await t.db.select({ id: importRuns.id, state: importRuns.state }).from(importRuns).where(eq(importRuns.entityId, entity.id));
    expect(runs.find((r) => r.id === first.importRunId)!.state).toBe("superseded");
    expect(runs.find((r) => r.id === second.importRunId)!.state).toBe("committed");
    // The formula-like note of the free row is kept as text.
    const notes = await t.db.select({ note: positionRequests.note }).from(positionRequests).where(eq(positionRequests.entityId, entity.id));
    expect(notes.map((n) => n.note)).toContain("=HYPERLINK(\"http://example.org\")");
  });

  it("corrects a row online with the same rules, and refuses a stale revision", async () => {
    const { rows } = await listTemplateRequests(t.db, entity.id, { limit: 500, offset: 0 });
    const row = rows.find((r) => r.decision === "requested" && r.vlimpers)!;
    const correction: RequestCorrection = {
      decision: "requested",
      notNeededReason: "",
      functionCode: row.functionCode!,
      gradeCode: row.gradeCode!,
      unitCode: row.unitCode!,
      costCentreCode: "",
      dutyLocationCode: "",
      fte: "0,8",
      validFrom: "",
      note: "",
    };
    const bad = await correctTemplateRequest(t.db, { entityId: entity.id, requestId: row.id, expectedRevision: row.revision, correction: { ...correction, fte: "2" }, actorId });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { fte: expect.any(String) } });
    const unknownUnit = await correctTemplateRequest(t.db, { entityId: entity.id, requestId: row.id, expectedRevision: row.revision, correction: { ...correction, unitCode: "NOPE" }, actorId });
    expect(unknownUnit).toMatchObject({ ok: false, fieldErrors: { unitCode: expect.stringMatching(/NOPE/) } });
    expect(await correctTemplateRequest(t.db, { entityId: entity.id, requestId: row.id, expectedRevision: row.revision, correction, actorId })).toEqual({ ok: true });
    const [stored] = await t.db.select().from(positionRequests).where(eq(positionRequests.id, row.id));
    expect(stored!.fte).toBe("0.800");
    expect(stored!.revision).toBe(row.revision + 1);
    await expect(correctTemplateRequest(t.db, { entityId: entity.id, requestId: row.id, expectedRevision: row.revision, correction, actorId })).rejects.toThrow(AppError);
  });

  it("submits: step 4 waits for the central agency", async () => {
    const submitted = await submitTemplate(t.db, { entityId: entity.id, actorId });
    expect(submitted.requested).toBeGreaterThan(0);
    expect(await templateStage(t.db, entity.id)).toBe("submitted");
    await expect(submitTemplate(t.db, { entityId: entity.id, actorId })).rejects.toThrow(/al ingediend/);
  });

  it("leaves nothing behind when step 4 fails halfway", async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(positions);
    await t.ownerDb.execute(sql`create function fail_versions() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await t.ownerDb.execute(sql`create trigger fail_versions before insert on position_versions for each statement execute function fail_versions()`);
    try {
      const error = (await runStep4(t.db, { entityId: entity.id, runDate: "2025-08-01", actorId }).catch((e: unknown) => e)) as Error & { cause?: unknown };
      expect(String(error.cause ?? error)).toMatch(/injected failure/);
    } finally {
      await t.ownerDb.execute(sql`drop trigger fail_versions on position_versions`);
      await t.ownerDb.execute(sql`drop function fail_versions()`);
    }
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(positions);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await step4Counts(t.db, entity.id)).alreadyCreated).toBe(0);
    expect(await templateStage(t.db, entity.id)).toBe("submitted");
  });

  it("creates the requested positions once and writes the control report with its orange columns", async () => {
    const counts = await step4Counts(t.db, entity.id);
    const result = await runStep4(t.db, { entityId: entity.id, runDate: "2025-08-01", actorId });
    expect(result.created).toBe(counts.create);
    const made = await t.db.select({ id: positions.id }).from(positions).where(eq(positions.origin, "template"));
    expect(made).toHaveLength(counts.create);
    const [onboarding] = await t.db.select().from(onboardings).where(eq(onboardings.entityId, entity.id));
    expect(onboarding!.currentStep).toBe(5);
    // A free row without a start date would start on the run date; ours said 1 September.
    const starts = await t.db.select({ validFrom: positionVersions.validFrom }).from(positionVersions).where(eq(positionVersions.entityId, entity.id));
    expect(starts.map((s) => s.validFrom)).toContain("2025-09-01");

    const again = await runStep4(t.db, { entityId: entity.id, runDate: "2025-08-02", actorId });
    expect(again.created).toBe(0);
    expect(await t.db.select({ id: positions.id }).from(positions).where(eq(positions.origin, "template"))).toHaveLength(counts.create);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFileContent(t.db, result.controlReportFileId!))! as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(CONTROL_REPORT_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CONTROL_REPORT_COLUMNS.map((c) => c.header));
    expect(sheet.actualRowCount).toBe(counts.create + 1);
    const vlimpersColumn = CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === "vlimpers") + 1;
    const relationColumn = vlimpersColumn + 1;
    const column = (key: string) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    // The orange cells start as the person named in step 3, so HR confirms rather than retypes; empty when nobody was named.
    const prefill: Array<[number, number]> = [
      [vlimpersColumn, column("requestedForVlimpers")],
      [relationColumn, column("requestedForRelation")],
    ];
    let prefilled = 0;
    for (let r = 2; r <= counts.create + 1; r++) {
      for (const [orange, requested] of prefill) {
        const cell = sheet.getRow(r).getCell(orange);
        const named = sheet.getRow(r).getCell(requested).value;
        expect(cell.value ?? null).toEqual(named ?? null);
        if (named != null) prefilled++;
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(ORANGE_FILL);
      }
    }
    expect(prefilled).toBeGreaterThan(0);
    const numbers = new Set<number>();
    sheet.eachRow((row, r) => r > 1 && numbers.add(Number(row.getCell(1).value)));
    expect(numbers.size).toBe(counts.create);
  });

  it("refuses a new upload once step 4 ran, and, reopened, a correction of a row that has its position", async () => {
    await expect(upload(await filledTemplate())).rejects.toThrow(/Stap 4/);
    await reopenStep(t.db, { entityId: entity.id, step: 3, reason: "Een rij nakijken", actorId });
    const { rows } = await listTemplateRequests(t.db, entity.id, { limit: 500, offset: 0 });
    const [withPosition] = await t.db.select().from(positionRequests).where(and(eq(positionRequests.entityId, entity.id), isNotNull(positionRequests.positionId))).limit(1);
    const row = rows.find((r) => r.id === withPosition!.id)!;
    const correction: RequestCorrection = {
      decision: "not_needed",
      notNeededReason: "Toch niet nodig",
      functionCode: row.functionCode ?? "",
      gradeCode: row.gradeCode ?? "",
      unitCode: row.unitCode ?? "",
      costCentreCode: "",
      dutyLocationCode: "",
      fte: "",
      validFrom: "",
      note: "",
    };
    await expect(correctTemplateRequest(t.db, { entityId: entity.id, requestId: row.id, expectedRevision: row.revision, correction, actorId })).rejects.toThrow(/al een arbeidsplaats gemaakt/);
    const [unchanged] = await t.db.select().from(positionRequests).where(eq(positionRequests.id, row.id));
    expect(unchanged).toEqual(withPosition);
  });
});
