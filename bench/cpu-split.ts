/**
 * Where the two cores go, page by page: `npx tsx bench/cpu-split.ts [seconds]` puts the load of
 * http.read (50 connections, as the central expert, full demo data) on each page of its mix and on
 * the anchor in turn, and prints the pages a second and the CPU per page of the app server and of
 * PostgreSQL. Not a bench figure (http.read.server_cpu_ms and http.read.database_cpu_ms are, for
 * the mix): a tool for finding the page and the side to work on.
 */
import autocannon from "autocannon";
import { readMix } from "./http-read";
import { cpuMilliseconds } from "./process-cpu";
import { withReportServer } from "./report-data";

const SECONDS = Number(process.argv[2] ?? 15);

await withReportServer("cpu_split", 3308, async ({ data, baseUrl, expertCookie: cookie, serverPid }) => {
  // /api/health: a route handler with one query, no page: the floor of a request here.
  const pages = [...readMix(data.entity.id), `/bench/anchor/${data.entity.id}?colour=blue`, "/api/health"];
  console.log("page".padEnd(60), "pages/s", "server ms/page", "PostgreSQL ms/page");
  for (const path of pages) {
    const options = { url: baseUrl, connections: 50, headers: { cookie }, requests: [{ path, method: "GET" as const }] };
    await autocannon({ ...options, duration: 3 }); // warm-up
    const before = cpuMilliseconds(serverPid);
    const result = await autocannon({ ...options, duration: SECONDS });
    const after = cpuMilliseconds(serverPid);
    if (result.errors + result.non2xx > 0) throw new Error(`${path}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
    const n = result.requests.total;
    const label = path.replace(data.entity.id, "<entity>");
    console.log(label.padEnd(60), (n / SECONDS).toFixed(1).padStart(7), ((after.server - before.server) / n).toFixed(1).padStart(14), ((after.database - before.database) / n).toFixed(1).padStart(18));
  }
});
process.exit(0);
