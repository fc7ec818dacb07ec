import { and, eq, inArray, sql } from "drizzle-orm";
import type { DatabaseHandle, Db } from "@/db/client";
import { jobRuns, onboardingStepRuns, onboardings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
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
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`step1:${entityId}`}))`);
    const counts = await step1Counts(tx, entityId, runDate);
    const created = await createStep1Positions(tx, { entityId, runDate, actorId });
    if (input.stepRunId) {
      await tx
        .update(onboardingStepRuns)
        .set({ state: "done", counts: { ...counts, created }, finishedAt: sql`now()`, note: runDate })
        .where(and(eq(onboardingStepRuns.id, input.stepRunId), eq(onboardingStepRuns.entityId, entityId)));
    }
    await tx
      .update(onboardings)
      .set({ currentStep: sql`greatest(${onboardings.currentStep}, 2)`, currentState: "waiting_entity", updatedAt: sql`now()` })
      .where(and(eq(onboardings.entityId, entityId), sql`${onboardings.currentStep} <= 2`));
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

/**
 * Starts step 1 as a background job. One run per entity at a time: a second start while one is
 * queued or running is refused (a unique index holds that, also under concurrent starts). A run
 * whose job failed for good is closed as failed, so the expert can start again.
 */
export async function startStep1(
  handle: DatabaseHandle,
  input: { entityId: string; runDate: string; actorId: string; requestId?: string },
): Promise<{ stepRunId: string; jobRunId: string }> {
  const { db } = handle;
  try {
    return await db.transaction(async (tx) => {
      const failedJobs = tx.select({ id: jobRuns.id }).from(jobRuns).where(inArray(jobRuns.state, ["failed", "cancelled"]));
      await tx
        .update(onboardingStepRuns)
        .set({ state: "failed", finishedAt: sql`now()` })
        .where(
          and(
            eq(onboardingStepRuns.entityId, input.entityId),
            eq(onboardingStepRuns.step, 1),
            eq(onboardingStepRuns.state, "running"),
            eq(onboardingStepRuns.dryRun, false),
            inArray(onboardingStepRuns.jobRunId, failedJobs),
          ),
        );
      const [stepRun] = await tx
        .insert(onboardingStepRuns)
        .values({ entityId: input.entityId, step: 1, state: "running", actorId: input.actorId, note: input.runDate })
        .returning({ id: onboardingStepRuns.id });
      const { jobRunId } = await enqueueJob(handle, tx, {
        type: STEP1_JOB_TYPE,
        entityId: input.entityId,
        payload: { entityId: input.entityId, runDate: input.runDate, stepRunId: stepRun!.id },
        createdBy: input.actorId,
      });
      await tx.update(onboardingStepRuns).set({ jobRunId }).where(eq(onboardingStepRuns.id, stepRun!.id));
      await tx
        .update(onboardings)
        .set({ currentState: "running", updatedAt: sql`now()` })
        .where(and(eq(onboardings.entityId, input.entityId), eq(onboardings.currentStep, 1)));
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "onboarding.step1.start",
        objectType: "onboarding_step_run",
        objectId: stepRun!.id,
        entityId: input.entityId,
        after: { runDate: input.runDate, jobRunId },
        requestId: input.requestId,
      });
      return { stepRunId: stepRun!.id, jobRunId };
    });
  } catch (error) {
    if (isUniqueViolation(error, "onboarding_step_runs_one_running")) {
      throw new AppError("conflict", "Stap 1 loopt al voor deze entiteit. Wacht tot die klaar is.");
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === "23505" && (name === constraint || message?.includes(constraint))) return true;
  }
  return false;
}
