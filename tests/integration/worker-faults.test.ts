import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { startStep1 } from "@/lib/domain/step1/run-step1";
import { startStep4 } from "@/lib/domain/step4/run-step4";
import { submitControlReport } from "@/lib/domain/step5/control-assignments";
import { acceptControlUpload, previewControlUpload } from "@/lib/domain/step5/control-import";
import { startStep6 } from "@/lib/domain/step6/run-step6";
import { jobRuns } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { asUpload, completeSteps2And3, fillControlReport, latestControlReport } from "../support/onboarding-flow";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";
import { waitForJob } from "../support/wait-for-job";
import { startWorkerProcess, type WorkerProcess } from "../support/worker-process";

const RUN_DATE = "2025-06-15";
// Short expiry and maintenance, so a job whose worker died comes back in seconds, not half an hour.
const QUEUE_ENV = { JOB_EXPIRE_SECONDS: "4", JOB_MAINTENANCE_SECONDS: "1" };
Object.assign(process.env, QUEUE_ENV);

/**
 * What the automated steps leave, independent of generated ids and numbers: every link with its
 * relation and its position's data, and every position's data, sorted.
 */
async function outcome(handle: DatabaseHandle, entityIds: string[]) {
  const ids = sql.param(entityIds);
  const links = await handle.db.execute<{ line: string }>(sql`
    select concat_ws('|', l.relation_id, l.fte, l.valid_from, l.valid_to, p.origin, v.function_code, v.grade_id, v.org_unit_id, v.fte, v.valid_from) as line
    from position_links l join positions p on p.id = l.position_id join position_versions v on v.position_id = p.id and v.version_number = 1
    where l.entity_id = any(${ids}::uuid[]) order by 1`);
  const positions = await handle.db.execute<{ line: string }>(sql`
    select concat_ws('|', p.entity_id, p.origin, v.function_code, v.grade_id, v.org_unit_id, v.fte, v.valid_from, (select count(*) from position_versions x where x.position_id = p.id)) as line
    from positions p join position_versions v on v.position_id = p.id and v.version_number = 1
    where p.entity_id = any(${ids}::uuid[]) order by 1`);
  const state = await handle.db.execute<{ line: string }>(sql`
    select concat_ws('|', entity_id, current_step, current_state) as line from onboardings where entity_id = any(${ids}::uuid[]) order by 1`);
  return { links: links.rows.map((r) => r.line), positions: positions.rows.map((r) => r.line), onboardings: state.rows.map((r) => r.line) };
}

async function step1Positions(handle: DatabaseHandle, entityId: string): Promise<number> {
  const { rows } = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from positions where entity_id = ${entityId} and origin = 'step1'`);
  return Number(rows[0]!.n);
}

async function stepsTwoToFive(handle: DatabaseHandle, entityId: string, actorId: string) {
  await completeSteps2And3(handle.db, { entityId, actorId });
  const step4 = await startStep4(handle, { entityId, actorId, runDate: RUN_DATE });
  await waitForJob(handle, step4.jobRunId);
  const upload = await previewControlUpload(handle.db, { entityId, actorId, file: asUpload(await fillControlReport(await latestControlReport(handle.db, entityId))) });
  await acceptControlUpload(handle.db, { entityId, actorId, importRunId: upload.importRunId });
  await submitControlReport(handle.db, { entityId, actorId });
}

describe.skipIf(testDatabaseKind() !== "postgres")("a worker that dies, loses its connection, outlives its expiry or is stopped (postgres, full demo data)", () => {
  let subject: TestDatabase;
  let clean: TestDatabase;
  const data = generateDemoData({ size: "full", seed: 7, referenceDate: RUN_DATE });
  const bySize = [...data.entities].sort(
    (a, b) => data.employmentRelations.filter((r) => r.entityId === b.id).length - data.employmentRelations.filter((r) => r.entityId === a.id).length,
  );
  const [largest, second, third, fourth] = bySize as [typeof bySize[number], typeof bySize[number], typeof bySize[number], typeof bySize[number]];
  const actorId = data.users.find((u) => u.email === "expert@demo.vlaanderen.be")!.id!;
  const workers: WorkerProcess[] = [];
  const worker = (env: Record<string, string> = {}) => {
    const started = startWorkerProcess(subject.url!, { ...QUEUE_ENV, ...env });
    workers.push(started);
    return started;
  };

  beforeAll(async () => {
    [subject, clean] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await Promise.all([loadDemoData(subject.db, data), loadDemoData(clean.db, data)]);
    // The reference: the same steps on the other database, with nothing going wrong.
    await queueFor(clean);
    await startWorker(clean, { pollingIntervalSeconds: 0.5 });
    for (const entity of [largest, second, third, fourth]) {
      const run = await startStep1(clean, { entityId: entity.id, actorId, runDate: RUN_DATE });
      await waitForJob(clean, run.jobRunId);
    }
    await stepsTwoToFive(clean, largest.id, actorId);
    await waitForJob(clean, (await startStep6(clean, { entityId: largest.id, actorId, runDate: RUN_DATE })).jobRunId);
    await stopQueue(clean);
    // The subject database only enqueues from here; its jobs run in worker processes.
    await queueFor(subject);
  }, 300_000);

  // Each case starts with no worker running: a leftover one would take its job.
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      w.child.kill("SIGKILL");
      await w.exited;
    }
  });

  afterAll(async () => {
    await stopQueue(subject).catch(() => undefined);
    await Promise.all([subject?.dispose(), clean?.dispose()]);
  });

  it("killed (SIGKILL) in the middle of step 1 and of step 6, then restarted: the same result as a clean run", async () => {
    const dying = worker({ APB_FAILPOINT: "step1.after-positions" });
    const run1 = await startStep1(subject, { entityId: largest.id, actorId, runDate: RUN_DATE });
    await dying.waitFor("[failpoint] step1.after-positions reached");
    dying.child.kill("SIGKILL");
    await dying.exited;
    // The positions it had written were in a transaction that died with it.
    expect(await step1Positions(subject, largest.id)).toBe(0);
    const restarted = worker();
    await waitForJob(subject, run1.jobRunId, 90_000);

    await stepsTwoToFive(subject, largest.id, actorId);
    restarted.child.kill("SIGTERM");
    await restarted.exited;
    const dying6 = worker({ APB_FAILPOINT: "step6.after-links" });
    const run6 = await startStep6(subject, { entityId: largest.id, actorId, runDate: RUN_DATE });
    await dying6.waitFor("[failpoint] step6.after-links reached");
    dying6.child.kill("SIGKILL");
    await dying6.exited;
    worker();
    await waitForJob(subject, run6.jobRunId, 90_000);

    expect(await outcome(subject, [largest.id])).toEqual(await outcome(clean, [largest.id]));
  }, 300_000);

  it("loses its database connection in the middle of step 1 (pg_terminate_backend): the job is retried and completes once", async () => {
    const slow = worker({ APB_FAILPOINT: "step1.after-positions:sleep=4000" });
    const run = await startStep1(subject, { entityId: second.id, actorId, runDate: RUN_DATE });
    await slow.waitFor("[failpoint] step1.after-positions reached");
    const { rows } = await subject.ownerDb.execute<{ killed: boolean }>(sql`
      select pg_terminate_backend(pid) as killed from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%' and pid <> pg_backend_pid()`);
    expect(rows.length).toBeGreaterThan(0);
    await waitForJob(subject, run.jobRunId, 90_000);
    expect(slow.output()).not.toContain("uncaughtException");
    expect(await outcome(subject, [second.id])).toEqual(await outcome(clean, [second.id]));
  }, 180_000);

  it("outlives its expiry while still running: the queue's second delivery does no harm", async () => {
    const slow = worker({ APB_FAILPOINT: "step1.after-positions:sleep=9000" });
    const run = await startStep1(subject, { entityId: third.id, actorId, runDate: RUN_DATE });
    await slow.waitFor("[failpoint] step1.after-positions reached");
    // The job expires after 4 s; another worker takes the second delivery while the first still runs.
    worker();
    await waitForJob(subject, run.jobRunId, 90_000);
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(await outcome(subject, [third.id])).toEqual(await outcome(clean, [third.id]));
  }, 180_000);

  it("stops on SIGTERM: takes no new job, finishes the one it holds, and exits", async () => {
    const stopping = worker({ APB_FAILPOINT: "step1.after-positions:sleep=2500" });
    const run = await startStep1(subject, { entityId: fourth.id, actorId, runDate: RUN_DATE });
    await stopping.waitFor("[failpoint] step1.after-positions reached");
    stopping.child.kill("SIGTERM");
    // A job queued after the signal, while the held one still runs, is left for another worker.
    const later = await subject.db.transaction((tx) =>
      enqueueJob(subject, tx, { type: "entity.export-relations", entityId: fourth.id, payload: { entityId: fourth.id }, createdBy: null }),
    );
    expect(await stopping.exited).toBe(0);
    await waitForJob(subject, run.jobRunId, 1_000);
    expect(await outcome(subject, [fourth.id])).toEqual(await outcome(clean, [fourth.id]));
    const [untouched] = await subject.db.select().from(jobRuns).where(eq(jobRuns.id, later.jobRunId));
    expect(untouched).toMatchObject({ state: "queued", attempts: 0 });
    worker();
    await waitForJob(subject, later.jobRunId, 60_000);
  }, 120_000);
});
