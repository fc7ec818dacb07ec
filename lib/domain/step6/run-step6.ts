import { failpoint } from "@/lib/jobs/failpoint";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle, Db, Tx } from "@/db/client";
import { onboardingStepRuns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { lockImportTarget } from "@/lib/domain/imports/import-run-store";
import { lockStepRun, markStepRunFailed, startAutomatedStep } from "@/lib/domain/onboarding/automated-step-runs";
import { applyTransition } from "@/lib/domain/onboarding/workflow-store";
import { abolishedAfter, countsOn } from "@/lib/domain/positions/link-bounds";
import { controlImportTarget } from "@/lib/domain/step5/control-import";
import { step6Counts, type Step6Counts } from "@/lib/domain/step5/control-queries";
import { STEP6_JOB_TYPE } from "./step6-job-type";

export interface Step6Result {
  linked: number;
  counts: Step6Counts;
}

/**
 * Links each step-4 position to the relation the entity chose for it in step 5, in one set-based
 * statement: the link holds the relation's FTE, from the run date (or from the position's start or
 * the relation's first day, when later) until the relation's end, or the position's abolition when
 * that comes first. Relations that have a current link are not chosen, so running it again links
 * nothing twice; nor are positions that no longer count on the link's first day (abolished since).
 * The unique "one current link per relation" index holds throughout.
 */
export async function createStep6Links(tx: Tx, input: { entityId: string; runDate: string; actorId: string | null }): Promise<number> {
  const { entityId, runDate, actorId } = input;
  const result = await tx.execute<{ linked: number }>(sql`
    with chosen as (
      select q.entity_id, q.position_id, q.assigned_relation_id as relation_id, r.fte,
             greatest(${runDate}::date, v.valid_from, r.start_date) as valid_from, r.end_date
      from position_requests q
      join employment_relations r on r.id = q.assigned_relation_id
      join position_versions v on v.position_id = q.position_id and v.version_number = 1
      where q.entity_id = ${entityId} and q.assigned_relation_id is not null
        and not exists (
          select 1 from position_links l
          where l.relation_id = q.assigned_relation_id and (l.valid_to is null or l.valid_to > ${runDate}::date)
        )
    ),
    new_links as (
      insert into position_links (entity_id, position_id, relation_id, fte, valid_from, valid_to, created_by)
      select c.entity_id, c.position_id, c.relation_id, c.fte, c.valid_from,
             least(case when c.end_date is null then null else greatest(c.end_date + 1, c.valid_from) end, ${abolishedAfter(sql`c.position_id`, sql`c.valid_from`)}),
             ${actorId}::uuid
      from chosen c
      where ${countsOn(sql`c.position_id`, sql`c.valid_from`)}
      returning id
    )
    select count(*)::int as linked from new_links`);
  return Number(result.rows[0]?.linked ?? 0);
}

/**
 * Runs step 6 in one transaction: the links are made, the step run is closed with its counts, the
 * onboarding is complete, and the audit trail records it. The control report's lock keeps step-5
 * changes out meanwhile. A failure anywhere leaves nothing behind; a delivery of the job after it
 * committed changes nothing.
 */
export async function runStep6(db: Db, input: { entityId: string; runDate: string; actorId: string | null; stepRunId: string; requestId?: string }): Promise<Step6Result> {
  const { entityId, runDate, actorId } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, controlImportTarget(entityId));
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`step6:${entityId}`}))`);
    const stepRun = await lockStepRun(tx, { step: 6, entityId, stepRunId: input.stepRunId });
    if (stepRun.state !== "running") {
      const { linked = 0, assigned = 0, link = 0, vacant = 0, alreadyLinked = 0, linkedElsewhere = 0, positionGone = 0 } = stepRun.counts;
      return { linked, counts: { assigned, link, vacant, alreadyLinked, linkedElsewhere, positionGone } };
    }
    const counts = await step6Counts(tx, entityId, runDate);
    const linked = await createStep6Links(tx, { entityId, runDate, actorId });
    await failpoint("step6.after-links");
    await tx
      .update(onboardingStepRuns)
      .set({ state: "done", counts: { ...counts, linked }, finishedAt: sql`now()`, note: runDate })
      .where(eq(onboardingStepRuns.id, stepRun.id));
    await applyTransition(tx, entityId, { type: "finish", step: 6 }, "system");
    await recordAudit(tx, {
      actorId,
      action: "onboarding.step6.run",
      objectType: "onboarding_step_run",
      objectId: stepRun.id,
      entityId,
      after: { runDate, linked, counts },
      requestId: input.requestId,
    });
    return { linked, counts };
  });
}

/** Starts step 6 as a background job, once the entity submitted its control report. */
export async function startStep6(handle: DatabaseHandle, input: { entityId: string; runDate: string; actorId: string; requestId?: string }) {
  return startAutomatedStep(handle, {
    step: 6,
    jobType: STEP6_JOB_TYPE,
    entityId: input.entityId,
    actorId: input.actorId,
    note: input.runDate,
    payload: (stepRunId) => ({ entityId: input.entityId, runDate: input.runDate, stepRunId }),
    requestId: input.requestId,
  });
}

export async function markStep6Failed(db: Db, input: { entityId: string; stepRunId: string }): Promise<void> {
  await markStepRunFailed(db, { step: 6, ...input });
}
