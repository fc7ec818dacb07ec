/**
 * The files of an onboarding as an entity's HR officer handles them: the template downloaded and
 * filled in Excel, the control report downloaded and filled. Used by the demo seed, which drives
 * onboardings through the real steps, and by the tests that need an entity at a given step.
 */
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { prepareTemplate } from "@/lib/domain/step3/template-download";
import { TEMPLATE_COLUMNS, TEMPLATE_LISTS_SHEET, TEMPLATE_SHEET, type TemplateColumnKey } from "@/lib/domain/step3/template-format";
import { CONTROL_REPORT_COLUMNS, CONTROL_REPORT_SHEET, type ControlReportColumnKey } from "@/lib/domain/step4/control-report-format";
import { readFileContent } from "@/lib/files/store-file";

export const templateColumn = (key: TemplateColumnKey) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
export const controlColumn = (key: ControlReportColumnKey) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;

export const asUpload = (content: Buffer, fileName = "bestand.xlsx") => ({ fileName, contentType: "application/octet-stream", content });

export async function workbookOf(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book;
}

export async function bufferOf(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The position template as the entity downloads it (step 1 must have run). */
export async function downloadTemplate(db: DbOrTx, entityId: string): Promise<Buffer> {
  const prepared = await prepareTemplate(db, entityId);
  const chunks: Buffer[] = [];
  const stream = new PassThrough().on("data", (c: Buffer) => chunks.push(c));
  await prepared.write(stream);
  return Buffer.concat(chunks);
}

/** The control report of the latest step 4, as the entity downloads it. */
export async function latestControlReport(db: DbOrTx, entityId: string): Promise<Buffer> {
  const { rows } = await db.execute<{ output_file_id: string }>(sql`
    select output_file_id from onboarding_step_runs where entity_id = ${entityId} and step = 4 and state = 'done' order by finished_at desc limit 1`);
  return (await readFileContent(db, rows[0]!.output_file_id))!;
}

/** A decision for one green line of the template: a position (with what to fill where the row is empty), or none and why. */
export type TemplateAnswer = { need: true; functionCode?: string; note?: string } | { need: false; reason: string };

export interface TemplateFill {
  /**
   * The answer for a green line; without one it is left as it is (undecided, or as the template
   * proposes: `proposed` says the template already decided it, e.g. "Nee" for a relation that ended).
   */
  answer(line: { vlimpers: string; relationNumber: number; proposed: boolean }): TemplateAnswer | undefined;
  /** Positions not tied to a green line, on the free rows. */
  freeRows?: readonly { fte: number; validFrom?: string; note: string }[];
}

/**
 * The template filled in: each answered green line decided, a requested position completed from
 * the drop-down lists where the relation had no code (first function, grade and unit of the lists,
 * FTE 1), and the free rows added after the green lines.
 */
export async function fillTemplate(template: Buffer, fill: TemplateFill): Promise<Buffer> {
  const book = await workbookOf(template);
  const sheet = book.getWorksheet(TEMPLATE_SHEET)!;
  const lists = book.getWorksheet(TEMPLATE_LISTS_SHEET)!;
  const firstOfList = { functionCode: lists.getCell(2, 1).value, grade: lists.getCell(2, 3).value, unit: lists.getCell(2, 5).value };
  const complete = (row: ExcelJS.Row) => {
    for (const key of ["functionCode", "grade", "unit"] as const) {
      if (!row.getCell(templateColumn(key)).value) row.getCell(templateColumn(key)).value = String(firstOfList[key]);
    }
    if (!row.getCell(templateColumn("fte")).value) row.getCell(templateColumn("fte")).value = 1;
  };
  let r = 2;
  for (; sheet.getRow(r).getCell(templateColumn("vlimpers")).value; r++) {
    const row = sheet.getRow(r);
    const answer = fill.answer({
      vlimpers: String(row.getCell(templateColumn("vlimpers")).value),
      relationNumber: Number(row.getCell(templateColumn("relationNumber")).value),
      proposed: Boolean(row.getCell(templateColumn("decision")).value),
    });
    if (!answer) continue;
    if (answer.need) {
      row.getCell(templateColumn("decision")).value = "Ja";
      row.getCell(templateColumn("notNeededReason")).value = null;
      if (answer.note) row.getCell(templateColumn("note")).value = answer.note;
      if (answer.functionCode && !row.getCell(templateColumn("functionCode")).value) row.getCell(templateColumn("functionCode")).value = answer.functionCode;
      complete(row);
    } else {
      row.getCell(templateColumn("decision")).value = "Nee";
      row.getCell(templateColumn("notNeededReason")).value = answer.reason;
    }
  }
  for (const free of fill.freeRows ?? []) {
    const row = sheet.getRow(r++);
    complete(row);
    row.getCell(templateColumn("fte")).value = free.fte;
    if (free.validFrom) row.getCell(templateColumn("validFrom")).value = `${free.validFrom.slice(8, 10)}/${free.validFrom.slice(5, 7)}/${free.validFrom.slice(0, 4)}`;
    row.getCell(templateColumn("note")).value = free.note;
  }
  return bufferOf(book);
}

/** Every open green line answered "Ja" (those the template proposes stay as proposed): a quick way through step 3. */
export const everyOpenLineNeedsAPosition: TemplateFill = { answer: (line) => (line.proposed ? undefined : { need: true }) };

/**
 * The control report with each position given to the relation it was requested for, except the
 * position numbers in `vacant` (left blank: the position stays vacant).
 */
export async function fillControlReport(report: Buffer, options: { vacant?: ReadonlySet<number> } = {}): Promise<Buffer> {
  const book = await workbookOf(report);
  book.getWorksheet(CONTROL_REPORT_SHEET)!.eachRow((row, r) => {
    if (r === 1) return;
    const vacant = options.vacant?.has(Number(row.getCell(controlColumn("positionNumber")).value));
    row.getCell(controlColumn("vlimpers")).value = vacant ? null : row.getCell(controlColumn("requestedForVlimpers")).value;
    row.getCell(controlColumn("relationNumber")).value = vacant ? null : row.getCell(controlColumn("requestedForRelation")).value;
  });
  return bufferOf(book);
}
