import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns, onboardingStepRuns, onboardings, orgUnits, positionRequests, positions } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { setReferenceRecordActive } from "@/lib/domain/reference/save-reference";
import { runStep4, startStep4 } from "@/lib/domain/step4/run-step4";
import { step4Job } from "@/lib/domain/step4/step4-job";
import { AppError } from "@/lib/errors/app-error";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/run-job";
import { completeSteps2And3, runStep1Recorded } from "../support/onboarding-flow";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";

describe(`step 4 and reference data deactivated after the template was submitted (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 21, referenceDate: RUN_DATE });
  const entity = data.entities[0]!;
  const expert = data.users.find((u) => u.email === "expert@demo.vlaanderen.be")!;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    await runStep1Recorded(t.db, { entityId: entity.id, runDate: RUN_DATE });
    await completeSteps2And3(t.db, { entityId: entity.id, actorId: expert.id });
    // The unit most requested rows name (the filled template takes the first of the list) is closed.
    const [row] = await t.db
      .select({ unitId: positionRequests.orgUnitId })
      .from(positionRequests)
      .where(and(eq(positionRequests.entityId, entity.id), eq(positionRequests.decision, "requested")))
      .limit(1);
    unitId = row!.unitId!;
    await setReferenceRecordActive(t.db, { kind: "org-units", entityId: entity.id, id: unitId, active: false, actorId: expert.id });
    await queueFor(t);
  });
  afterAll(async () => {
    await stopQueue(t);
    await t?.dispose();
  });

  it("makes no position, names the rows and the code, and says what to do", async () => {
    const [unit] = await t.db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, unitId));
    const rows = await t.db.execute<{ row_number: number }>(sql`
      select row_number from position_requests where entity_id = ${entity.id} and org_unit_id = ${unitId} and decision = 'requested' order by row_number`);
    const error = await runStep4(t.db, { entityId: entity.id, runDate: "2025-08-01", actorId: expert.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toContain(`organisatie-eenheid ${unit!.code}`);
    expect((error as AppError).message).toContain(String(rows.rows[0]!.row_number));
    expect((error as AppError).message).toMatch(/heropen stap 3/);
    expect(await t.db.$count(positions, eq(positions.entityId, entity.id))).toBe(Number(await blueCount()));
  });

  it("as a job: fails at once (no retry can help), the step shows as failed with that reason", async () => {
    const { stepRunId, jobRunId } = await startStep4(t, { entityId: entity.id, runDate: "2025-08-01", actorId: expert.id });
    const outcome = await runJob(t.db, step4Job, jobRunId, { isLastAttempt: false, scoped: () => t.db });
    expect(outcome.state).toBe("failed");
    const [job] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, jobRunId));
    expect(job!.error).toMatch(/niet meer actief/);
    const [run] = await t.db.select().from(onboardingStepRuns).where(eq(onboardingStepRuns.id, stepRunId));
    expect(run!.state).toBe("failed");
    const [onboarding] = await t.db.select().from(onboardings).where(eq(onboardings.entityId, entity.id));
    expect(onboarding).toMatchObject({ currentStep: 4, currentState: "failed" });
  });

  it("runs once the unit is active again", async () => {
    await setReferenceRecordActive(t.db, { kind: "org-units", entityId: entity.id, id: unitId, active: true, actorId: expert.id });
    const { jobRunId } = await startStep4(t, { entityId: entity.id, runDate: "2025-08-01", actorId: expert.id });
    expect((await runJob(t.db, step4Job, jobRunId, { isLastAttempt: false, scoped: () => t.db })).state).toBe("succeeded");
    const [onboarding] = await t.db.select().from(onboardings).where(eq(onboardings.entityId, entity.id));
    expect(onboarding).toMatchObject({ currentStep: 5, currentState: "waiting_entity" });
  });

  async function blueCount() {
    const result = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from positions where entity_id = ${entity.id} and origin = 'step1'`);
    return result.rows[0]!.n;
  }
});
