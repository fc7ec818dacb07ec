import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { JobDefinition } from "./definition";

export interface RunOutcome {
  state: "succeeded" | "failed" | "retrying" | "skipped";
}

/**
 * Runs one delivery of a job and keeps its job_runs row in step. The handler's own writes are
 * its business (in transactions of its own); a failure leaves its state as the handler left it.
 * The handler gets the access of its job's entity (`scoped`): under row-level security a job for
 * one entity cannot read or write another's rows, whatever its code asks.
 */
export async function runJob(
  db: Db,
  definition: JobDefinition<unknown>,
  jobRunId: string,
  { isLastAttempt, scoped }: { isLastAttempt: boolean; scoped: (entityId: string | null) => Db },
): Promise<RunOutcome> {
  const [run] = await db
    .update(jobRuns)
    .set({ state: "running", startedAt: sql`coalesce(${jobRuns.startedAt}, now())`, attempts: sql`${jobRuns.attempts} + 1`, error: null })
    .where(sql`${jobRuns.id} = ${jobRunId} and ${jobRuns.state} in ('queued', 'running')`)
    .returning();
  if (!run) return { state: "skipped" };

  const handlerDb = scoped(run.entityId);
  const context = {
    db: handlerDb,
    jobRun: { id: run.id, entityId: run.entityId, createdBy: run.createdBy },
    async progress(done: number, total?: number) {
      await db
        .update(jobRuns)
        .set({ progressDone: done, ...(total === undefined ? {} : { progressTotal: total }) })
        .where(eq(jobRuns.id, run.id));
    },
  };

  try {
    const payload = definition.payload.parse(run.payload);
    const result = await definition.run(context, payload);
    await db
      .update(jobRuns)
      .set({
        state: "succeeded",
        result,
        finishedAt: sql`now()`,
        progressDone: sql`coalesce(${jobRuns.progressTotal}, ${jobRuns.progressDone})`,
      })
      .where(eq(jobRuns.id, run.id));
    return { state: "succeeded" };
  } catch (error) {
    const message = userMessageOf(error);
    if (!(error instanceof AppError)) console.error(`[jobs] ${definition.type} ${run.id} failed`, error);
    const final = isLastAttempt || error instanceof AppError;
    await db
      .update(jobRuns)
      .set(final ? { state: "failed", error: message, finishedAt: sql`now()` } : { state: "queued", error: message })
      .where(eq(jobRuns.id, run.id));
    if (final && definition.onFailed) {
      const parsed = definition.payload.safeParse(run.payload);
      if (parsed.success) {
        await definition.onFailed(handlerDb, parsed.data, message).catch((hookError: unknown) => console.error(`[jobs] ${definition.type} onFailed`, hookError));
      }
    }
    return { state: final ? "failed" : "retrying" };
  }
}

/** Expected errors carry a message for the user; anything else gets a generic Dutch one. */
export function userMessageOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return "De taak is onverwacht mislukt. Ze wordt automatisch opnieuw geprobeerd; blijft ze mislukken, meld het dan.";
}
