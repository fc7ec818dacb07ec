import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { queueFor } from "@/lib/jobs/queue";
import { appEnv } from "@/lib/env";
import { playgroundStorage, type PlaygroundStorage } from "@/lib/playground/playground-storage";

const globalForDb = globalThis as unknown as { __apbDatabase?: Promise<DatabaseHandle>; __apbPlaygroundStorage?: PlaygroundStorage };

/**
 * The process-wide handle on the real database, migrated and with its job queue started. One per
 * process: PGlite allows one process per data folder, and dev reloads must not open a second one.
 * The queue starts here, before any request can open a transaction that enqueues a job.
 * Requests use `database()` instead, which leads to the user's playground when they work in one.
 */
export function realDatabase(): Promise<DatabaseHandle> {
  globalForDb.__apbDatabase ??= (async () => {
    const env = appEnv();
    const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
    if (env.MIGRATE_ON_START) await migrateDatabase(handle);
    await queueFor(handle);
    return handle;
  })();
  // A failed start (the database not up yet, another instance starting at the same moment) is
  // tried again by the next request instead of leaving this process broken for good.
  globalForDb.__apbDatabase.catch(() => {
    globalForDb.__apbDatabase = undefined;
  });
  return globalForDb.__apbDatabase;
}

/** Where this deployment keeps its playgrounds: beside the real database, never in it. */
export function appPlaygroundStorage(): PlaygroundStorage {
  const env = appEnv();
  globalForDb.__apbPlaygroundStorage ??= playgroundStorage({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  return globalForDb.__apbPlaygroundStorage;
}
