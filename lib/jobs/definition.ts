import type { z } from "zod";
import type { Db } from "@/db/client";

export interface JobRunInfo {
  id: string;
  entityId: string | null;
  createdBy: string | null;
}

export interface JobContext {
  db: Db;
  jobRun: JobRunInfo;
  /**
   * Records progress. Call it between transactions, never inside one: on the embedded database
   * there is a single connection, and a write outside the open transaction would wait forever.
   */
  progress(done: number, total?: number): Promise<void>;
}

export interface JobResult {
  /** A file the job produced, offered for download next to the job. */
  fileId?: string;
  summary?: Record<string, unknown>;
}

export interface JobDefinition<P = unknown> {
  /** Queue name, also shown (translated) to users. */
  type: string;
  payload: z.ZodType<P>;
  /** A job still running after this long is considered lost (crashed worker) and is retried. */
  expireInSeconds: number;
  run(ctx: JobContext, payload: P): Promise<JobResult>;
  /** Called once when the job has failed for good (no retry left), to close what it left open. */
  onFailed?(db: Db, payload: P, message: string): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
