/** npm run migrate: applies pending migrations to the configured database and exits. */
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { installQueue } from "../lib/jobs/queue";
import { appEnv } from "../lib/env";

const env = appEnv();
// As the tables' owner: MIGRATION_DATABASE_URL when the application connects with a login of its own.
const handle = await openDatabase({ databaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: 1 });
try {
  await migrateDatabase(handle);
  // The job queue's own tables, made by the owner too (pg-boss creates or upgrades them).
  await installQueue(handle);
  console.log(`[migrate] ${handle.kind} database and job queue are up to date`);
} finally {
  await handle.close();
}
