import { EMPTY_CELL, type NormalizedCell } from "./normalize-cell";
import { columnNumber, parseAttributes } from "./workbook-parts";
import { scanEntry, type ZipArchive, type ZipEntry } from "./zip-archive";

/** A merged range, 1-based and inclusive, as in `<mergeCell ref="B2:C4"/>`. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MARKER = Buffer.from("mergeCells");
/** Merges beyond this much XML are ignored rather than held in memory. */
const MAX_MERGE_XML = 8 * 1024 * 1024;
/** Real merges do not overlap, so this many copied cells means a crafted file: stop copying. */
const MAX_FILLED_CELLS = 4_000_000;

const END_OF_SHEET = /<\/(?:[\w.-]+:)?worksheet>\s*$/;

/**
 * exceljs's streaming reader skips `<mergeCells>` (it sits after the rows), so we find it
 * ourselves in one streamed pass over the sheet part, holding only the text after the marker.
 * The same pass tells whether the part ends as a worksheet does: the streaming reader stops
 * quietly at a cut-off part, which would pass for a shorter sheet.
 */
export async function readMerges(archive: ZipArchive, entry: ZipEntry): Promise<{ merges: MergeRange[]; complete: boolean }> {
  let tail = Buffer.alloc(0);
  let end = Buffer.alloc(0);
  let stopped = false;
  const collected: Buffer[] = [];
  let collectedSize = 0;
  await scanEntry(archive, entry, (chunk) => {
    end = Buffer.concat([end, chunk.subarray(Math.max(0, chunk.length - 64))]).subarray(-64);
    if (collected.length > 0) {
      collected.push(chunk);
      collectedSize += chunk.length;
      stopped = collectedSize > MAX_MERGE_XML;
      return stopped ? "stop" : undefined;
    }
    const window = Buffer.concat([tail, chunk]);
    const at = window.indexOf(MARKER);
    if (at >= 0) {
      collected.push(window.subarray(at));
      collectedSize = window.length - at;
    } else {
      tail = window.subarray(Math.max(0, window.length - MARKER.length));
    }
  });
  const xml = Buffer.concat(collected).toString("utf8");
  const ranges: MergeRange[] = [];
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?mergeCell\b([^>]*)>/g)) {
    const range = parseRange(parseAttributes(match[1] ?? "").get("ref") ?? "");
    if (range) ranges.push(range);
  }
  return { merges: ranges, complete: stopped || END_OF_SHEET.test(end.toString("latin1")) };
}

function parseRange(ref: string): MergeRange | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!match) return undefined;
  const [a, b] = [columnNumber(match[1]!), columnNumber(match[3]!)];
  const [r1, r2] = [Number(match[2]), Number(match[4])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

/**
 * Copies the value of each merged range's top-left cell into the range's other cells, in the
 * rows that were read (sorted by row number). Rows with nothing but a merged block's
 * continuation were left out as empty and stay out. Columns beyond `maxColumns` are not filled.
 */
export function applyMerges(rows: { rowNumber: number; cells: NormalizedCell[] }[], merges: MergeRange[], maxColumns: number): void {
  let budget = MAX_FILLED_CELLS;
  for (const range of merges) {
    const first = firstRowAtOrAfter(rows, range.top);
    const master = rows[first];
    if (!master || master.rowNumber !== range.top) continue;
    const value = master.cells[range.left - 1] ?? EMPTY_CELL;
    if (value.kind === "empty") continue;
    const right = Math.min(range.right, maxColumns);
    for (let i = first; i < rows.length && rows[i]!.rowNumber <= range.bottom; i++) {
      const cells = rows[i]!.cells;
      for (let column = range.left; column <= right; column++) {
        while (cells.length < column) cells.push(EMPTY_CELL);
        if (cells[column - 1]!.kind === "empty") cells[column - 1] = value;
        if (--budget <= 0) return;
      }
    }
  }
}

function firstRowAtOrAfter(rows: { rowNumber: number }[], rowNumber: number): number {
  let [low, high] = [0, rows.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle]!.rowNumber < rowNumber) low = middle + 1;
    else high = middle;
  }
  return low;
}
