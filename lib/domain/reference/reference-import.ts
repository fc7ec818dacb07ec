import type { Db, DbOrTx } from "@/db/client";
import type { StoredProblem } from "@/db/schema";
import {
  commitImportRun,
  recordImportPreview,
  staleImportError,
  type ImportAnalysis,
  type ImportTarget,
  type PreviewOutcome,
  type UploadedFile,
} from "@/lib/domain/imports/import-run-store";
import { inspectUpload, UploadRejectedError } from "@/lib/excel/read/inspect-upload";
import { headerProblems } from "@/lib/excel/read/header-problems";
import { matchHeaders } from "@/lib/excel/read/match-headers";
import { cellText } from "@/lib/excel/read/normalize-cell";
import { readTable } from "@/lib/excel/read/read-table";
import { changedFields, checkReferenceRecords, codeKey, type ReferenceRowInput } from "./check-reference-records";
import { REFERENCE_KINDS, type ReferenceKindKey } from "./reference-kinds";
import { loadReference, loadReferenceContext, writeReference, type ReferenceWrite, type StoredReference } from "./reference-store";

export function referenceImportTarget(kind: ReferenceKindKey, entityId: string | null): ImportTarget {
  return {
    kind: `reference:${kind}`,
    entityId,
    uploadPurpose: "reference-upload",
    problemsPurpose: "reference-problems",
    auditAction: "reference.import",
  };
}

interface ReferenceFileAnalysis {
  analysis: ImportAnalysis;
  write: ReferenceWrite | null;
}

/**
 * Reads and checks a reference-data spreadsheet and compares it with what is stored, without
 * writing. Codes that are stored but not in the file are left as they are (counted, not
 * deactivated): deactivating is explicit, with "nee" in the column "Actief".
 */
export async function analyseReferenceFile(
  db: DbOrTx,
  kindKey: ReferenceKindKey,
  entityId: string | null,
  file: { fileName: string; content: Buffer },
): Promise<ReferenceFileAnalysis> {
  const kind = REFERENCE_KINDS[kindKey];
  let fileKind: "xlsx" | "csv" | null = null;
  try {
    fileKind = (await inspectUpload(file.content, file.fileName)).kind;
    const table = await readTable(file.content, fileKind, {});
    const match = matchHeaders(table.headers, kind.fields);
    const header = headerProblems(match, kind.fields, table.headerRowNumber, "Tip: exporteer de lijst om een bestand met de juiste kolommen te krijgen.");
    if (header.rejection) return { analysis: { fileKind, rejection: header.rejection, problems: [], summary: null, changes: [] }, write: null };
    const problems: StoredProblem[] = header.problems;
    const columns = match.columns as Record<string, number | undefined>;
    const [context, stored] = [await loadReferenceContext(db, kindKey, entityId), await loadReference(db, kindKey, entityId)];
    const storedByCode = new Map(stored.map((s) => [codeKey(s.code), s]));
    // An optional column left out of the file leaves that field as stored: a file without
    // "Actief" reactivates nothing, one without "Gemeente" clears no municipality.
    const absent = kind.fields.filter((f) => columns[f.key] === undefined);
    const storedText = (record: StoredReference | undefined, key: string) =>
      !record ? "" : key === "active" ? (record.active ? "ja" : "nee") : (record.values[key] ?? "");
    const rows: ReferenceRowInput[] = table.rows
      .filter((row) => row.cells.some((c) => c.kind !== "empty"))
      .map((row) => {
        const texts: Record<string, string> = {};
        for (const f of kind.fields) if (columns[f.key] !== undefined) texts[f.key] = cellText(row.cells[columns[f.key]!] ?? { kind: "empty" });
        const existing = storedByCode.get(codeKey(texts.code ?? ""));
        for (const f of absent) texts[f.key] = storedText(existing, f.key);
        return { rowNumber: row.rowNumber, texts };
      });

    const checked = checkReferenceRecords(kind, rows, context);
    for (const p of checked.problems) {
      const field = kind.fields.find((f) => f.key === p.field)!;
      const index = columns[p.field];
      problems.push({ rowNumber: p.rowNumber, column: index === undefined ? undefined : index + 1, columnLabel: field.header, severity: p.severity, message: p.message });
    }
    problems.sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0));

    const write: { added: ReferenceWrite["added"][number][]; changed: { id: string; record: ReferenceWrite["added"][number] }[] } = { added: [], changed: [] };
    const changes: ImportAnalysis["changes"] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const record of checked.records) {
      const existing = storedByCode.get(codeKey(record.code));
      seen.add(codeKey(record.code));
      if (!existing) {
        write.added.push(record);
        continue;
      }
      const fields = changedFields(kind, record, existing);
      if (fields.length === 0) {
        unchanged++;
        continue;
      }
      write.changed.push({ id: existing.id, record });
      changes.push({
        key: record.code,
        name: record.values[kind.nameField] ?? "",
        fields: fields.map((key) => kind.fields.find((f) => f.key === key)!.header),
      });
    }
    // Rows with errors still name their code: those are in the file, not "left alone".
    for (const row of rows) if (row.texts.code) seen.add(codeKey(row.texts.code));
    const errors = problems.filter((p) => p.severity === "error").length;
    return {
      analysis: {
        fileKind,
        rejection: null,
        problems,
        summary: {
          rows: rows.length,
          added: write.added.length,
          changed: write.changed.length,
          unchanged,
          gone: stored.filter((s) => !seen.has(codeKey(s.code))).length,
          errors,
          warnings: problems.length - errors,
        },
        changes,
      },
      write,
    };
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    return { analysis: { fileKind: null, rejection: error.message, problems: [], summary: null, changes: [] }, write: null };
  }
}

export async function previewReferenceImport(
  db: Db,
  input: { kind: ReferenceKindKey; entityId: string | null; file: UploadedFile; actorId: string; requestId?: string },
): Promise<PreviewOutcome> {
  const { analysis } = await analyseReferenceFile(db, input.kind, input.entityId, input.file);
  return recordImportPreview(db, referenceImportTarget(input.kind, input.entityId), { ...input, analysis });
}

export interface ReferenceCommitOutcome {
  state: "committed" | "unchanged";
  added: number;
  changed: number;
}

export async function commitReferenceImport(
  db: Db,
  input: { kind: ReferenceKindKey; entityId: string | null; importRunId: string; actorId: string; requestId?: string },
): Promise<ReferenceCommitOutcome> {
  return commitImportRun(db, referenceImportTarget(input.kind, input.entityId), input, async (tx, content) => {
    const { analysis, write } = await analyseReferenceFile(tx, input.kind, input.entityId, { fileName: "upload", content });
    if (!write || analysis.rejection || analysis.problems.some((p) => p.severity === "error")) throw staleImportError();
    const state = write.added.length + write.changed.length === 0 ? "unchanged" : "committed";
    if (state === "committed") await writeReference(tx, input.kind, input.entityId, write);
    return { state, added: write.added.length, changed: write.changed.length };
  });
}
