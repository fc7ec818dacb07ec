import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { DatabaseHandle, Db, Tx } from "@/db/client";
import { jobRuns, onboardingStepRuns, onboardings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { AutomatedStep } from "./workflow";
import { applyTransition, lockWorkflow } from "./workflow-store";

export type { AutomatedStep };

/**
 * Starts an automated step (1, 4 or 6) as a background job: a running step run, the job, the
 * onboarding shown as running (the workflow's "start", refused when the step is not current or
 * already running), and the audit row, in one transaction. One run per entity and step at a time:
 * the onboarding's row lock and a unique index on running step runs hold that, also under
 * concurrent starts. A run whose job failed for good is closed as failed first, so the expert can
 * start again.
 */
export async function startAutomatedStep(
  handle: DatabaseHandle,
  input: {
    step: AutomatedStep;
    jobType: string;
    entityId: string;
    actorId: string;
    /** Kept on the step run, e.g. the run date. */
    note?: string;
    payload: (stepRunId: string) => Record<string, unknown>;
    requestId?: string;
  },
): Promise<{ stepRunId: string; jobRunId: string }> {
  const { db } = handle;
  const { step, entityId } = input;
  try {
    return await db.transaction(async (tx) => {
      // The workflow decides whether the step may start now (and locks the onboarding meanwhile).
      const closed = await closeFailedRuns(tx, entityId, step);
      const position = await lockWorkflow(tx, entityId);
      if (closed && position.step === step && position.state === "running") await setState(tx, entityId, "failed");
      await applyTransition(tx, entityId, { type: "start", step }, "central");
      const [stepRun] = await tx
        .insert(onboardingStepRuns)
        .values({ entityId, step, state: "running", actorId: input.actorId, note: input.note ?? null })
        .returning({ id: onboardingStepRuns.id });
      const payload = input.payload(stepRun!.id);
      const { jobRunId } = await enqueueJob(handle, tx, { type: input.jobType, entityId, payload, createdBy: input.actorId });
      await tx.update(onboardingStepRuns).set({ jobRunId }).where(eq(onboardingStepRuns.id, stepRun!.id));
      await recordAudit(tx, {
        actorId: input.actorId,
        action: `onboarding.step${step}.start`,
        objectType: "onboarding_step_run",
        objectId: stepRun!.id,
        entityId,
        after: { ...payload, jobRunId },
        requestId: input.requestId,
      });
      return { stepRunId: stepRun!.id, jobRunId };
    });
  } catch (error) {
    if (isUniqueViolation(error, "onboarding_step_runs_one_running")) {
      throw new AppError("conflict", `Stap ${step} loopt al voor deze entiteit. Wacht tot die klaar is.`);
    }
    throw error;
  }
}

/**
 * The step run a job works for, locked until the end of the transaction. A delivery of the job
 * after its run committed (a crash before the job was marked done, an expiry) finds the run closed:
 * the caller then returns what the run recorded and changes nothing.
 */
export async function lockStepRun(tx: Tx, input: { step: AutomatedStep; entityId: string; stepRunId: string }) {
  const [stepRun] = await tx
    .select()
    .from(onboardingStepRuns)
    .where(and(eq(onboardingStepRuns.id, input.stepRunId), eq(onboardingStepRuns.entityId, input.entityId)))
    .for("update");
  if (!stepRun) throw new AppError("not_found", `Deze uitvoering van stap ${input.step} bestaat niet.`);
  return stepRun;
}

/** An automated step's job failed for good: its run is closed as failed, so the page stops waiting and the expert can start again. */
export async function markStepRunFailed(db: Db, input: { step: AutomatedStep; entityId: string; stepRunId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(onboardingStepRuns)
      .set({ state: "failed", finishedAt: sql`now()` })
      .where(and(eq(onboardingStepRuns.id, input.stepRunId), eq(onboardingStepRuns.entityId, input.entityId), eq(onboardingStepRuns.state, "running")));
    await tx
      .update(onboardings)
      .set({ currentState: "failed", updatedAt: sql`now()` })
      .where(and(eq(onboardings.entityId, input.entityId), eq(onboardings.currentStep, input.step)));
  });
}

/**
 * Closes as failed the running runs of the step whose job failed for good or was lost (a job that
 * has not finished long after its expiry of 30 minutes never will). Whether any was closed.
 */
async function closeFailedRuns(tx: Tx, entityId: string, step: AutomatedStep): Promise<boolean> {
  const failedJobs = tx
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(or(inArray(jobRuns.state, ["failed", "cancelled"]), and(ne(jobRuns.state, "succeeded"), sql`${jobRuns.createdAt} < now() - interval '2 hours'`)));
  const closed = await tx
    .update(onboardingStepRuns)
    .set({ state: "failed", finishedAt: sql`now()` })
    .where(
      and(
        eq(onboardingStepRuns.entityId, entityId),
        eq(onboardingStepRuns.step, step),
        eq(onboardingStepRuns.state, "running"),
        eq(onboardingStepRuns.dryRun, false),
        inArray(onboardingStepRuns.jobRunId, failedJobs),
      ),
    )
    .returning({ id: onboardingStepRuns.id });
  return closed.length > 0;
}

async function setState(tx: Tx, entityId: string, state: "failed") {
  await tx.update(onboardings).set({ currentState: state, updatedAt: sql`now()` }).where(eq(onboardings.entityId, entityId));
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === "23505" && (name === constraint || message?.includes(constraint))) return true;
  }
  return false;
}
