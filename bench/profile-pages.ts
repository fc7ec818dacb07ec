/**
 * npx tsx bench/profile-pages.ts  — where a page's server time goes (not a bench figure).
 *
 * On the report database of the page benches (full demo data, step 1 run for the largest entity),
 * for the step-2 page (blue lines), the home page and the bench anchor, as the central expert, each
 * with a fresh `next start --cpu-prof`: the page's size (HTML, and the RSC payload a client-side
 * navigation fetches), then BENCH_PROFILE_REQUESTS (default 60) requests one after another, with
 * the server's CPU time over them and its CPU profile of just those requests, by package (through
 * the build's source maps). Before that, the pages' queries timed on their own from this process. Profiles and a JSON summary are kept in
 * BENCH_PROFILE_DIR (default a new folder under the system's temporary folder).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import { loadPrincipal } from "../lib/auth/principal-queries";
import { todayInBrussels } from "../lib/dates";
import { findEntityInScope, listEntityOnboardings, listEntityOverview } from "../lib/domain/entities/queries";
import { REPORT_PAGE_SIZE, reportFiltersSchema } from "../lib/domain/step2/report-filters";
import { latestStep1RunDate, step2Report } from "../lib/domain/step2/report-queries";
import { expertSessionCookie, startAppServer } from "./app-server";
import { quantile } from "./harness";
import { summariseProfile, type ProfileSummary } from "./cpu-profile";
import { reportDatabase } from "./report-data";

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 60);
const PORT = 3316; // 3306 is MariaDB's
const dir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(path.join(os.tmpdir(), "page-profile-"));

const data = await reportDatabase("profile");
const entity = data.entity.id;
const pages = { step2: `/entities/${entity}/steps/2?colour=blue`, home: "/", anchor: `/bench/anchor/${entity}?colour=blue` };
const report: Record<string, unknown> = { queries: await queryTimes() };
console.log("database, one query at a time from this process (median ms of 10):", report.queries);
try {
  for (const [page, pagePath] of Object.entries(pages)) {
    const profileDir = path.join(dir, page);
    mkdirSync(profileDir, { recursive: true });
    const server = await startAppServer({ databaseUrl: data.url, port: PORT, nodeArgs: ["--cpu-prof", "--cpu-prof-interval=500", `--cpu-prof-dir=${profileDir}`] });
    let window: { from: number; to: number };
    let timing: Record<string, number>;
    let size: Record<string, number>;
    try {
      const cookie = await expertSessionCookie(server.url, data.db);
      const url = `${server.url}${pagePath}`;
      for (let i = 0; i < 5; i++) await get(url, cookie); // warm-up
      size = await sizes(url, cookie);
      const cpu0 = cpuMs(server.pid);
      const from = monotonicMicros();
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i++) await get(url, cookie);
      const wall = performance.now() - started;
      window = { from, to: monotonicMicros() };
      timing = {
        wallMsPerPage: wall / REQUESTS,
        serverCpuMsPerPage: (cpuMs(server.pid) - cpu0) / REQUESTS,
      };
    } finally {
      await server.stop();
    }
    const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`no CPU profile in ${profileDir}: did the server exit normally?`);
    const profile = perPage(summariseProfile(path.join(profileDir, file), window.from, window.to), REQUESTS);
    report[page] = { path: pagePath, size, timing, profile };
    print(page, size, timing, profile);
  }
} finally {
  writeFileSync(path.join(dir, "summary.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nprofiles and summary.json in ${dir}`);
  await data.drop();
}
process.exit(0);

/**
 * The database's part, apart: the queries of the step-2 page (and the anchor) and of the home page,
 * and the principal every page loads, timed from this process.
 */
async function queryTimes(): Promise<Record<string, number>> {
  const [expert] = await data.db.select({ id: users.id }).from(users).where(eq(users.email, "expert@demo.vlaanderen.be"));
  const asOf = todayInBrussels();
  const filters = reportFiltersSchema.parse({ colour: "blue" });
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const started = performance.now();
      await run();
      if (i > 0) times.push(performance.now() - started);
    }
    return Math.round(quantile(times, 0.5) * 10) / 10;
  };
  return {
    loadPrincipal: await median(() => loadPrincipal(data.db, expert!.id)),
    findEntityInScope: await median(() => findEntityInScope(data.db, { entityId: entity, scope: "all" })),
    latestStep1RunDate: await median(() => latestStep1RunDate(data.db, entity)),
    step2Report: await median(() => step2Report(data.db, entity, data.runDate, filters, REPORT_PAGE_SIZE)),
    listEntityOverview: await median(() => listEntityOverview(data.db, { scope: "all", asOf })),
    homeListEntityOnboardings: await median(() => listEntityOnboardings(data.db, { scope: "all" })),
  };
}

async function get(url: string, cookie: string, headers: Record<string, string> = {}): Promise<Buffer> {
  // An RSC request is sent on to the same URL with its cache-busting `_rsc` parameter: follow that.
  const response = await fetch(url, { headers: { cookie, ...headers }, redirect: headers.rsc ? "follow" : "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return body;
}

/**
 * The HTML (with the RSC payload it carries inline for hydration), the RSC payload alone (what a
 * client-side navigation fetches), each also gzipped; how much of the payload the interface messages
 * take (NextIntlClientProvider sends them all), how many client component references it holds, and
 * how many bytes of inline styles and <style> elements the HTML carries.
 */
async function sizes(url: string, cookie: string): Promise<Record<string, number>> {
  const html = await get(url, cookie);
  const rsc = await get(url, cookie, { rsc: "1" });
  const text = html.toString("utf8");
  const inlineFlight = [...text.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  const messages = JSON.stringify(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../messages/nl-BE.json"), "utf8")));
  const rscText = rsc.toString("utf8");
  return {
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html).length,
    htmlInlineFlightBytes: inlineFlight,
    rscBytes: rsc.length,
    rscGzipBytes: gzipSync(rsc).length,
    messagesJsonBytes: Buffer.byteLength(messages),
    messagesInRsc: rscText.includes('"notFoundTitle"') ? 1 : 0,
    clientReferences: rscText.match(/^[0-9a-f]+:I\[/gm)?.length ?? 0,
    styleAttributeBytes: [...text.matchAll(/ style="([^"]*)"/g)].reduce((n, m) => n + m[1]!.length, 0),
    styleElements: text.match(/<style[\s>]/g)?.length ?? 0,
    styleElementBytes: [...text.matchAll(/<style[^>]*>(.*?)<\/style>/gs)].reduce((n, m) => n + m[1]!.length, 0),
    tableRows: text.match(/<tr[\s>]/g)?.length ?? 0,
  };
}

function perPage(summary: ProfileSummary, requests: number): ProfileSummary {
  const each = <T extends { ms: number }>(rows: T[]) => rows.map((r) => ({ ...r, ms: Math.round((r.ms / requests) * 100) / 100 }));
  return { busyMs: summary.busyMs / requests, self: each(summary.self), inclusive: each(summary.inclusive), topFunctions: each(summary.topFunctions) };
}

function print(page: string, size: Record<string, number>, timing: Record<string, number>, profile: ProfileSummary) {
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`\n=== ${page} (${REQUESTS} requests, per page)`);
  console.log(Object.entries(size).map(([k, v]) => `${k} ${v}`).join(", "));
  console.log(Object.entries(timing).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", "), `, sampled busy ${profile.busyMs.toFixed(1)} ms`);
  console.log("-- self time by category (ms per page)");
  for (const r of profile.self.slice(0, 14)) console.log(`${f(r.ms)}  ${r.category}`);
  console.log("-- inclusive time by category (ms per page; a sample counts once for each category on its stack)");
  for (const r of profile.inclusive.slice(0, 18)) console.log(`${f(r.ms)}  ${r.category}`);
  console.log("-- functions with the most self time (ms per page)");
  for (const r of profile.topFunctions.slice(0, 15)) console.log(`${f(r.ms)}  ${r.name}  [${r.category}]`);
}

/** CPU time (user + system) of a process and its threads (GC, zlib, crypto), in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100
}

/** The clock V8 stamps profile samples with (CLOCK_MONOTONIC), in µs. */
function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
