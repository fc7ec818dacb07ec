/**
 * The onboarding of one entity driven through the domain functions, as the steps' own code does
 * it: for tests that need an entity at a given step with real files (template, control report).
 * `start` runs an automated step: directly, or as a job on a queue (see the playground test).
 */
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { completeStep2Review } from "@/lib/domain/step2/complete-review";
import { prepareTemplate } from "@/lib/domain/step3/template-download";
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from "@/lib/domain/step3/template-format";
import { acceptTemplateUpload, previewTemplateUpload } from "@/lib/domain/step3/template-import";
import { submitTemplate } from "@/lib/domain/step3/template-requests";
import { CONTROL_REPORT_COLUMNS, CONTROL_REPORT_SHEET } from "@/lib/domain/step4/control-report-format";
import { readFileContent } from "@/lib/files/store-file";

const templateColumn = (key: (typeof TEMPLATE_COLUMNS)[number]["key"]) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
const controlColumn = (key: (typeof CONTROL_REPORT_COLUMNS)[number]["key"]) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Step 1 run directly (not as a job), with the run recorded as the steps' pages and downloads read it. */
export async function runStep1Recorded(db: Db, { entityId, runDate }: { entityId: string; runDate: string }): Promise<void> {
  await db.execute(sql`insert into onboarding_step_runs (entity_id, step, state, note, finished_at) values (${entityId}, 1, 'done', ${runDate}, now())`);
  await runStep1(db, { entityId, runDate, actorId: null });
}

export const asUpload = (content: Buffer, fileName = "bestand.xlsx") => ({ fileName, contentType: "application/octet-stream", content });

export async function workbookOf(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book;
}

/** The position template as the entity downloads it (step 1 must have run). */
export async function downloadTemplate(db: Db, entityId: string): Promise<Buffer> {
  const prepared = await prepareTemplate(db, entityId);
  const chunks: Buffer[] = [];
  const stream = new PassThrough().on("data", (c: Buffer) => chunks.push(c));
  await prepared.write(stream);
  return Buffer.concat(chunks);
}

/** The template with every open green line answered "Ja", with the first function, grade and unit of its lists. */
export async function fillTemplate(template: Buffer): Promise<Buffer> {
  const book = await workbookOf(template);
  const sheet = book.getWorksheet(TEMPLATE_SHEET)!;
  const lists = book.getWorksheet("Lijsten")!;
  for (let r = 2; sheet.getRow(r).getCell(templateColumn("vlimpers")).value; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(templateColumn("decision")).value) continue;
    row.getCell(templateColumn("decision")).value = "Ja";
    if (!row.getCell(templateColumn("functionCode")).value) row.getCell(templateColumn("functionCode")).value = String(lists.getCell(2, 1).value);
    if (!row.getCell(templateColumn("grade")).value) row.getCell(templateColumn("grade")).value = String(lists.getCell(2, 3).value);
    if (!row.getCell(templateColumn("unit")).value) row.getCell(templateColumn("unit")).value = String(lists.getCell(2, 5).value);
    if (!row.getCell(templateColumn("fte")).value) row.getCell(templateColumn("fte")).value = 1;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Step 2 completed and step 3 done: the template filled, accepted and submitted. */
export async function completeSteps2And3(db: Db, { entityId, actorId }: { entityId: string; actorId: string }): Promise<void> {
  await completeStep2Review(db, { entityId, actorId, counts: {} });
  const upload = await previewTemplateUpload(db, { entityId, actorId, file: asUpload(await fillTemplate(await downloadTemplate(db, entityId))) });
  if (upload.state !== "previewed") throw new Error(`template refused: ${upload.rejection}`);
  await acceptTemplateUpload(db, { entityId, actorId, importRunId: upload.importRunId });
  await submitTemplate(db, { entityId, actorId });
}

/** The control report of the latest step 4, as the entity downloads it. */
export async function latestControlReport(db: Db, entityId: string): Promise<Buffer> {
  const { rows } = await db.execute<{ output_file_id: string }>(sql`
    select output_file_id from onboarding_step_runs where entity_id = ${entityId} and step = 4 and state = 'done' order by finished_at desc limit 1`);
  return (await readFileContent(db, rows[0]!.output_file_id))!;
}

/** The control report with each position given to the relation it was requested for. */
export async function fillControlReport(report: Buffer): Promise<Buffer> {
  const book = await workbookOf(report);
  book.getWorksheet(CONTROL_REPORT_SHEET)!.eachRow((row, r) => {
    if (r === 1) return;
    row.getCell(controlColumn("vlimpers")).value = row.getCell(controlColumn("requestedForVlimpers")).value;
    row.getCell(controlColumn("relationNumber")).value = row.getCell(controlColumn("requestedForRelation")).value;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
