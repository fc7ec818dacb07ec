import type { Db } from "@/db/client";
import { UploadRejectedError } from "@/lib/excel/read/inspect-upload";
import { recordImportPreview, type ImportAnalysis, type ImportTarget, type PreviewOutcome, type UploadedFile } from "@/lib/domain/imports/import-run-store";
import { analysePersonnelFile, describeChanges } from "./analyse-personnel-file";

export type { PreviewOutcome, UploadedFile } from "@/lib/domain/imports/import-run-store";

export const PERSONNEL_IMPORT_KIND = "personnel-list";

export function personnelImportTarget(entityId: string): ImportTarget {
  return {
    kind: PERSONNEL_IMPORT_KIND,
    entityId,
    uploadPurpose: "personnel-list-upload",
    problemsPurpose: "personnel-list-problems",
    auditAction: "personnel.import",
  };
}

/**
 * Step one of an import: read and check the uploaded personnel list and keep the preview
 * (file, problems, counts, the file back with its problems marked). Writes no personnel data.
 */
export async function previewPersonnelImport(
  db: Db,
  input: { entityId: string; file: UploadedFile; actorId: string; requestId?: string },
): Promise<PreviewOutcome> {
  const { entityId, file } = input;
  let analysis: ImportAnalysis;
  try {
    const found = await analysePersonnelFile(db, entityId, file.fileName, file.content);
    const errors = found.problems.filter((p) => p.severity === "error").length;
    analysis = {
      fileKind: found.kind,
      rejection: found.rejection,
      problems: found.problems,
      summary: found.diff
        ? {
            rows: found.rows,
            added: found.diff.added.length,
            changed: found.diff.changed.length,
            unchanged: found.diff.unchanged,
            gone: found.diff.gone.length,
            errors,
            warnings: found.problems.length - errors,
          }
        : null,
      changes: found.diff ? describeChanges(found.diff) : [],
    };
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    analysis = { fileKind: null, rejection: error.message, problems: [], summary: null, changes: [] };
  }
  return recordImportPreview(db, personnelImportTarget(entityId), { file, analysis, actorId: input.actorId, requestId: input.requestId });
}
