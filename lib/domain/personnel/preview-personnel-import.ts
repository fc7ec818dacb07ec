import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importRuns, type ImportSummary } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { markProblems } from "@/lib/excel/mark/mark-problems";
import { UploadRejectedError } from "@/lib/excel/read/inspect-upload";
import { storeFile, XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { analysePersonnelFile, describeChanges } from "./analyse-personnel-file";

export const PERSONNEL_IMPORT_KIND = "personnel-list";

export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface PreviewOutcome {
  importRunId: string;
  state: "previewed" | "rejected";
  summary: ImportSummary | null;
  rejection: string | null;
}

/**
 * Step one of an import: read and check the uploaded personnel list and keep the preview
 * (file, problems, counts, the file back with its problems marked). Writes no personnel data.
 * A newer preview supersedes the older ones of the same entity.
 */
export async function previewPersonnelImport(
  db: Db,
  input: { entityId: string; file: UploadedFile; actorId: string; requestId?: string },
): Promise<PreviewOutcome> {
  const { entityId, file, actorId } = input;
  let analysis: Awaited<ReturnType<typeof analysePersonnelFile>> | null = null;
  let rejection: string | null = null;
  try {
    analysis = await analysePersonnelFile(db, entityId, file.fileName, file.content);
    rejection = analysis.rejection;
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    rejection = error.message;
  }
  const problems = analysis?.problems ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const diff = analysis?.diff ?? null;
  const summary: ImportSummary | null =
    analysis && diff
      ? {
          rows: analysis.rows,
          added: diff.added.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
          gone: diff.gone.length,
          errors,
          warnings: problems.length - errors,
        }
      : null;
  const marked = analysis && problems.length ? await markProblems(file.content, analysis.kind, problems, {}) : null;
  const state = rejection || errors ? "rejected" : "previewed";

  return db.transaction(async (tx) => {
    const original = await storeFile(tx, {
      entityId,
      purpose: "personnel-list-upload",
      fileName: file.fileName,
      contentType: file.contentType || "application/octet-stream",
      content: file.content,
      createdBy: actorId,
    });
    const markedFile = marked
      ? await storeFile(tx, {
          entityId,
          purpose: "personnel-list-problems",
          fileName: markedName(file.fileName),
          contentType: XLSX_CONTENT_TYPE,
          content: marked,
          createdBy: actorId,
        })
      : null;
    await tx
      .update(importRuns)
      .set({ state: "superseded" })
      .where(and(eq(importRuns.entityId, entityId), eq(importRuns.kind, PERSONNEL_IMPORT_KIND), eq(importRuns.state, "previewed")));
    const [run] = await tx
      .insert(importRuns)
      .values({
        entityId,
        kind: PERSONNEL_IMPORT_KIND,
        state,
        fileId: original.id,
        markedFileId: markedFile?.id ?? null,
        summary,
        rejection,
        problems,
        changes: diff && !errors ? describeChanges(diff) : [],
        createdBy: actorId,
      })
      .returning({ id: importRuns.id });
    await recordAudit(tx, {
      actorId,
      action: "personnel.import.preview",
      objectType: "import_run",
      objectId: run!.id,
      entityId,
      after: { state, fileName: file.fileName, summary, rejection },
      requestId: input.requestId,
    });
    return { importRunId: run!.id, state, summary, rejection };
  });
}

function markedName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|csv)$/i, "").replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 80) || "personeelslijst";
  return `${base} - problemen.xlsx`;
}
