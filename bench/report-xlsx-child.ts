/**
 * One repetition of the step-2 report download benchmarks, in a process of its own so that its
 * peak memory is the download's and not the bench runner's. Started by bench/report-xlsx.ts on a
 * database where step 1 has run for the entity (bench/report-data.ts).
 *
 *   node --expose-gc --import tsx bench/report-xlsx-child.ts '{"databaseUrl":...,"entityId":...,"mode":"report"|"raw"}'
 *
 * mode "report": what the download route does, timed end to end: allReportLines (default filters
 * and sort, as the route without a query string) into step2ReportSheets into writeTablesToStream.
 * mode "raw": the same report lines are first read into memory (not timed) and turned into the
 * cell values of the 16 columns; then only the exceljs streaming writer is timed, writing those
 * values with the same columns, fills, title, header and auto-filter: the least the download can
 * cost with exceljs. (The legend sheet, a dozen rows, is left out.)
 * Both write into a stream that counts the bytes and drops them, as a fast HTTP client would.
 *
 * Prints one JSON line: ChildOutput.
 */
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { openDatabase, type Db } from "../db/client";
import { entities } from "../db/schema";
import { reportFiltersSchema } from "../lib/domain/step2/report-filters";
import { allReportLines, latestStep1RunDate, type ReportLine } from "../lib/domain/step2/report-queries";
import { REPORT_FILLS, step2ReportSheets } from "../lib/domain/step2/report-xlsx";
import { writeTablesToStream, type TableColumn } from "../lib/excel/write-table";

export interface ChildInput {
  databaseUrl: string;
  entityId: string;
  mode: "report" | "raw";
}

export interface ChildOutput {
  seconds: number;
  /** Peak resident set of this process up to the end of the timed work. */
  peakRssMb: number;
  /** Resident set before the timed work: node, tsx, the loaded modules (and for "raw", the lines in memory). */
  baselineRssMb: number;
  lines: number;
  blue: number;
  bytes: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;
type ReportHeading = { entityName: string; runDateLabel: string };

async function writeReport(db: Db, runDate: string, heading: ReportHeading): Promise<ChildOutput> {
  const sink = new CountingSink();
  const counts = { lines: 0, blue: 0 };
  const baselineRssMb = mb(process.memoryUsage().rss);
  const started = performance.now();
  const filters = reportFiltersSchema.parse({ page: 0 });
  const sheets = step2ReportSheets({ ...heading, lines: allReportLines(db, input.entityId, runDate, filters) });
  // Counted where the writer asks for each line's fill: a plain call, no extra async layer.
  const fill = sheets[0]!.rowFill!;
  sheets[0]!.rowFill = (line: ReportLine) => {
    counts.lines++;
    if (line.colour === "blue") counts.blue++;
    return fill(line);
  };
  await writeTablesToStream(sink, sheets);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb, ...counts, bytes: sink.bytes };
}

async function writeRaw(db: Db, runDate: string, heading: ReportHeading): Promise<ChildOutput> {
  const lines: ReportLine[] = [];
  for await (const line of allReportLines(db, input.entityId, runDate, reportFiltersSchema.parse({ page: 0 }))) lines.push(line);
  const [sheet] = step2ReportSheets({ ...heading, lines: (async function* () {})() });
  const columns = sheet!.columns as TableColumn<ReportLine>[];
  const rows = lines.map((line) => ({ cells: columns.map((c) => c.value(line) ?? null), fill: REPORT_FILLS[line.colour] }));
  const title = sheet!.title!;
  global.gc?.();

  const sink = new CountingSink();
  const baselineRssMb = mb(process.memoryUsage().rss);
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet("Rapport", { views: [{ state: "frozen", ySplit: 3 }] });
  worksheet.columns = columns.map((c) => ({ width: c.width ?? 18, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const titleRow = worksheet.addRow([title]);
  titleRow.font = { bold: true, size: 13 };
  titleRow.commit();
  worksheet.addRow([]).commit();
  const header = worksheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9ECEF" } };
  header.commit();
  for (const row of rows) {
    const excelRow = worksheet.addRow(row.cells);
    excelRow.fill = { type: "pattern", pattern: "solid", fgColor: { argb: row.fill } };
    excelRow.commit();
  }
  worksheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + rows.length, column: columns.length } };
  worksheet.commit();
  await workbook.commit();
  const seconds = (performance.now() - started) / 1000;
  const blue = lines.filter((l) => l.colour === "blue").length;
  return { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb, lines: lines.length, blue, bytes: sink.bytes };
}

/** A stream that drops what it is given and counts the bytes. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    this.bytes += chunk.length;
    callback();
  }
}

const input = JSON.parse(process.argv[2] ?? "") as ChildInput;
const handle = await openDatabase({ databaseUrl: input.databaseUrl });
try {
  const db = handle.db;
  const runDate = await latestStep1RunDate(db, input.entityId);
  if (!runDate) throw new Error("no finished step 1 run for the entity");
  const [entity] = await db.select({ name: entities.name }).from(entities).where(eq(entities.id, input.entityId));
  const [y, m, d] = runDate.split("-");
  const report = { entityName: entity!.name, runDateLabel: `${d}/${m}/${y}` };
  const output = input.mode === "report" ? await writeReport(db, runDate, report) : await writeRaw(db, runDate, report);
  console.log(JSON.stringify(output));
} finally {
  await handle.close();
}
