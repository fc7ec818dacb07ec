import { quantile, summarize, type BenchResult } from "./harness";
import { readMix } from "./http-read";
import { expertSessionCookie } from "./app-server";
import { withReportServer } from "./report-data";

const USERS = 300;
const SESSIONS = 20;
const THINK_MS = [5_000, 10_000] as const;
const SECONDS = Number(process.env.BENCH_USERS_SECONDS ?? 60);
const TIMEOUT_MS = 30_000;
const PORT = 3305;

/**
 * http.users300.p95_ms, http.users300.errors: 300 simulated users for 60 s against `next start` on
 * the full demo data, each reading a page, thinking 5–10 s (uniformly drawn), reading the next, and
 * so on — about 40 pages a second in all, when the server keeps up. Pages come from the read mix of
 * http.read (as the central expert), drawn at random; users share 20 sessions. Each user arrives
 * after a first pause drawn from 0–10 s, so they do not all knock at once.
 * Every response is timed to its last byte. Errors: a status other than 2xx (redirects included: a
 * lost session would otherwise read as a fast sign-in page), a network error or no answer in 30 s.
 * The p95 is of the answered pages; the load generator shares the two cores with the server.
 */
export async function benchUsers300(): Promise<BenchResult[]> {
  return withReportServer("users300", PORT, async ({ data, baseUrl, expertCookie }) => {
    const paths = readMix(data.entity.id);
    const cookies = [expertCookie];
    while (cookies.length < SESSIONS) cookies.push(await expertSessionCookie(baseUrl, data.db));
    for (const path of paths) await read(`${baseUrl}${path}`, expertCookie); // warm-up

    const latencies: number[] = [];
    const failures = new Map<string, number>();
    const deadline = performance.now() + SECONDS * 1000;
    const between = (min: number, max: number) => min + Math.random() * (max - min);
    const user = async (i: number) => {
      await sleep(between(0, THINK_MS[1]));
      while (performance.now() < deadline) {
        const outcome = await read(`${baseUrl}${paths[Math.floor(Math.random() * paths.length)]}`, cookies[i % SESSIONS]!);
        if (outcome.ok) latencies.push(outcome.ms);
        else failures.set(outcome.error, (failures.get(outcome.error) ?? 0) + 1);
        await sleep(between(...THINK_MS));
      }
    };
    await Promise.all(Array.from({ length: USERS }, (_, i) => user(i)));

    const errors = [...failures.values()].reduce((a, b) => a + b, 0);
    const p95 = latencies.length ? quantile(latencies, 0.95) : Number.NaN;
    console.log(
      `[bench]   ${latencies.length + errors} pages in ${SECONDS} s (${((latencies.length + errors) / SECONDS).toFixed(1)}/s), ` +
        `p50 ${latencies.length ? quantile(latencies, 0.5).toFixed(0) : "-"} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(0, ...latencies).toFixed(0)} ms, ` +
        `${errors} errors${errors ? ` (${[...failures].map(([k, n]) => `${k}: ${n}`).join(", ")})` : ""}`,
    );
    return [summarize("http.users300.p95_ms", "ms", [p95]), summarize("http.users300.errors", "count", [errors])];
  });
}

async function read(url: string, cookie: string): Promise<{ ok: true; ms: number } | { ok: false; error: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.arrayBuffer();
    if (response.status < 200 || response.status > 299) return { ok: false, error: `status ${response.status}` };
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.name : "network" };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
