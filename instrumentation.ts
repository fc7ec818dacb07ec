/**
 * Runs once when the server process starts: migrate the database, start the job queue and,
 * on the embedded database (or when asked), the worker in this same process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { appEnv } = await import("./lib/env");
  const { realDatabase } = await import("./lib/server/real-database");
  const env = appEnv();
  const handle = await realDatabase();
  if (!env.DATABASE_URL || env.WORKER_IN_PROCESS) {
    const { startWorker } = await import("./lib/jobs/worker");
    await startWorker(handle);
    console.log(`[apb] job worker running in the web process (${handle.kind})`);
  }
}
