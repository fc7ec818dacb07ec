import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { printableSheetOptions } from "./print-setup";
import { safeCell } from "./safe-cell";

export interface TableColumn<Row> {
  header: string;
  width?: number;
  numFmt?: string;
  value(row: Row): unknown;
}

export interface TableSheet<Row> {
  sheetName: string;
  /** A line above the table, e.g. entity and date. */
  title?: string;
  columns: TableColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** The first columns, which name each line, stay in view when scrolling sideways. */
  frozenColumns?: number;
  /** Optional ARGB fill per row (e.g. blue/green report lines). */
  rowFill?(row: Row): string | undefined;
}

/**
 * Writes one or more tables with the streaming writer (memory stays flat for large exports):
 * bold frozen header row (and key columns), auto-filter, every user value as a plain typed cell,
 * printed landscape to the width of a page with the header row on every page.
 */
export async function writeTablesXlsx(sheets: TableSheet<any>[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  await writeTablesToStream(stream, sheets);
  await done;
  return Buffer.concat(chunks);
}

/** The same, written into a stream as it is produced (e.g. an HTTP response): nothing is held in memory. */
export async function writeTablesToStream(stream: Writable, sheets: TableSheet<any>[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Arbeidsplaatsbeheer";
  for (const sheet of sheets) await writeSheet(workbook, sheet);
  await workbook.commit();
}

async function writeSheet<Row>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: TableSheet<Row>) {
  const headerRowNumber = sheet.title ? 3 : 1;
  const worksheet = workbook.addWorksheet(
    sheet.sheetName,
    printableSheetOptions({ headerRow: headerRowNumber, frozenColumns: sheet.frozenColumns }),
  );
  worksheet.columns = sheet.columns.map((c) => ({ width: c.width ?? 18, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  if (sheet.title) {
    const titleRow = worksheet.addRow([sheet.title]);
    titleRow.font = { bold: true, size: 13 };
    titleRow.commit();
    worksheet.addRow([]).commit();
  }
  const header = worksheet.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9ECEF" } };
  header.commit();
  let count = 0;
  for await (const row of sheet.rows) {
    const excelRow = worksheet.addRow(sheet.columns.map((c) => safeCell(c.value(row))));
    const fill = sheet.rowFill?.(row);
    if (fill) excelRow.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    excelRow.commit();
    count++;
  }
  worksheet.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: headerRowNumber + Math.max(count, 1), column: sheet.columns.length },
  };
  worksheet.commit();
}
