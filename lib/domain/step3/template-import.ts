import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importRuns, positionRequests } from "@/db/schema";
import { applyTransition } from "@/lib/domain/onboarding/workflow-store";
import { commitImportRun, recordImportPreview, staleImportError, type ImportAnalysis, type ImportTarget, type PreviewOutcome, type UploadedFile } from "@/lib/domain/imports/import-run-store";
import { AppError } from "@/lib/errors/app-error";
import { UploadRejectedError } from "@/lib/excel/read/inspect-upload";
import { analyseTemplateFile } from "./analyse-template-file";
import { TEMPLATE_SHEET } from "./template-format";
import { requireTemplateChangeable } from "./template-state";

export const TEMPLATE_IMPORT_KIND = "position-template";
const INSERT_SLICE = 2_000;

export function templateImportTarget(entityId: string): ImportTarget {
  return {
    kind: TEMPLATE_IMPORT_KIND,
    entityId,
    uploadPurpose: "position-template-upload",
    problemsPurpose: "position-template-problems",
    auditAction: "onboarding.step3.upload",
    sheetName: TEMPLATE_SHEET,
  };
}

/**
 * An uploaded template, checked as a whole: the preview keeps the file, every problem by row and
 * column and the file back with its problems marked. Writes no request.
 */
export async function previewTemplateUpload(
  db: Db,
  input: { entityId: string; file: UploadedFile; actorId: string; requestId?: string },
): Promise<PreviewOutcome> {
  const { entityId, file } = input;
  const { runDate } = await requireTemplateChangeable(db, entityId);
  let analysis: ImportAnalysis;
  try {
    const found = await analyseTemplateFile(db, entityId, runDate, file.fileName, file.content);
    const errors = found.problems.filter((p) => p.severity === "error").length;
    const requested = found.requests.filter((r) => r.decision === "requested").length;
    analysis = {
      fileKind: found.kind,
      rejection: found.rejection,
      problems: found.problems,
      summary: found.rejection
        ? null
        : {
            rows: found.rows,
            added: requested,
            changed: 0,
            unchanged: found.requests.length - requested,
            gone: found.missingGreenLines,
            errors,
            warnings: found.problems.length - errors,
          },
      changes: [],
    };
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    analysis = { fileKind: null, rejection: error.message, problems: [], summary: null, changes: [] };
  }
  return recordImportPreview(db, templateImportTarget(entityId), { file, analysis, actorId: input.actorId, requestId: input.requestId });
}

export interface AcceptOutcome {
  state: "committed";
  requested: number;
  notNeeded: number;
}

/**
 * Accepts a clean preview: its rows replace the entity's current request, in one transaction,
 * after checking the file again against the data as they are now. Accepting after the entity
 * submitted sends the onboarding back to step 3, to be submitted again.
 */
export async function acceptTemplateUpload(db: Db, input: { entityId: string; importRunId: string; actorId: string; requestId?: string }): Promise<AcceptOutcome> {
  const { entityId } = input;
  return commitImportRun(db, templateImportTarget(entityId), input, async (tx, content) => {
    const { runDate, stage } = await requireTemplateChangeable(tx, entityId);
    const analysis = await analyseTemplateFile(tx, entityId, runDate, "upload", content);
    if (analysis.rejection || analysis.problems.some((p) => p.severity === "error")) throw staleImportError();
    const created = await tx.select({ id: positionRequests.id }).from(positionRequests).where(and(eq(positionRequests.entityId, entityId), isNotNull(positionRequests.positionId))).limit(1);
    if (created.length > 0) throw new AppError("conflict", "Stap 4 heeft al arbeidsplaatsen gemaakt uit het sjabloon: het kan niet meer vervangen worden.");
    await tx.delete(positionRequests).where(eq(positionRequests.entityId, entityId));
    // The upload accepted before this one is no longer the entity's request.
    await tx
      .update(importRuns)
      .set({ state: "superseded" })
      .where(and(eq(importRuns.entityId, entityId), eq(importRuns.kind, TEMPLATE_IMPORT_KIND), eq(importRuns.state, "committed")));
    // In slices: one statement takes at most 65,535 parameters.
    for (let start = 0; start < analysis.requests.length; start += INSERT_SLICE) {
      const slice = analysis.requests.slice(start, start + INSERT_SLICE);
      await tx.insert(positionRequests).values(slice.map((r) => ({ ...r, entityId, importRunId: input.importRunId, updatedBy: input.actorId })));
    }
    if (stage === "submitted") await applyTransition(tx, entityId, { type: "withdraw", step: 3 }, "entity");
    const requested = analysis.requests.filter((r) => r.decision === "requested").length;
    return { state: "committed" as const, requested, notNeeded: analysis.requests.length - requested };
  });
}
