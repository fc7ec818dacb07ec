import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { importRuns, type ImportSummary, type StoredProblem } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { markProblems } from "@/lib/excel/mark/mark-problems";
import { UploadRejectedError } from "@/lib/excel/read/upload-rejected-error";
import { storeFile, XLSX_CONTENT_TYPE, readFileContent } from "@/lib/files/store-file";

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

/** What an analysis of an uploaded file found, whatever its format. */
export interface ImportAnalysis {
  /** null when the file could not be read at all. */
  fileKind: "xlsx" | "csv" | null;
  rejection: string | null;
  problems: StoredProblem[];
  summary: ImportSummary | null;
  changes: { key: string; name: string; fields: string[] }[];
}

/** Identifies one import: its kind, its entity (null for global reference data) and its files. */
export interface ImportTarget {
  kind: string;
  entityId: string | null;
  /** Purposes of the stored files, which decide who may download them. */
  uploadPurpose: string;
  problemsPurpose: string;
  /** Audit action prefix, e.g. "personnel.import". */
  auditAction: string;
  /** The sheet the import reads, when the format names one; its problems are marked there. */
  sheetName?: string;
}

/**
 * Keeps the preview of an upload: the original file, the file back with its problems marked,
 * the counts and problems. Writes no data of the import itself. A newer preview supersedes the
 * older ones of the same kind and entity.
 */
export async function recordImportPreview(
  db: Db,
  target: ImportTarget,
  input: { file: UploadedFile; analysis: ImportAnalysis; actorId: string; requestId?: string },
): Promise<PreviewOutcome> {
  const { file, actorId } = input;
  let analysis = input.analysis;
  let marked: Buffer | null = null;
  if (analysis.fileKind && analysis.problems.length) {
    try {
      marked = await markProblems(file.content, analysis.fileKind, analysis.problems, { sheetName: target.sheetName });
    } catch (error) {
      // A file the streaming reader got through but the full load cannot read is refused as such.
      if (!(error instanceof UploadRejectedError)) throw error;
      analysis = { ...analysis, rejection: error.message, problems: [], summary: null };
    }
  }
  const errors = analysis.problems.filter((p) => p.severity === "error").length;
  const state = analysis.rejection || errors ? "rejected" : "previewed";
  return db.transaction(async (tx) => {
    const original = await storeFile(tx, {
      entityId: target.entityId,
      purpose: target.uploadPurpose,
      fileName: file.fileName,
      contentType: file.contentType || "application/octet-stream",
      content: file.content,
      createdBy: actorId,
    });
    const markedFile = marked
      ? await storeFile(tx, {
          entityId: target.entityId,
          purpose: target.problemsPurpose,
          fileName: markedName(file.fileName),
          contentType: XLSX_CONTENT_TYPE,
          content: marked,
          createdBy: actorId,
        })
      : null;
    await tx
      .update(importRuns)
      .set({ state: "superseded" })
      .where(and(sameTarget(target), eq(importRuns.state, "previewed")));
    const [run] = await tx
      .insert(importRuns)
      .values({
        entityId: target.entityId,
        kind: target.kind,
        state,
        fileId: original.id,
        markedFileId: markedFile?.id ?? null,
        summary: analysis.summary,
        rejection: analysis.rejection,
        problems: analysis.problems,
        changes: errors ? [] : analysis.changes,
        createdBy: actorId,
      })
      .returning({ id: importRuns.id });
    await recordAudit(tx, {
      actorId,
      action: `${target.auditAction}.preview`,
      objectType: "import_run",
      objectId: run!.id,
      entityId: target.entityId,
      after: { state, kind: target.kind, fileName: file.fileName, fileId: original.id, markedFileId: markedFile?.id ?? null, summary: analysis.summary, rejection: analysis.rejection },
      requestId: input.requestId,
    });
    return { importRunId: run!.id, state, summary: analysis.summary, rejection: analysis.rejection };
  });
}

export interface CommitResult {
  state: "committed" | "unchanged";
}

/**
 * Writes a clean preview, in one transaction. Imports of one kind and entity are serialised by a
 * transaction-scoped advisory lock; `apply` checks the file again inside the lock, so what is
 * written matches the data as it is now, and reports whether anything changed.
 */
export async function commitImportRun<O extends CommitResult>(
  db: Db,
  target: ImportTarget,
  input: { importRunId: string; actorId: string; requestId?: string },
  apply: (tx: Tx, content: Buffer) => Promise<O>,
): Promise<O> {
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, target);
    const [run] = await tx
      .select()
      .from(importRuns)
      .where(and(eq(importRuns.id, input.importRunId), sameTarget(target)))
      .for("update");
    if (!run) throw new AppError("not_found", "Deze import bestaat niet.");
    if (run.state !== "previewed") {
      throw new AppError("conflict", "Deze preview is al verwerkt of vervangen door een nieuwere upload. Bekijk de laatste upload.");
    }
    const content = await readFileContent(tx, run.fileId);
    const outcome = await apply(tx, content!);
    await tx
      .update(importRuns)
      .set({ state: outcome.state, committedBy: input.actorId, committedAt: sql`now()` })
      .where(eq(importRuns.id, run.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: `${target.auditAction}.commit`,
      objectType: "import_run",
      objectId: run.id,
      entityId: target.entityId,
      after: { kind: target.kind, ...outcome },
      requestId: input.requestId,
    });
    return outcome;
  });
}

/**
 * Serialises everything that writes one kind of imported data of one entity (imports, forms),
 * until the end of the transaction.
 */
export async function lockImportTarget(tx: Tx, target: ImportTarget): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${target.kind}:${target.entityId ?? "-"}`}))`);
}

/** Thrown by `apply` when the file checked again inside the commit has errors now. */
export function staleImportError() {
  return new AppError("conflict", "De gegevens zijn gewijzigd sinds de preview en het bestand heeft nu fouten. Laad het opnieuw op.");
}

function sameTarget(target: ImportTarget) {
  return and(
    eq(importRuns.kind, target.kind),
    target.entityId ? eq(importRuns.entityId, target.entityId) : isNull(importRuns.entityId),
  );
}

function markedName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|csv)$/i, "").replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 80) || "bestand";
  return `${base} - problemen.xlsx`;
}
