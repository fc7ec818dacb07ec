import { CsvError, parse } from "csv-parse/sync";
import { decodeText } from "./decode-text";
import { EMPTY_CELL, type NormalizedCell } from "./normalize-cell";
import { TableBuilder, type RawTable } from "./table-builder";
import type { UploadLimits } from "./upload-limits";
import { reject, UploadRejectedError } from "./upload-rejected-error";

const CANDIDATES = [";", "\t", ","] as const;

/**
 * The delimiter is the candidate that occurs most often, outside quotes, in the first line
 * with content (the header); on a tie ";" wins, then tab, then ",": Belgian Excel writes ";"
 * because "," is the decimal separator. Excel's own "sep=;" first line is honoured.
 */
export function detectDelimiter(text: string): { delimiter: string; skipFirstLine: boolean } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1]!, skipFirstLine: true };
  const header = firstLogicalLine(text);
  let best: string = CANDIDATES[0];
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = countOutsideQuotes(header, candidate);
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return { delimiter: best, skipFirstLine: false };
}

function firstLogicalLine(text: string): string {
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && i < 1_000_000; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if ((char === "\n" || char === "\r") && !inQuotes) {
      if (text.slice(start, i).trim() !== "") return text.slice(start, i);
      start = i + 1;
    }
  }
  return text.slice(start, 1_000_000);
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count++;
  }
  return count;
}

/**
 * Calls `visit` for each record, in order, with the row number Excel would show for it
 * (lines inside quoted fields do not count; an Excel "sep=" line is not shown by Excel).
 * Records are not kept, so memory stays with the caller.
 */
export function forEachCsvRecord(content: Buffer, visit: (record: string[], rowNumber: number) => void): void {
  const text = decodeText(content);
  const { delimiter, skipFirstLine } = detectDelimiter(text);
  let rowNumber = 0;
  let linesDone = skipFirstLine ? 1 : 0;
  try {
    parse(text, {
      delimiter,
      from_line: skipFirstLine ? 2 : 1,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], context: { lines: number }) => {
        visit(record, ++rowNumber);
        linesDone = context.lines;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // An unclosed quote is only noticed at the end of the file; it opened in the record after the last good one.
    const line = error.code === "CSV_QUOTE_NOT_CLOSED" ? linesDone + 1 : (error as CsvError & { lines?: number }).lines;
    throw reject.csvMalformed(line);
  }
}

/**
 * A CSV as a table of text cells (numbers stay text; the domain parsers read them). Encoding
 * as inspectUpload decided it (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252);
 * quoted fields may hold delimiters, quotes ("") and line breaks.
 */
export function readCsvTable(content: Buffer, options: { limits: UploadLimits }): RawTable {
  const builder = new TableBuilder("CSV", options.limits, false);
  try {
    forEachCsvRecord(content, (record, rowNumber) => builder.add(rowNumber, record.map(textCell)));
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw reject.corrupt(error instanceof Error ? error.message : String(error));
  }
  return builder.finish(false);
}

function textCell(value: string): NormalizedCell {
  return /^[\s\u200b-\u200d\u2060]*$/.test(value) ? EMPTY_CELL : { kind: "text", text: value };
}
