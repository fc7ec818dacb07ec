import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { runStep1 } from "../lib/domain/step1/run-step1";
import { quantile, summarize, type BenchResult } from "./harness";
import { cpuMilliseconds } from "./process-cpu";
import { withReportServer } from "./report-data";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 60);
const PORT = 3302;

/**
 * http.read.p95_ms, http.read.errors: 50 connections for 60 s against `next start` on the full
 * demo data, cycling through the pages people read most — home, the largest entity's page, its
 * step-2 report, its position list, the reports page — as the central expert (who sees the most).
 * http.read.pages_per_second: the throughput behind that p95.
 * http.read_during_job.p95_ms: the same while step 1 runs without pause for another large entity
 * (in this process, on the same database and cores: run, undo, run again).
 * http.read.server_cpu_ms, http.read.database_cpu_ms: CPU time per page in the quiet run, of the
 * app server (its process and children: main thread, garbage collector, libuv pool) and of
 * PostgreSQL (all its processes on this machine): where the two cores go.
 * http.read.anchor_pages_per_second: the same load on the bench's anchor page alone (the step-2
 * lines as a plain table: sign-in check, scope check and queries, no Mantine, no client
 * component): what Next.js, Auth.js and the database serve here at most, before our rendering.
 */
export async function benchReadLoad(): Promise<BenchResult[]> {
  return withReportServer("http_read", PORT, async ({ data, baseUrl, expertCookie: cookie, serverPid }) => {
    const paths = readMix(data.entity.id);
    for (const path of paths) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    }
    await load(baseUrl, cookie, paths, 5); // warm-up
    const cpuBefore = cpuMilliseconds(serverPid);
    const quiet = await load(baseUrl, cookie, paths, SECONDS);
    const cpuAfter = cpuMilliseconds(serverPid);
    const perPage = (side: "server" | "database") => (cpuAfter[side] - cpuBefore[side]) / Math.max(1, quiet.requests);
    console.log(
      `[bench]   ${quiet.requests} requests in ${SECONDS} s, p95 ${quiet.p95.toFixed(0)} ms, ${quiet.errors} errors; ` +
        `CPU per page: server ${perPage("server").toFixed(1)} ms, PostgreSQL ${perPage("database").toFixed(1)} ms`,
    );
    const anchor = await load(baseUrl, cookie, [`/bench/anchor/${data.entity.id}?colour=blue`], SECONDS / 2);
    if (anchor.errors > 0) throw new Error(`the anchor page answered ${anchor.errors} errors (is BENCH_ANCHOR on?)`);
    console.log(`[bench]   the anchor alone: ${(anchor.requests / (SECONDS / 2)).toFixed(1)} pages/s, p95 ${anchor.p95.toFixed(0)} ms`);
    const other = await secondLargestEntity(data.db, data.entity.id);
    const job = busyStep1(data.db, other, data.runDate);
    const busy = await load(baseUrl, cookie, paths, SECONDS);
    const runs = await job.stop();
    console.log(`[bench]   during ${runs} step-1 runs: ${busy.requests} requests, p95 ${busy.p95.toFixed(0)} ms, ${busy.errors} errors`);
    const one = (name: string, unit: string, value: number): BenchResult => summarize(name, unit, [value]);
    return [
      one("http.read.p95_ms", "ms", quiet.p95),
      one("http.read.errors", "count", quiet.errors),
      // What the p95 follows: with 50 connections and no pause, each request waits for the ones before it.
      one("http.read.pages_per_second", "pages/s", quiet.requests / SECONDS),
      one("http.read_during_job.p95_ms", "ms", busy.p95),
      one("http.read.anchor_pages_per_second", "pages/s", anchor.requests / (SECONDS / 2)),
      one("http.read.server_cpu_ms", "ms", perPage("server")),
      one("http.read.database_cpu_ms", "ms", perPage("database")),
    ];
  });
}

/** The pages people read most: home, the entity's page, its step-2 report, its position list, the reports page. */
export function readMix(entity: string): string[] {
  return ["/", `/entities/${entity}`, `/entities/${entity}/steps/2?colour=blue`, `/entities/${entity}/positions`, "/reports"];
}

async function load(baseUrl: string, cookie: string, paths: string[], seconds: number) {
  const latencies: number[] = [];
  const instance = autocannon({ url: baseUrl, connections: CONNECTIONS, duration: seconds, headers: { cookie }, requests: paths.map((path) => ({ path, method: "GET" })) });
  instance.on("response", (_client, statusCode, _bytes, ms) => {
    if (statusCode === 200) latencies.push(ms);
  });
  const result = await instance;
  return { p95: quantile(latencies, 0.95), errors: result.errors + result.non2xx, requests: result.requests.total };
}

async function secondLargestEntity(db: Db, except: string): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    select entity_id as id from employment_relations where entity_id <> ${except} group by entity_id order by count(*) desc limit 1`);
  return rows[0]!.id;
}

/** Step 1 for one entity, over and over (its positions removed again in between), until stopped. */
function busyStep1(db: Db, entityId: string, runDate: string) {
  let stopping = false;
  let runs = 0;
  const loop = (async () => {
    while (!stopping) {
      await runStep1(db, { entityId, runDate, actorId: null });
      runs++;
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from position_links where entity_id = ${entityId}`);
        await tx.execute(sql`delete from position_versions where entity_id = ${entityId}`);
        await tx.execute(sql`delete from positions where entity_id = ${entityId}`);
        await tx.execute(sql`update onboardings set current_step = 1, current_state = 'not_started' where entity_id = ${entityId}`);
      });
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      return runs;
    },
  };
}
