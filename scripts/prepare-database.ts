/**
 * Migrates the database and, in demo mode, loads the demo data set when the database is empty.
 * Runs in its own short-lived process before the web server starts: the first creation of an
 * embedded database takes most of a gigabyte of memory, which is given back when this exits.
 */
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { appEnv } from "../lib/env";
import { seedDemoData } from "./seed-demo";

const env = appEnv();
const started = Date.now();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: 2 });
try {
  await migrateDatabase(handle);
  console.log(`[prepare] ${handle.kind} database migrated in ${Date.now() - started} ms`);
  if (env.DEMO_MODE) {
    const size = process.env.SEED_SIZE === "small" ? "small" : "full";
    await seedDemoData(handle, { size, onlyIfEmpty: true });
  }
} finally {
  await handle.close();
}
