import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db/client";
import { jobDefinitions } from "./registry";

// On globalThis, not in module state: Next bundles instrumentation and routes separately, and
// both must see the one queue of this process.
const globalForQueue = globalThis as unknown as {
  __apbQueue?: Map<DatabaseHandle, Promise<PgBoss>>;
  __apbStartedQueues?: WeakMap<DatabaseHandle, PgBoss>;
};
const startedQueues = (globalForQueue.__apbStartedQueues ??= new WeakMap());

/**
 * The pg-boss instance of this process, running its SQL through our own pool: on the embedded
 * database that is the only way in, and on PostgreSQL it keeps connections in one place.
 */
export function queueFor(scoped: DatabaseHandle): Promise<PgBoss> {
  const handle = scoped.root ?? scoped;
  const queues = (globalForQueue.__apbQueue ??= new Map());
  let boss = queues.get(handle);
  if (!boss) {
    boss = startQueue(handle);
    queues.set(handle, boss);
    boss.catch(() => queues.delete(handle));
  }
  return boss;
}

/**
 * The queue, which must already be running. Enqueueing happens inside a transaction; starting
 * the queue there would wait on that very transaction on the embedded database.
 */
export function runningQueue(handle: DatabaseHandle): PgBoss {
  const started = startedQueues.get(handle.root ?? handle);
  if (!started) throw new Error("The job queue is not started: call queueFor(handle) before enqueueing.");
  return started;
}

/** Two processes starting at once on a new database may both try to create the queue's tables: try again. */
async function startQueue(handle: DatabaseHandle): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    try {
      const boss = await openQueue(handle, { supervise: true });
      startedQueues.set(handle, boss);
      return boss;
    } catch (error) {
      if (attempt >= 4) throw error;
      console.error(`[jobs] starting the queue failed (attempt ${attempt}), trying again:`, error instanceof Error ? error.message : error);
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/**
 * Creates or upgrades the queue's tables and queues as the connection's role, and stops again:
 * `npm run migrate` does this as the tables' owner, so that an application login that may not
 * create tables (decision 006) finds them in place, with the rights the migrations grant.
 */
export async function installQueue(handle: DatabaseHandle): Promise<void> {
  const boss = await openQueue(handle, { supervise: false });
  await boss.stop({ graceful: false, close: false });
}

async function openQueue(handle: DatabaseHandle, { supervise }: { supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => handle.executeSql(text, values) },
    schema: "pgboss",
    // Maintenance and cron run from every process; pg-boss coordinates them itself.
    supervise,
    schedule: false,
    // How often expired jobs (their worker died) go back to the queue; tests make it short.
    maintenanceIntervalSeconds: envSeconds("JOB_MAINTENANCE_SECONDS", 60),
  });
  boss.on("error", (error) => console.error("[jobs] queue error", error));
  await boss.start();
  try {
    await createQueues(boss);
  } catch (error) {
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    throw error;
  }
  return boss;
}

async function createQueues(boss: PgBoss): Promise<void> {
  for (const definition of jobDefinitions) {
    await boss.createQueue(definition.type, {
      name: definition.type,
      retryLimit: 2,
      retryDelay: 5,
      expireInSeconds: Math.min(definition.expireInSeconds, envSeconds("JOB_EXPIRE_SECONDS", definition.expireInSeconds)),
      retentionDays: 14,
    });
  }
}

export async function stopQueue(scoped: DatabaseHandle): Promise<void> {
  const handle = scoped.root ?? scoped;
  const boss = await globalForQueue.__apbQueue?.get(handle);
  if (!boss) return;
  globalForQueue.__apbQueue?.delete(handle);
  startedQueues.delete(handle);
  await boss.stop({ graceful: true, close: false, timeout: 10_000 });
}

function envSeconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}
