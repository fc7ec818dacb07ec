import type { DatabaseHandle, DbOrTx } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { runningQueue } from "./queue";
import { findJobDefinition } from "./registry";
import { drizzleExecutor } from "./tx-executor";

export interface EnqueueRequest {
  type: string;
  entityId: string | null;
  payload: unknown;
  createdBy: string | null;
}

/**
 * Records the job for the user and hands it to the queue inside the caller's transaction:
 * if the transaction rolls back, no job runs; if it commits, the job will run even after a restart.
 */
export async function enqueueJob(handle: DatabaseHandle, tx: DbOrTx, request: EnqueueRequest): Promise<{ jobRunId: string }> {
  const definition = findJobDefinition(request.type);
  if (!definition) throw new AppError("invalid_input", `Onbekende taak: ${request.type}`);
  const payload = definition.payload.parse(request.payload);
  const [run] = await tx
    .insert(jobRuns)
    .values({ type: request.type, entityId: request.entityId, payload: payload as object, createdBy: request.createdBy })
    .returning({ id: jobRuns.id });
  const boss = runningQueue(handle);
  await boss.send(request.type, { jobRunId: run!.id }, { id: run!.id, db: drizzleExecutor(tx) });
  return { jobRunId: run!.id };
}
