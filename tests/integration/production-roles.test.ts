import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { jobRuns, persons } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { installQueue, queueFor, stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { TEST_POSTGRES_URL, testDatabaseKind } from "../support/test-database";
import { waitForJob } from "../support/wait-for-job";

const suffix = randomBytes(4).toString("hex");
const OWNER = `apb_test_owner_${suffix}`;
const APP = `apb_test_app_${suffix}`;
const DATABASE = `apb_test_roles_${suffix}`;

function urlAs(user: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.username = user;
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function asSuperuser(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** What README "Running several instances" tells the owner to run for the application's login. */
const APP_QUEUE_GRANTS = [
  "GRANT USAGE, CREATE ON SCHEMA pgboss TO <login>",
  "GRANT ALL ON ALL TABLES IN SCHEMA pgboss TO <login>",
  "GRANT ALL ON ALL SEQUENCES IN SCHEMA pgboss TO <login>",
  "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO <login>",
];

const refusal = (promise: Promise<unknown>) => promise.then(() => "accepted", (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ""}`);

/**
 * The production set-up of README and decision 006: a database owned by a role that is not a
 * superuser, migrated by it (`npm run migrate`: tables and job queue), and the application on a
 * login of its own that is only a member of apb_app and apb_app_all.
 */
describe.skipIf(testDatabaseKind() !== "postgres")("the application on a login of its own (postgres)", () => {
  let app: DatabaseHandle;
  const data = generateDemoData({ size: "small", seed: 5, referenceDate: "2025-06-15" });
  const [a, b] = [data.entities[0]!, data.entities[1]!];

  beforeAll(async () => {
    // What a database administrator does once: the roles, the owner and the application's login.
    await asSuperuser(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'apb_app') THEN CREATE ROLE apb_app NOLOGIN; END IF;
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'apb_app_all') THEN CREATE ROLE apb_app_all NOLOGIN; END IF;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
      `CREATE ROLE ${OWNER} LOGIN`,
      `GRANT apb_app, apb_app_all TO ${OWNER}`,
      `CREATE DATABASE ${DATABASE} OWNER ${OWNER}`,
      // NOINHERIT: the login may switch to the application's roles but has none of their rights itself.
      `CREATE ROLE ${APP} LOGIN NOINHERIT`,
      `GRANT apb_app, apb_app_all TO ${APP}`,
    );
    // npm run migrate, as the owner (MIGRATION_DATABASE_URL).
    const owner = await openDatabase({ databaseUrl: urlAs(OWNER), poolSize: 1 });
    try {
      await migrateDatabase(owner);
      await installQueue(owner);
    } finally {
      await owner.close();
    }
    // The job queue runs its own statements on the login's connection, outside the application's roles.
    const queueRights = APP_QUEUE_GRANTS.map((statement) => statement.replaceAll("<login>", APP));
    const client = new pg.Client({ connectionString: urlAs(OWNER) });
    await client.connect();
    try {
      for (const statement of queueRights) await client.query(statement);
    } finally {
      await client.end();
    }
    app = await openDatabase({ databaseUrl: urlAs(APP), poolSize: 3 });
  }, 120_000);

  afterAll(async () => {
    if (app) {
      await stopQueue(app);
      await app.close();
    }
    await asSuperuser(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`, `DROP ROLE IF EXISTS ${APP}`, `DROP ROLE IF EXISTS ${OWNER}`);
  });

  it("loads, reads by scope and runs jobs, yet may not change the schema or read past the policies", async () => {
    await loadDemoData(app.db, data);
    expect(await app.withScope([a.id]).$count(persons)).toBe(data.persons.filter((p) => p.entityId === a.id).length);
    expect(await app.withScope([a.id]).$count(persons, eq(persons.entityId, b.id))).toBe(0);

    // The login itself, without the application's roles, reads no table and changes no schema.
    expect(await refusal(app.ownerDb.execute(sql`select count(*) from persons`))).toMatch(/permission denied/);
    expect(await refusal(app.ownerDb.execute(sql`create table intruder (id int)`))).toMatch(/permission denied/);
    expect(await refusal(app.ownerDb.execute(sql`alter table persons disable row level security`))).toMatch(/must be owner/);
    expect(await refusal(app.db.execute(sql`delete from audit_events`))).toMatch(/permission denied/);

    // The queue the owner installed works for the login: enqueued in a scoped transaction, run by a worker.
    await queueFor(app);
    const { jobRunId } = await app
      .withScope([a.id])
      .transaction((tx) => enqueueJob(app, tx, { type: "entity.export-relations", entityId: a.id, payload: { entityId: a.id }, createdBy: null }));
    await startWorker(app, { pollingIntervalSeconds: 0.5 });
    await waitForJob(app, jobRunId, 60_000);
    const [run] = await app.db.select().from(jobRuns).where(eq(jobRuns.id, jobRunId));
    expect(run).toMatchObject({ state: "succeeded", attempts: 1 });
  }, 120_000);
});
