import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle, Db } from "@/db/client";
import { onboardingStepRuns, onboardings, entities } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatDutchDate } from "@/lib/dates";
import { lockStepRun, markStepRunFailed, startAutomatedStep } from "@/lib/domain/onboarding/automated-step-runs";
import { applyTransition } from "@/lib/domain/onboarding/workflow-store";
import { AppError } from "@/lib/errors/app-error";
import { storeFile, XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { lockImportTarget } from "@/lib/domain/imports/import-run-store";
import { templateImportTarget } from "@/lib/domain/step3/template-import";
import { controlReportXlsxBuffer } from "./control-report-xlsx";
import { inactiveReferencesError, inactiveReferencesOfRequests } from "./inactive-references";
import { STEP4_JOB_TYPE } from "./step4-job-type";
import { controlReportLines, createStep4Positions, step4Counts, type Step4Counts } from "./step4-queries";

export interface Step4Result {
  created: number;
  counts: Step4Counts;
  controlReportFileId: string | null;
}

/**
 * Runs step 4 for an entity in one transaction: the requested positions are created set-based,
 * the control report is written and kept, the step run is closed with its counts and file, the
 * onboarding moves on to step 5 (the entity fills the control report), and the audit trail
 * records it. The template's lock keeps uploads out meanwhile; a second run creates nothing. A
 * failure anywhere, also in writing the report, leaves nothing behind.
 */
export async function runStep4(
  db: Db,
  input: { entityId: string; runDate: string; actorId: string | null; stepRunId?: string; requestId?: string },
): Promise<Step4Result> {
  const { entityId, runDate, actorId } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, templateImportTarget(entityId));
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`step4:${entityId}`}))`);
    if (input.stepRunId) {
      const stepRun = await lockStepRun(tx, { step: 4, entityId, stepRunId: input.stepRunId });
      // A delivery of the job after the run committed changes nothing: what step 4 did stays on record.
      if (stepRun.state !== "running") {
        const { created = 0, create = 0, alreadyCreated = 0, notNeeded = 0 } = stepRun.counts;
        return { created, counts: { create, alreadyCreated, notNeeded }, controlReportFileId: stepRun.outputFileId };
      }
    }
    const counts = await step4Counts(tx, entityId);
    const inactive = await inactiveReferencesOfRequests(tx, entityId);
    if (inactive.length > 0) throw inactiveReferencesError(inactive);
    const created = await createStep4Positions(tx, { entityId, runDate, actorId });
    const [entity] = await tx.select({ name: entities.name }).from(entities).where(eq(entities.id, entityId));
    const report = await controlReportXlsxBuffer({
      entityName: entity!.name,
      runDateLabel: formatDutchDate(runDate),
      lines: await controlReportLines(tx, entityId),
    });
    const file = await storeFile(tx, {
      entityId,
      purpose: "control-report",
      fileName: `Controlerapport ${entity!.name.replace(/[^\p{L}\p{N} -]/gu, "").slice(0, 60)} ${runDate}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      content: report,
      createdBy: actorId,
    });
    if (input.stepRunId) {
      await tx
        .update(onboardingStepRuns)
        .set({ state: "done", counts: { ...counts, created }, finishedAt: sql`now()`, note: runDate, outputFileId: file.id })
        .where(and(eq(onboardingStepRuns.id, input.stepRunId), eq(onboardingStepRuns.entityId, entityId)));
    }
    if (input.stepRunId) await applyTransition(tx, entityId, { type: "finish", step: 4 }, "system");
    else {
      // A direct run outside a job (tests, benchmarks) moves the onboarding on as a job would.
      await tx
        .update(onboardings)
        .set({ currentStep: 5, currentState: "waiting_entity", updatedAt: sql`now()` })
        .where(and(eq(onboardings.entityId, entityId), eq(onboardings.currentStep, 4)));
    }
    await recordAudit(tx, {
      actorId,
      action: "onboarding.step4.run",
      objectType: "onboarding_step_run",
      objectId: input.stepRunId ?? null,
      entityId,
      after: { runDate, created, counts, controlReportFileId: file.id },
      requestId: input.requestId,
    });
    return { created, counts, controlReportFileId: file.id };
  });
}

/**
 * Starts step 4 as a background job, once the entity submitted its template (onboarding at step 4
 * and not running). One run per entity at a time.
 */
export async function startStep4(
  handle: DatabaseHandle,
  input: { entityId: string; runDate: string; actorId: string; requestId?: string },
): Promise<{ stepRunId: string; jobRunId: string }> {
  return startAutomatedStep(handle, {
    step: 4,
    jobType: STEP4_JOB_TYPE,
    entityId: input.entityId,
    actorId: input.actorId,
    note: input.runDate,
    payload: (stepRunId) => ({ entityId: input.entityId, runDate: input.runDate, stepRunId }),
    requestId: input.requestId,
  });
}

export async function markStep4Failed(db: Db, input: { entityId: string; stepRunId: string }): Promise<void> {
  await markStepRunFailed(db, { step: 4, ...input });
}
