import { readCsvTable } from "./read-csv";
import { readXlsxTable } from "./read-xlsx";
import type { RawTable } from "./table-builder";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./upload-limits";

export type { RawRow, RawTable } from "./table-builder";

/**
 * One sheet of an upload as rows of NormalizedCells. Run inspectUpload first (it decides
 * `kind` and that the file is safe to unpack). xlsx: the named sheet (exact name, else the
 * same name ignoring case and surrounding spaces) or the first visible one, streamed;
 * csv: the whole file, every cell text. Header row = first row with content; empty rows are
 * left out (row numbers stay as Excel shows them); merged cells carry the top-left value.
 * Refuses with UploadRejectedError: content beyond maxRows / maxColumns (as soon as it is
 * met), a missing sheet, a sheet without content, a file that cannot be parsed.
 */
export async function readTable(
  content: Buffer,
  kind: "xlsx" | "csv",
  options: { sheetName?: string; limits?: UploadLimits } = {},
): Promise<RawTable> {
  const limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
  return kind === "xlsx" ? readXlsxTable(content, { sheetName: options.sheetName, limits }) : readCsvTable(content, { limits });
}
