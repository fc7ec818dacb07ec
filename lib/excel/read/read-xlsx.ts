import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { EMPTY_CELL, normalizeExcelValue, type NormalizedCell } from "./normalize-cell";
import { readMerges } from "./sheet-merges";
import { TableBuilder, type RawTable } from "./table-builder";
import type { UploadLimits } from "./upload-limits";
import { reject, UploadRejectedError } from "./upload-rejected-error";
import { parseWorkbook, parseWorkbookRels, type SheetRef } from "./workbook-parts";
import { partStream, type FedPart } from "./xlsx-part-stream";
import { findEntry, openZip, readEntryPrefix, type ZipArchive, type ZipEntry } from "./zip-archive";

const DAY_MS = 86_400_000;
const EMPTY_RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const EMPTY_SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * Reads one worksheet with exceljs's streaming reader. What that reader leaves out we take
 * from the zip ourselves (bounded): the sheet list, the date system and the merged ranges.
 * Call inspectUpload first: it checks the zip is safe to unpack.
 */
export async function readXlsxTable(content: Buffer, options: { sheetName?: string; limits: UploadLimits }): Promise<RawTable> {
  const archive = await openZip(content, Number.MAX_SAFE_INTEGER);
  const workbookEntry = findEntry(archive, "xl/workbook.xml");
  if (!workbookEntry) throw reject.corrupt("xl/workbook.xml missing");
  const relsEntry = findEntry(archive, "xl/_rels/workbook.xml.rels");
  const rels = parseWorkbookRels(relsEntry ? await readEntryPrefix(archive, relsEntry, 1024 * 1024) : "");
  const workbook = parseWorkbook(await readEntryPrefix(archive, workbookEntry, 16 * 1024 * 1024), rels);
  const sheet = chooseSheet(workbook.sheets, options.sheetName);
  const sheetEntry = sheet.path ? findEntry(archive, sheet.path) : undefined;
  if (!sheetEntry) throw reject.corrupt(`sheet part of "${sheet.name}" missing: ${sheet.path}`);

  const fed = partStream(archive, content, feedOrder(archive, workbookEntry, relsEntry, sheetEntry));
  const sheetNumber = fed ? "1" : /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(sheetEntry.name)?.[1];
  if (!sheetNumber) throw reject.corrupt(`sheet part ${sheetEntry.name} not readable`);

  const builder = new TableBuilder(sheet.name, options.limits);
  // Both unpack in zlib's thread pool, so the merges come (nearly) for free.
  const [{ merges, complete }] = await Promise.all([
    readMerges(archive, sheetEntry),
    streamSheet(fed ?? [content], sheetNumber, workbook.date1904, (rowNumber, cells) => builder.add(rowNumber, cells)),
  ]);
  if (!complete) throw reject.corrupt(`sheet part ${sheetEntry.name} ends before </worksheet>`);
  return builder.finish(workbook.date1904, merges);
}

function feedOrder(archive: ZipArchive, workbook: ZipEntry, rels: ZipEntry | undefined, sheet: ZipEntry): FedPart[] {
  const styles = findEntry(archive, "xl/styles.xml");
  const sharedStrings = findEntry(archive, "xl/sharedStrings.xml");
  return [
    rels ? { entry: rels, as: "xl/_rels/workbook.xml.rels" } : { name: "xl/_rels/workbook.xml.rels", data: EMPTY_RELS },
    { entry: workbook, as: "xl/workbook.xml" },
    ...(styles ? [{ entry: styles, as: "xl/styles.xml" }] : []),
    sharedStrings ? { entry: sharedStrings, as: "xl/sharedStrings.xml" } : { name: "xl/sharedStrings.xml", data: EMPTY_SST },
    { entry: sheet, as: "xl/worksheets/sheet1.xml" },
  ];
}

function chooseSheet(sheets: SheetRef[], wanted: string | undefined): SheetRef {
  const visible = sheets.filter((sheet) => !sheet.hidden);
  if (wanted === undefined) {
    const first = visible[0] ?? sheets[0];
    if (!first) throw reject.corrupt("no sheets");
    return first;
  }
  const key = (name: string) => name.trim().toLocaleLowerCase("nl-BE");
  const found = sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => key(sheet.name) === key(wanted));
  if (!found) throw reject.sheetNotFound(wanted, visible.map((sheet) => sheet.name));
  return found;
}

/**
 * Streams the worksheet whose part number is `sheetNumber` (the "entry" event just before each
 * worksheet tells its number). Other worksheets are skipped unread, and the reader is always
 * run to its end, so it removes any temporary files it wrote.
 */
async function streamSheet(
  zipChunks: Buffer[],
  sheetNumber: string,
  date1904: boolean,
  onRow: (rowNumber: number, cells: NormalizedCell[]) => void,
): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(zipChunks), {
    sharedStrings: "cache",
    // A hyperlink cell holds its shown text as an ordinary value, which is all we want. "cache"
    // would add nothing (the links come after the rows) and breaks on files listing them first.
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  let currentSheet: string | undefined;
  (reader as unknown as NodeJS.EventEmitter).on("entry", (entry: { type: string; id?: string }) => {
    if (entry.type === "worksheet") currentSheet = String(entry.id);
  });
  let failure: unknown;
  let found = false;
  try {
    for await (const worksheet of reader) {
      if (currentSheet !== sheetNumber || found || failure) continue;
      found = true;
      // exceljs reads date1904 only when written as "1"; "true" is valid too, so correct its Dates.
      const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      const shiftMs = ((date1904 ? 1462 : 0) - (properties?.model?.date1904 ? 1462 : 0)) * DAY_MS;
      try {
        for await (const row of worksheet) onRow(row.number, rowCells(row, date1904, shiftMs));
      } catch (error) {
        failure = error;
      }
    }
  } catch (error) {
    failure ??= error;
  }
  if (failure instanceof UploadRejectedError) throw failure;
  if (failure) throw reject.corrupt(failure instanceof Error ? failure.message : String(failure));
  if (!found) throw reject.corrupt(`worksheet ${sheetNumber} not found by the reader`);
}

function rowCells(row: ExcelJS.Row, date1904: boolean, shiftMs: number): NormalizedCell[] {
  const cells: NormalizedCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    let value = cell.value;
    if (shiftMs !== 0 && value instanceof Date) value = new Date(value.getTime() + shiftMs);
    while (cells.length < column - 1) cells.push(EMPTY_CELL);
    cells[column - 1] = normalizeExcelValue(value, { date1904, numFmt: cell.numFmt });
  });
  return cells;
}
