/**
 * npm run worker: a job worker process for a PostgreSQL deployment (DATABASE_URL required).
 * Any number of them may run beside the web processes; each job is handled once.
 */
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { appEnv } from "../lib/env";
import { stopQueue } from "../lib/jobs/queue";
import { startWorker } from "../lib/jobs/worker";

const env = appEnv();
if (!env.DATABASE_URL) {
  console.error("[worker] DATABASE_URL is required: the embedded database runs its worker inside the web process.");
  process.exit(2);
}
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
if (env.MIGRATE_ON_START) await migrateDatabase(handle);
await startWorker(handle);
console.log("[worker] waiting for jobs");

const shutdown = async () => {
  console.log("[worker] stopping");
  await stopQueue(handle);
  await handle.close();
  process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
