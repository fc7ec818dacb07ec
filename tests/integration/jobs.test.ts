import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { employmentRelations, jobRuns, persons } from "@/db/schema";
import { defineJob, type JobDefinition } from "@/lib/jobs/definition";
import { runJob } from "@/lib/jobs/run-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { readFileContent } from "@/lib/files/store-file";
import { createEntity, createRelation } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

async function waitForJob(handle: DatabaseHandle, jobRunId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await handle.db.select().from(jobRuns).where(eq(jobRuns.id, jobRunId));
    if (run && (run.state === "succeeded" || run.state === "failed")) return run;
    if (Date.now() > deadline) throw new Error(`job ${jobRunId} still ${run?.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe(`background jobs (${testDatabaseKind()})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("enqueues atomically: a rolled-back transaction leaves no job behind", async () => {
    const t = await createTestDatabase();
    cleanups.push(async () => {
      await stopQueue(t);
      await t.dispose();
    });
    const entity = await createEntity(t.db);
    await queueFor(t);
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueJob(t, tx, { type: "entity.export-relations", entityId: entity.id, payload: { entityId: entity.id }, createdBy: null });
        throw new Error("rollback on purpose");
      }),
    ).rejects.toThrow("rollback on purpose");
    expect(await t.db.$count(jobRuns)).toBe(0);
    const queued = await t.db.execute<{ count: number }>(sql`select count(*)::int as count from pgboss.job where name = 'entity.export-relations'`);
    expect(queued.rows[0]!.count).toBe(0);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    const t = await createTestDatabase();
    cleanups.push(async () => {
      await stopQueue(t);
      await t.dispose();
    });
    await queueFor(t);
    await expect(
      t.db.transaction((tx) => enqueueJob(t, tx, { type: "entity.export-relations", entityId: null, payload: { entityId: "x", extra: 1 }, createdBy: null })),
    ).rejects.toThrow();
  });

  it("runs a job queued before a restart, and produces its file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "apb-jobs-"));
    let url: string | undefined;
    let first: DatabaseHandle & { dispose?: () => Promise<void> };
    if (testDatabaseKind() === "pglite") {
      first = await openDatabase({ pgliteDir: dir });
      await migrateDatabase(first);
    } else {
      first = await createTestDatabase();
      url = (first as TestDatabase).url;
    }
    const entity = await createEntity(first.db, { name: "Agentschap Herstart" });
    await createRelation(first.db, entity.id);
    await createRelation(first.db, entity.id, { fte: "0.8" });
    await queueFor(first);
    const { jobRunId } = await first.db.transaction((tx) =>
      enqueueJob(first, tx, { type: "entity.export-relations", entityId: entity.id, payload: { entityId: entity.id }, createdBy: null }),
    );
    // The process stops before any worker ran the job.
    await stopQueue(first);
    if (testDatabaseKind() === "pglite") await first.close();

    const second = testDatabaseKind() === "pglite" ? await openDatabase({ pgliteDir: dir }) : await openDatabase({ databaseUrl: url });
    cleanups.push(async () => {
      await stopQueue(second);
      await second.close();
      if (first.dispose) await first.dispose();
      rmSync(dir, { recursive: true, force: true });
    });
    await startWorker(second, { pollingIntervalSeconds: 0.5 });
    const run = await waitForJob(second, jobRunId);
    expect(run.error).toBeNull();
    expect(run.state).toBe("succeeded");
    expect(run.progressDone).toBe(2);
    const fileId = (run.result as { fileId: string }).fileId;
    const content = await readFileContent(second.db, fileId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content! as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Personeelslijst")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Vlimpersnummer");
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(9).value).toEqual(new Date("2020-01-01T00:00:00Z"));
  });
  it("gives a job's handler the access of its job's entity only", async () => {
    const t = await createTestDatabase();
    cleanups.push(() => t.dispose());
    const [mine, other] = [await createEntity(t.db), await createEntity(t.db)];
    await createRelation(t.db, mine.id);
    await createRelation(t.db, other.id);
    await createRelation(t.db, other.id);
    let seen: string[] = [];
    const prying = defineJob({
      type: "test.prying",
      payload: z.strictObject({}),
      expireInSeconds: 60,
      async run({ db }) {
        seen = (await db.select({ entityId: employmentRelations.entityId }).from(employmentRelations)).map((r) => r.entityId);
        // Writing into the other entity is refused by the database, whatever the handler's code says.
        await db.insert(persons).values({ entityId: other.id, vlimpersNumber: "999999", firstName: "Niet", lastName: "Toegelaten" });
        return {};
      },
    });
    const [run] = await t.db.insert(jobRuns).values({ type: prying.type, entityId: mine.id, payload: {}, createdBy: null }).returning();
    const outcome = await runJob(t.db, prying as JobDefinition<unknown>, run!.id, { isLastAttempt: true, scoped: (id) => (id ? t.withScope([id]) : t.db) });
    expect(seen).toEqual([mine.id]);
    expect(outcome.state).toBe("failed");
    expect(await t.db.$count(persons, eq(persons.entityId, other.id))).toBe(2);
  });
});
