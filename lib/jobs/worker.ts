import type { DatabaseHandle } from "@/db/client";
import type { JobDefinition } from "./definition";
import { queueFor } from "./queue";
import { jobDefinitions } from "./registry";
import { runJob } from "./run-job";

interface QueuedJob {
  id: string;
  data: { jobRunId: string };
  retryCount: number;
  retryLimit: number;
}

/**
 * Starts handling every job type in this process. Several processes may do this against one
 * PostgreSQL database: pg-boss hands each job to exactly one of them.
 */
export async function startWorker(handle: DatabaseHandle, options: { pollingIntervalSeconds?: number } = {}) {
  const boss = await queueFor(handle);
  for (const definition of jobDefinitions) {
    await boss.work<{ jobRunId: string }>(
      definition.type,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs as unknown as QueuedJob[]) await deliver(handle, definition, job);
      },
    );
  }
}

async function deliver(handle: DatabaseHandle, definition: JobDefinition<unknown>, job: QueuedJob) {
  const outcome = await runJob(handle.db, definition, job.data.jobRunId, {
    isLastAttempt: job.retryCount >= job.retryLimit,
    scoped: (entityId) => (entityId ? handle.withScope([entityId]) : handle.db),
  });
  // Throwing hands the job back to pg-boss for its next attempt.
  if (outcome.state === "retrying") throw new Error(`job ${job.id} will be retried`);
}
