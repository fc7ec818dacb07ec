import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { todayInBrussels } from "../lib/dates";
import { expertSessionCookie, startAppServer } from "./app-server";
import { quantile, summarize } from "./harness";
import { scratchDatabase } from "./scratch-database";

const REQUESTS = 200;
const CONNECTIONS = 10;

/**
 * http.home.p95_ms: p95 latency of the central expert's home page (every entity with its
 * onboarding; since issue 17 without position figures) over 200 requests at 10 connections, against
 * `next start` on the full demo data set. At 10 connections the p95 is about ten pages' server time.
 */
export async function benchHomeLatency() {
  const scratch = await scratchDatabase("http");
  const server = await (async () => {
    await loadDemoData(scratch.handle.db, generateDemoData({ size: "full", referenceDate: todayInBrussels() }));
    await scratch.handle.ownerDb.execute(sql`vacuum analyze`); // as the seed script does
    return startAppServer({ databaseUrl: scratch.url, port: 3300 });
  })();
  try {
    const cookie = await expertSessionCookie(server.url, scratch.handle.db);
    const home = await fetch(`${server.url}/`, { headers: { cookie } });
    if (!home.ok || !(await home.text()).includes("Alle entiteiten")) throw new Error("the expert's home page did not render");

    await measure(server.url, cookie, 20); // warm-up
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) samples.push(await measure(server.url, cookie, REQUESTS));
    return summarize("http.home.p95_ms", "ms", samples);
  } finally {
    await server.stop();
    await scratch.drop();
  }
}

async function measure(baseUrl: string, cookie: string, amount: number): Promise<number> {
  const latencies: number[] = [];
  const instance = autocannon({ url: `${baseUrl}/`, connections: CONNECTIONS, amount, headers: { cookie } });
  instance.on("response", (_client, statusCode, _bytes, ms) => {
    if (statusCode === 200) latencies.push(ms);
  });
  const result = await instance;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx responses`);
  return quantile(latencies, 0.95);
}
