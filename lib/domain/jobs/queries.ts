import { and, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { entities, jobRuns } from "@/db/schema";
import { entityScope, type Principal } from "@/lib/auth/permissions";

export interface JobRunView {
  id: string;
  type: string;
  entityId: string | null;
  entityName: string | null;
  state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progressDone: number;
  progressTotal: number | null;
  error: string | null;
  fileId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * Jobs the principal may see: those of entities in their scope, and entity-less jobs they started
 * themselves (central experts see every entity-less job too).
 */
export function visibleJobsCondition(principal: Principal): SQL {
  const scope = entityScope(principal, "jobs.read");
  const ownOrAll = scope === "all" ? isNull(jobRuns.entityId) : and(isNull(jobRuns.entityId), eq(jobRuns.createdBy, principal.userId));
  const inScope = scope === "all" ? sql`${jobRuns.entityId} is not null` : scope.length ? inArray(jobRuns.entityId, scope) : sql`false`;
  return or(inScope, ownOrAll)!;
}

export async function listJobRuns(db: DbOrTx, principal: Principal, limit = 100, only?: { jobRunId: string }): Promise<JobRunView[]> {
  const rows = await db
    .select({
      id: jobRuns.id,
      type: jobRuns.type,
      entityId: jobRuns.entityId,
      entityName: entities.name,
      state: jobRuns.state,
      progressDone: jobRuns.progressDone,
      progressTotal: jobRuns.progressTotal,
      error: jobRuns.error,
      fileId: sql<string | null>`${jobRuns.result} ->> 'fileId'`,
      createdAt: sql<string>`to_char(${jobRuns.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      finishedAt: sql<string | null>`to_char(${jobRuns.finishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(jobRuns)
    .leftJoin(entities, eq(entities.id, jobRuns.entityId))
    .where(only ? and(visibleJobsCondition(principal), eq(jobRuns.id, only.jobRunId)) : visibleJobsCondition(principal))
    .orderBy(desc(jobRuns.createdAt))
    .limit(limit);
  return rows;
}

/** One job the principal may see, or undefined (also for a job of an entity outside their scope). */
export async function findJobRun(db: DbOrTx, principal: Principal, jobRunId: string): Promise<JobRunView | undefined> {
  return (await listJobRuns(db, principal, 1, { jobRunId }))[0];
}
