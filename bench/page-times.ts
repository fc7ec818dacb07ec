import type { Db } from "../db/client";
import { userGrants, users } from "../db/schema";
import { demoSessionCookie } from "./app-server";
import { summarize, type BenchResult } from "./harness";
import { withReportServer } from "./report-data";

const PORT = 3304;
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 20);
const WARM_UP = 3;

/**
 * http.page.<page>.<reader>.p50_ms: each read page requested one at a time (no load), as the central
 * expert (every entity in scope) and as an HR officer of the largest entity (one entity in scope),
 * on the full demo data — where a page's own cost shows, before any queueing.
 * http.page.anchor.p50_ms: the bench's anchor page (app/(bench)/bench/anchor) for the same entity,
 * as the central expert: step 2's sign-in check, scope check, queries and 50 blue lines as a plain
 * table, without Mantine, client components or the app frame. Read http.page.step2.expert.p50_ms
 * (and the others) as multiples of it: that much is Next.js, Auth.js and the database here.
 */
export async function benchPageTimes(): Promise<BenchResult[]> {
  return withReportServer("page_times", PORT, async ({ data, baseUrl, expertCookie }) => {
    const entity = data.entity.id;
    const pages: Record<string, string> = {
      home: "/",
      entity: `/entities/${entity}`,
      step2: `/entities/${entity}/steps/2?colour=blue`,
      positions: `/entities/${entity}/positions`,
      reports: "/reports",
    };
    const readers = { expert: expertCookie, hr: await demoSessionCookie(baseUrl, await hrOfficerOf(data.db, entity)) };
    const results: BenchResult[] = [];
    const time = async (name: string, path: string, cookie: string) => {
      const result = summarize(name, "ms", await timesOf(`${baseUrl}${path}`, cookie));
      console.log(`[bench]   ${result.name}: ${result.median.toFixed(1)} ms`);
      results.push(result);
    };
    for (const [reader, cookie] of Object.entries(readers)) {
      for (const [page, path] of Object.entries(pages)) await time(`http.page.${page}.${reader}.p50_ms`, path, cookie);
    }
    const anchor = `/bench/anchor/${entity}?colour=blue`;
    await expectAnchorLines(`${baseUrl}${anchor}`, expertCookie, Math.min(50, data.blueLines));
    await time("http.page.anchor.p50_ms", anchor, expertCookie);
    return results;
  });
}

/** ROUNDS response times of one page, after a few to warm up; each read to its last byte. */
async function timesOf(url: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + WARM_UP; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  return times;
}

/** The anchor is only a fair floor when it shows what the step-2 page shows: its blue lines, 50 of them. */
async function expectAnchorLines(url: string, cookie: string, expected: number): Promise<void> {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  const lines = html.match(/<tr data-colour="blue"/g)?.length ?? 0;
  if (!response.ok || lines !== expected) throw new Error(`the anchor page answered ${response.status} with ${lines} blue lines, not ${expected} (is BENCH_ANCHOR on?)`);
}

/** A new HR officer for the entity (the demo data has none for the largest one). */
async function hrOfficerOf(db: Db, entityId: string): Promise<string> {
  const [user] = await db.insert(users).values({ email: "hr.bench@demo.vlaanderen.be", name: "HR Bench", isDemo: true, active: true }).returning({ id: users.id });
  await db.insert(userGrants).values({ userId: user!.id, role: "entity_hr", entityId });
  return user!.id;
}
