import type { DbOrTx } from "@/db/client";
import type { StoredProblem } from "@/db/schema";
import { inspectUpload } from "@/lib/excel/read/inspect-upload";
import { headerProblems } from "@/lib/excel/read/header-problems";
import { matchHeaders } from "@/lib/excel/read/match-headers";
import { readTable } from "@/lib/excel/read/read-table";
import { diffRelations, COMPARED_FIELDS, type RelationsDiff } from "./diff-relations";
import { parsePersonnelRow, type ColumnIndexes, type ParsedRelationRow, type ReferenceCodes } from "./parse-personnel-row";
import { INFORMATIVE_COLUMNS, PERSONNEL_COLUMNS } from "./personnel-list-format";
import { loadPersonnelReference, loadStoredRelations } from "./personnel-queries";
import { relationKey, validatePersonnelList } from "./validate-personnel-list";

export interface PersonnelFileAnalysis {
  kind: "xlsx" | "csv";
  /** Set when the file as a whole cannot be read (e.g. required columns missing). */
  rejection: string | null;
  rows: number;
  problems: StoredProblem[];
  diff: RelationsDiff | null;
}

/**
 * Reads, checks and compares a personnel list with what is stored, without writing anything.
 * The same analysis runs for the preview and, again inside the commit's transaction, for the
 * commit itself, so what is written is checked against the data as it is at that moment.
 * Refused files (size, type, zip bomb, ...) throw an UploadRejectedError.
 */
export async function analysePersonnelFile(db: DbOrTx, entityId: string, fileName: string, content: Buffer): Promise<PersonnelFileAnalysis> {
  const { kind } = await inspectUpload(content, fileName);
  const table = await readTable(content, kind, {});
  const match = matchHeaders(table.headers, PERSONNEL_COLUMNS);
  const header = headerProblems(
    match,
    PERSONNEL_COLUMNS,
    table.headerRowNumber,
    "De kolommen staan beschreven in de handleiding bij het formaat van de personeelslijst.",
  );
  if (header.rejection) return { kind, rows: table.rows.length, problems: [], diff: null, rejection: header.rejection };
  const problems: StoredProblem[] = header.problems;
  const columns = match.columns as ColumnIndexes;
  for (const key of INFORMATIVE_COLUMNS) delete columns[key];

  const parsed: ParsedRelationRow[] = [];
  const failedRowCodes: ReferenceCodes[] = [];
  const dataRows = table.rows.filter((row) => row.cells.some((c) => c.kind !== "empty"));
  for (const row of dataRows) {
    const result = parsePersonnelRow(row, columns, { date1904: table.date1904 });
    problems.push(...result.problems);
    if (result.parsed) parsed.push(result.parsed);
    else failedRowCodes.push(result.codes);
  }
  const [reference, stored] = [await loadPersonnelReference(db, entityId), await loadStoredRelations(db, entityId)];
  const validation = validatePersonnelList(parsed, reference, columns, failedRowCodes);
  problems.push(...validation.problems);
  problems.sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0));
  // With errors the counts cover the rows without errors; relations on faulty rows are not "gone".
  const present = new Set(parsed.map((r) => relationKey(r.vlimpers, r.relationNumber)));
  for (const codes of failedRowCodes) if (codes.relationKey) present.add(codes.relationKey);
  return { kind, rejection: null, rows: dataRows.length, problems, diff: diffRelations(validation.resolved, stored, present) };
}

export function describeChanges(diff: RelationsDiff) {
  return diff.changed.map((c) => ({
    key: `${c.row.vlimpers}/${c.row.relationNumber}`,
    name: `${c.row.lastName} ${c.row.firstName}`,
    fields: c.fields.map((f) => (f === "inPersonnelList" ? "Terug in personeelslijst" : COMPARED_FIELDS[f])),
  }));
}
