/**
 * npm run seed -- --size small|full [--seed N] [--reset]
 * Loads the deterministic demo data set into the configured database (DATABASE_URL, else PGlite).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { appEnv } from "../lib/env";
import { seedDemoData } from "./seed-demo";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "small" },
    seed: { type: "string" },
    reset: { type: "boolean", default: false },
  },
});
if (values.size !== "small" && values.size !== "full") {
  console.error("--size must be small or full");
  process.exit(2);
}
const env = appEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: 2 });
try {
  if (values.reset) {
    await handle.executeSql("drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;");
    console.log("[seed] database emptied");
  }
  await migrateDatabase(handle);
  await handle.db.execute(sql`select 1`);
  await seedDemoData(handle, { size: values.size, seed: values.seed ? Number(values.seed) : undefined, onlyIfEmpty: false });
} finally {
  await handle.close();
}
