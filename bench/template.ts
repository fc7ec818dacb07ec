import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import type { DatabaseHandle, Db } from "../db/client";
import { todayInBrussels } from "../lib/dates";
import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { prepareTemplate } from "../lib/domain/step3/template-download";
import { TEMPLATE_COLUMNS, TEMPLATE_LISTS_SHEET, TEMPLATE_SHEET } from "../lib/domain/step3/template-format";
import { acceptTemplateUpload, previewTemplateUpload } from "../lib/domain/step3/template-import";
import { submitTemplate } from "../lib/domain/step3/template-requests";
import { runStep4 } from "../lib/domain/step4/run-step4";
import { summarize } from "./harness";
import { addRelations, largestEntity, recordStep1Run } from "./report-data";
import { scratchDatabase } from "./scratch-database";
import { timed } from "./step1-data";
import { CONTROL_REPORT_COLUMNS, CONTROL_REPORT_SHEET } from "../lib/domain/step4/control-report-format";
import { acceptControlUpload, previewControlUpload } from "../lib/domain/step5/control-import";
import { submitControlReport } from "../lib/domain/step5/control-assignments";
import { runStep6, startStep6 } from "../lib/domain/step6/run-step6";
import { readFileContent } from "../lib/files/store-file";
import { queueFor, stopQueue } from "../lib/jobs/queue";

const GREEN_LINES = 5_000;
const RUNS = 3;

interface TemplateDatabase {
  handle: DatabaseHandle;
  db: Db;
  entityId: string;
  actorId: string;
  drop(): Promise<void>;
}

/**
 * A scratch database with the full demo data set in which the largest entity is topped up to 5,000
 * relations and has a step-1 run that created nothing, so that every relation is a green line of its
 * template; its onboarding stands at step 3. The actor is the demo central expert.
 */
async function templateDatabase(label: string): Promise<TemplateDatabase> {
  const scratch = await scratchDatabase(label);
  try {
    const db = scratch.handle.db;
    const runDate = todayInBrussels();
    await loadDemoData(db, generateDemoData({ size: "full", referenceDate: runDate }));
    const entity = await largestEntity(db);
    await addRelations(db, entity.id, GREEN_LINES - entity.relations);
    await recordStep1Run(db, entity.id, runDate, 0);
    await db.execute(sql`update onboardings set current_step = 3, current_state = 'waiting_entity' where entity_id = ${entity.id}`);
    await scratch.handle.ownerDb.execute(sql`vacuum analyze`);
    const actor = await db.execute<{ id: string }>(sql`select id from users where email = 'expert@demo.vlaanderen.be'`);
    console.log(`[bench]   ${entity.name}: ${GREEN_LINES} relations, all green lines of the template`);
    return {
      handle: scratch.handle,
      db,
      entityId: entity.id,
      actorId: actor.rows[0]!.id,
      drop: async () => {
        await stopQueue(scratch.handle);
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

async function templateBuffer(data: TemplateDatabase): Promise<Buffer> {
  const template = await prepareTemplate(data.db, data.entityId);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await template.write(stream);
  return Buffer.concat(chunks);
}

/** The template as an HR officer returns it: every green line a decision, each "Ja" with its codes and FTE. */
async function filledTemplate(template: Buffer): Promise<{ content: Buffer; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
  const lists = workbook.getWorksheet(TEMPLATE_LISTS_SHEET)!;
  const column = (key: (typeof TEMPLATE_COLUMNS)[number]["key"]) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
  const fallback = { functionCode: lists.getCell(2, 1).value, grade: lists.getCell(2, 3).value, unit: lists.getCell(2, 5).value } as const;
  let rows = 0;
  for (let r = 2; sheet.getRow(r).getCell(column("vlimpers")).value; r++, rows++) {
    const row = sheet.getRow(r);
    if (row.getCell(column("decision")).value) continue;
    row.getCell(column("decision")).value = "Ja";
    for (const key of ["functionCode", "grade", "unit"] as const) if (!row.getCell(column(key)).value) row.getCell(column(key)).value = fallback[key];
    if (!row.getCell(column("fte")).value) row.getCell(column("fte")).value = 1;
  }
  return { content: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}

async function measure(label: string, run: (data: TemplateDatabase, index: number) => Promise<number>): Promise<number[]> {
  const data = await templateDatabase(label);
  try {
    const samples: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      const seconds = await run(data, index);
      console.log(`[bench]   run ${index + 1}: ${seconds.toFixed(3)} s`);
      samples.push(seconds);
    }
    return samples;
  } finally {
    await data.drop();
  }
}

/** template.generate.5k.seconds: the template of 5,000 green lines, from the queries to the last byte of the file. */
export async function benchTemplateGenerate() {
  const samples = await measure("template_generate", async (data) => {
    const { seconds, result } = await timed(() => templateBuffer(data));
    console.log(`[bench]   ${(result.length / 1024).toFixed(0)} KiB`);
    return seconds;
  });
  return summarize("template.generate.5k.seconds", "s", samples);
}

/** template.validate.5k.seconds: a filled 5,000-row template from upload to the kept, validated preview. */
export async function benchTemplateValidate() {
  const samples = await measure("template_validate", async (data, index) => {
    const { content, rows } = await filledTemplate(await templateBuffer(data));
    const file = { fileName: `sjabloon-${index}.xlsx`, contentType: "application/octet-stream", content };
    const { seconds, result } = await timed(() => previewTemplateUpload(data.db, { entityId: data.entityId, file, actorId: data.actorId }));
    if (result.state !== "previewed") throw new Error(`the filled template was refused: ${result.rejection ?? JSON.stringify(result.summary)}`);
    console.log(`[bench]   ${rows} rows, ${result.summary!.added} positions requested`);
    return seconds;
  });
  return summarize("template.validate.5k.seconds", "s", samples);
}

/** step4.5k.seconds: 5,000 requested positions created, and the control report written and kept. Each run starts from the submitted template. */
export async function benchStep4() {
  let requested = 0;
  const samples = await measure("step4", async (data, index) => {
    if (index === 0) {
      const { content } = await filledTemplate(await templateBuffer(data));
      const file = { fileName: "sjabloon.xlsx", contentType: "application/octet-stream", content };
      const preview = await previewTemplateUpload(data.db, { entityId: data.entityId, file, actorId: data.actorId });
      await acceptTemplateUpload(data.db, { entityId: data.entityId, importRunId: preview.importRunId, actorId: data.actorId });
      requested = (await submitTemplate(data.db, { entityId: data.entityId, actorId: data.actorId })).requested;
    } else {
      await data.db.execute(sql`update position_requests set position_id = null where entity_id = ${data.entityId}`);
      await data.db.execute(sql`delete from position_versions where entity_id = ${data.entityId}`);
      await data.db.execute(sql`delete from positions where entity_id = ${data.entityId}`);
      await data.db.execute(sql`update onboardings set current_step = 4, current_state = 'waiting_central' where entity_id = ${data.entityId}`);
    }
    await data.handle.ownerDb.execute(sql`checkpoint`);
    const { seconds, result } = await timed(() => runStep4(data.db, { entityId: data.entityId, runDate: todayInBrussels(), actorId: data.actorId }));
    if (result.created !== requested) throw new Error(`step 4 created ${result.created} positions, ${requested} were requested`);
    console.log(`[bench]   ${result.created} positions created, control report kept`);
    return seconds;
  });
  return summarize("step4.5k.seconds", "s", samples);
}

/** The template of 5,000 green lines filled, accepted and submitted, and step 4 run: the entity stands at step 5. The control report. */
async function throughStep4(data: TemplateDatabase): Promise<Buffer> {
  const { content } = await filledTemplate(await templateBuffer(data));
  const file = { fileName: "sjabloon.xlsx", contentType: "application/octet-stream", content };
  const preview = await previewTemplateUpload(data.db, { entityId: data.entityId, file, actorId: data.actorId });
  await acceptTemplateUpload(data.db, { entityId: data.entityId, importRunId: preview.importRunId, actorId: data.actorId });
  await submitTemplate(data.db, { entityId: data.entityId, actorId: data.actorId });
  const step4 = await runStep4(data.db, { entityId: data.entityId, runDate: todayInBrussels(), actorId: data.actorId });
  return (await readFileContent(data.db, step4.controlReportFileId!))!;
}

/** The control report as the entity returns it: each position given to the relation it was requested for. */
async function filledControlReport(report: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(report as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(CONTROL_REPORT_SHEET)!;
  const column = (key: (typeof CONTROL_REPORT_COLUMNS)[number]["key"]) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    row.getCell(column("vlimpers")).value = row.getCell(column("requestedForVlimpers")).value;
    row.getCell(column("relationNumber")).value = row.getCell(column("requestedForRelation")).value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** control.validate.5k.seconds: a control report of 5,000 positions, filled, from upload to the kept, validated preview. */
export async function benchControlValidate() {
  let filled: Buffer | undefined;
  const samples = await measure("control_validate", async (data, index) => {
    filled ??= await filledControlReport(await throughStep4(data));
    const file = { fileName: `controlerapport-${index}.xlsx`, contentType: "application/octet-stream", content: filled };
    const { seconds, result } = await timed(() => previewControlUpload(data.db, { entityId: data.entityId, file, actorId: data.actorId }));
    if (result.state !== "previewed") throw new Error(`the filled control report was refused: ${result.rejection ?? JSON.stringify(result.summary)}`);
    console.log(`[bench]   ${result.summary!.rows} rows, ${result.summary!.added} positions given a person`);
    return seconds;
  });
  return summarize("control.validate.5k.seconds", "s", samples);
}

/** step6.5k.seconds: 5,000 links made by step 6 (the job's work, in one transaction). Each run starts from the submitted control report. */
export async function benchStep6() {
  let assigned = 0;
  const samples = await measure("step6", async (data, index) => {
    if (index === 0) {
      const filled = await filledControlReport(await throughStep4(data));
      const file = { fileName: "controlerapport.xlsx", contentType: "application/octet-stream", content: filled };
      const preview = await previewControlUpload(data.db, { entityId: data.entityId, file, actorId: data.actorId });
      assigned = (await acceptControlUpload(data.db, { entityId: data.entityId, importRunId: preview.importRunId, actorId: data.actorId })).assigned;
      await submitControlReport(data.db, { entityId: data.entityId, actorId: data.actorId });
      await queueFor(data.handle);
    } else {
      await data.db.execute(sql`delete from position_links where entity_id = ${data.entityId}`);
      await data.db.execute(sql`update onboardings set current_step = 6, current_state = 'waiting_central' where entity_id = ${data.entityId}`);
    }
    const { stepRunId } = await startStep6(data.handle, { entityId: data.entityId, runDate: todayInBrussels(), actorId: data.actorId });
    await data.handle.ownerDb.execute(sql`checkpoint`);
    const { seconds, result } = await timed(() => runStep6(data.db, { entityId: data.entityId, runDate: todayInBrussels(), actorId: data.actorId, stepRunId }));
    if (result.linked !== assigned) throw new Error(`step 6 made ${result.linked} links, ${assigned} were asked for`);
    console.log(`[bench]   ${result.linked} links made`);
    return seconds;
  });
  return summarize("step6.5k.seconds", "s", samples);
}
