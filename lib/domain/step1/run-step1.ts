import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle, Db } from "@/db/client";
import { onboardingStepRuns, onboardings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { lockStepRun, markStepRunFailed, startAutomatedStep } from "@/lib/domain/onboarding/automated-step-runs";
import { applyTransition } from "@/lib/domain/onboarding/workflow-store";
import { lockImportTarget } from "@/lib/domain/imports/import-run-store";
import { personnelImportTarget } from "@/lib/domain/personnel/preview-personnel-import";
import { failpoint } from "@/lib/jobs/failpoint";
import { STEP1_JOB_TYPE } from "./step1-job-type";
import { createStep1Positions, step1Counts, type Step1Counts } from "./step1-queries";


export interface Step1Result {
  created: number;
  /** The dry-run counts on the run date, as they were just before the run. */
  counts: Step1Counts;
}

/**
 * Runs step 1 for an entity in one transaction: positions and links are created set-based, the
 * step run is closed with its counts, the onboarding moves on to step 2 (the entity's review), and
 * the audit trail records it. Two runs of one entity wait for each other (advisory lock); a second
 * run creates nothing. A failure anywhere leaves nothing behind.
 */
export async function runStep1(
  db: Db,
  input: { entityId: string; runDate: string; actorId: string | null; stepRunId?: string; requestId?: string },
): Promise<Step1Result> {
  const { entityId, runDate, actorId } = input;
  return db.transaction(async (tx) => {
    // The personnel list must not change under the run: take the lock its imports take.
    await lockImportTarget(tx, personnelImportTarget(entityId));
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`step1:${entityId}`}))`);
    if (input.stepRunId) {
      // A delivery of the job after the run committed (crash before the job was marked done,
      // expiry) finds the step run closed and changes nothing: what step 1 did stays on record.
      const stepRun = await lockStepRun(tx, { step: 1, entityId, stepRunId: input.stepRunId });
      if (stepRun.state !== "running") {
        const { created = 0, ...counts } = stepRun.counts;
        return { created, counts: counts as Step1Counts };
      }
    }
    const counts = await step1Counts(tx, entityId, runDate);
    const created = await createStep1Positions(tx, { entityId, runDate, actorId });
    await failpoint("step1.after-positions");
    if (input.stepRunId) {
      await tx
        .update(onboardingStepRuns)
        .set({ state: "done", counts: { ...counts, created }, finishedAt: sql`now()`, note: runDate })
        .where(and(eq(onboardingStepRuns.id, input.stepRunId), eq(onboardingStepRuns.entityId, entityId)));
    }
    if (input.stepRunId) await applyTransition(tx, entityId, { type: "finish", step: 1 }, "system");
    else {
      // A direct run outside a job (tests, benchmarks, demo data) moves the onboarding on as a job would.
      await tx
        .update(onboardings)
        .set({ currentStep: sql`greatest(${onboardings.currentStep}, 2)`, currentState: "waiting_entity", updatedAt: sql`now()` })
        .where(and(eq(onboardings.entityId, entityId), sql`${onboardings.currentStep} <= 2`));
    }
    await recordAudit(tx, {
      actorId,
      action: "onboarding.step1.run",
      objectType: "onboarding_step_run",
      objectId: input.stepRunId ?? null,
      entityId,
      after: { runDate, created, counts },
      requestId: input.requestId,
    });
    return { created, counts };
  });
}

/** Starts step 1 as a background job (one run per entity at a time). */
export async function startStep1(
  handle: DatabaseHandle,
  input: { entityId: string; runDate: string; actorId: string; requestId?: string },
): Promise<{ stepRunId: string; jobRunId: string }> {
  return startAutomatedStep(handle, {
    step: 1,
    jobType: STEP1_JOB_TYPE,
    entityId: input.entityId,
    actorId: input.actorId,
    note: input.runDate,
    payload: (stepRunId) => ({ entityId: input.entityId, runDate: input.runDate, stepRunId }),
    requestId: input.requestId,
  });
}

/** A step-1 job failed for good: its run is closed as failed, so the expert can start again. */
export async function markStep1Failed(db: Db, input: { entityId: string; stepRunId: string }): Promise<void> {
  await markStepRunFailed(db, { step: 1, ...input });
}
