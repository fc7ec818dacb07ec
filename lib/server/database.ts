import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { queueFor } from "@/lib/jobs/queue";
import { appEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { __apbDatabase?: Promise<DatabaseHandle> };

/**
 * The process-wide database handle, migrated and with its job queue started. One per process:
 * PGlite allows one process per data folder, and dev reloads must not open a second one.
 * The queue starts here, before any request can open a transaction that enqueues a job.
 */
export function database(): Promise<DatabaseHandle> {
  globalForDb.__apbDatabase ??= (async () => {
    const env = appEnv();
    const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
    await migrateDatabase(handle.db);
    await queueFor(handle);
    return handle;
  })();
  return globalForDb.__apbDatabase;
}

export async function db() {
  return (await database()).db;
}
