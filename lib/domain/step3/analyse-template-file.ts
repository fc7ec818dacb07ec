import type { DbOrTx } from "@/db/client";
import type { StoredProblem } from "@/db/schema";
import { headerProblems } from "@/lib/excel/read/header-problems";
import { inspectUpload } from "@/lib/excel/read/inspect-upload";
import { matchHeaders } from "@/lib/excel/read/match-headers";
import { readTable } from "@/lib/excel/read/read-table";
import { isBlankTemplateRow, parseTemplateRow, type TemplateColumnIndexes } from "./parse-template-row";
import { TEMPLATE_COLUMNS, TEMPLATE_INFORMATIVE_COLUMNS, TEMPLATE_SHEET } from "./template-format";
import { loadTemplateContext } from "./template-queries";
import { checkTemplateRows, type ResolvedRequest } from "./template-rules";

export interface TemplateFileAnalysis {
  kind: "xlsx" | "csv";
  /** Set when the file as a whole cannot be read (e.g. required columns missing). */
  rejection: string | null;
  rows: number;
  problems: StoredProblem[];
  /** The rows without errors; all rows when there is no error. */
  requests: ResolvedRequest[];
  missingGreenLines: number;
}

/**
 * Reads and checks a filled-in position template against the entity's green lines and reference
 * data as they are now, without writing anything. Runs for the preview and again, inside the
 * acceptance's transaction, for the acceptance itself. Refused files (size, type, zip bomb, ...)
 * throw an UploadRejectedError.
 */
export async function analyseTemplateFile(db: DbOrTx, entityId: string, runDate: string, fileName: string, content: Buffer): Promise<TemplateFileAnalysis> {
  const { kind } = await inspectUpload(content, fileName);
  const table = await readTable(content, kind, { sheetName: TEMPLATE_SHEET });
  const match = matchHeaders(table.headers, TEMPLATE_COLUMNS);
  const header = headerProblems(match, TEMPLATE_COLUMNS, table.headerRowNumber, "Download het sjabloon opnieuw op de pagina van stap 3 en vul dat in.");
  const empty = { kind, rows: 0, problems: [], requests: [], missingGreenLines: 0 };
  if (header.rejection) return { ...empty, rows: table.rows.length, rejection: header.rejection };
  const columns = match.columns as TemplateColumnIndexes;
  const dataRows = table.rows.filter((row) => !isBlankTemplateRow(row, columns, TEMPLATE_INFORMATIVE_COLUMNS));
  const parsed = dataRows.map((row) => {
    const { values, problems } = parseTemplateRow(row, columns, { date1904: table.date1904 });
    return { values, readProblems: problems };
  });
  const context = await loadTemplateContext(db, entityId, runDate);
  const check = checkTemplateRows(parsed, context, columns, table.headerRowNumber);
  const problems = [...header.problems, ...check.problems].sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0));
  if (dataRows.length === 0) {
    problems.push({ rowNumber: table.headerRowNumber, severity: "error", message: "Het bestand bevat geen enkele rij. Vul minstens één arbeidsplaats in." });
  }
  return { kind, rejection: null, rows: dataRows.length, problems, requests: check.resolved, missingGreenLines: check.missingGreenLines.length };
}
