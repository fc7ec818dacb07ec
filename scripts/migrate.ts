/** npm run migrate: applies pending migrations to the configured database and exits. */
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { appEnv } from "../lib/env";

const env = appEnv();
// As the tables' owner: MIGRATION_DATABASE_URL when the application connects with a login of its own.
const handle = await openDatabase({ databaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: 1 });
try {
  await migrateDatabase(handle);
  console.log(`[migrate] ${handle.kind} database is up to date`);
} finally {
  await handle.close();
}
