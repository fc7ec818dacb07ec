/**
 * Takes the demo entities to their stage (lib/demo/stages.ts) by running the real steps: the
 * automated ones as jobs on the queue, started by the central expert; the entity's as its HR
 * officer does them, with the files downloaded, filled and uploaded. Everything is audited and
 * recorded as in real use, so every page shows what it would after such an onboarding.
 * Steps run entity after entity within each phase; the jobs of a phase run together.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { entities, jobRuns, positionRequests, userGrants, users } from "@/db/schema";
import { setReferenceRecordActive } from "@/lib/domain/reference/save-reference";
import { reopenStep } from "@/lib/domain/onboarding/reopen-step";
import { startStep1 } from "@/lib/domain/step1/run-step1";
import { startStep4 } from "@/lib/domain/step4/run-step4";
import { startStep6 } from "@/lib/domain/step6/run-step6";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { addDemoAgreements, keepPersonnelPlan } from "./stage-plan-work";
import { completeReview, correctSomeBlueLines, fillControlReportOnline, submitControlReportFile, submitDemoTemplate, uploadTemplateWithMistakes } from "./stage-steps";
import { daysBefore, DEMO_STAGES, reaches, type StagePlan } from "./stages";

export interface StagedEntity extends StagePlan {
  entityId: string;
  /** The entity's HR officer (the central expert when it has none). */
  hrId: string;
  step1Date: string;
}

export async function seedDemoStages(handle: DatabaseHandle, { today, expertEmail }: { today: string; expertEmail: string }): Promise<StagedEntity[]> {
  const { db } = handle;
  const [expert] = await db.select({ id: users.id }).from(users).where(eq(users.email, expertEmail));
  if (!expert) throw new Error(`the demo expert ${expertEmail} is missing`);
  const staged = await stagedEntities(handle, expert.id, today);
  if (staged.length === 0) return staged;
  const expertId = expert.id;
  const daysAgo = (days: number | undefined) => daysBefore(today, days ?? 0);

  await queueFor(handle);
  await startWorker(handle, { pollingIntervalSeconds: 0.5 });
  try {
    await runJobs(handle, staged, (e) => startStep1(handle, { entityId: e.entityId, runDate: e.step1Date, actorId: expertId }));

    for (const e of staged) {
      await correctSomeBlueLines(db, e, today);
      if (reaches(e.stage, "reviewed")) await completeReview(db, e);
      if (e.stage === "step3") await uploadTemplateWithMistakes(db, e);
      if (reaches(e.stage, "submitted") || e.stage === "step4Failed") await submitDemoTemplate(db, e, today);
      if (e.stage === "step4Failed") await closeARequestedUnit(handle, e, expertId);
    }

    const fourth = staged.filter((e) => reaches(e.stage, "step4") || e.stage === "step4Failed");
    await runJobs(handle, fourth, (e) => startStep4(handle, { entityId: e.entityId, runDate: daysAgo(e.daysAgo.step4), actorId: expertId }));

    for (const e of staged) {
      if (e.stage === "step5") await fillControlReportOnline(db, e);
      if (reaches(e.stage, "step5Submitted")) await submitControlReportFile(db, e, { leaveOneVacant: e.stage === "onboardedWithPlan" });
    }

    const sixth = staged.filter((e) => reaches(e.stage, "step6"));
    await runJobs(handle, sixth, (e) => startStep6(handle, { entityId: e.entityId, runDate: daysAgo(e.daysAgo.step6), actorId: expertId }));

    for (const e of staged) {
      if (e.stage === "onboardedWithPlan") await keepPersonnelPlan(db, e, today);
      if (e.stage === "reopened") {
        await reopenStep(db, {
          entityId: e.entityId,
          step: 5,
          reason: "Twee personeelsleden kregen elkaars arbeidsplaats. De entiteit past het controlerapport aan; daarna koppelt stap 6 opnieuw.",
          actorId: expertId,
        });
      }
    }
    await addDemoAgreements(db, staged, { expertId });
  } finally {
    await stopQueue(handle);
  }
  return staged;
}

async function stagedEntities(handle: DatabaseHandle, expertId: string, today: string): Promise<StagedEntity[]> {
  const rows = await handle.db
    .select({ id: entities.id, code: entities.code })
    .from(entities)
    .where(inArray(entities.code, DEMO_STAGES.map((s) => s.code)));
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const officers = await handle.db
    .select({ entityId: userGrants.entityId, userId: userGrants.userId, isDemo: users.isDemo })
    .from(userGrants)
    .innerJoin(users, eq(users.id, userGrants.userId))
    .where(and(eq(userGrants.role, "entity_hr"), inArray(userGrants.entityId, rows.map((r) => r.id))));
  return DEMO_STAGES.filter((plan) => byCode.has(plan.code)).map((plan) => {
    const entityId = byCode.get(plan.code)!;
    const mine = officers.filter((o) => o.entityId === entityId).sort((a, b) => Number(b.isDemo) - Number(a.isDemo));
    return { ...plan, entityId, hrId: mine[0]?.userId ?? expertId, step1Date: daysBefore(today, plan.daysAgo.step1) };
  });
}

/** Starts one job per entity, then waits until all have ended (a failed run is one of the stages). */
async function runJobs(handle: DatabaseHandle, staged: readonly StagedEntity[], start: (e: StagedEntity) => Promise<{ jobRunId: string }>) {
  const ids: string[] = [];
  for (const e of staged) ids.push((await start(e)).jobRunId);
  const deadline = Date.now() + 5 * 60_000;
  while (ids.length > 0) {
    const ended = await handle.db
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(inArray(jobRuns.id, ids), inArray(jobRuns.state, ["succeeded", "failed"])));
    if (ended.length === ids.length) return;
    if (Date.now() > deadline) throw new Error(`demo jobs did not end within 5 minutes: ${ids.length - ended.length} still running`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** After the entity submitted its template, a reorganisation closes the unit most of its requests name: step 4 will refuse them. */
async function closeARequestedUnit(handle: DatabaseHandle, e: StagedEntity, expertId: string) {
  const [unit] = await handle.db
    .select({ id: positionRequests.orgUnitId, n: sql<number>`count(*)::int` })
    .from(positionRequests)
    .where(and(eq(positionRequests.entityId, e.entityId), eq(positionRequests.decision, "requested")))
    .groupBy(positionRequests.orgUnitId)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  if (!unit?.id) return;
  await setReferenceRecordActive(handle.db, { kind: "org-units", entityId: e.entityId, id: unit.id, active: false, actorId: expertId });
}
