import type { Db } from "../db/client";
import { userGrants, users } from "../db/schema";
import { demoSessionCookie } from "./app-server";
import { summarize, type BenchResult } from "./harness";
import { withReportServer } from "./report-data";

const PORT = 3304;
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 20);

/**
 * http.page.<page>.<reader>.p50_ms: each read page requested one at a time (no load), as the central
 * expert (every entity in scope) and as an HR officer of the largest entity (one entity in scope),
 * on the full demo data — where a page's own cost shows, before any queueing.
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
    for (const [reader, cookie] of Object.entries(readers)) {
      for (const [page, path] of Object.entries(pages)) {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS + 3; i++) {
          const started = performance.now();
          const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${path} answered ${response.status} to ${reader}`);
          if (i >= 3) times.push(performance.now() - started); // the first ones warm up
        }
        const result = summarize(`http.page.${page}.${reader}.p50_ms`, "ms", times);
        console.log(`[bench]   ${result.name}: ${result.median.toFixed(1)} ms`);
        results.push(result);
      }
    }
    return results;
  });
}

/** A new HR officer for the entity (the demo data has none for the largest one). */
async function hrOfficerOf(db: Db, entityId: string): Promise<string> {
  const [user] = await db.insert(users).values({ email: "hr.bench@demo.vlaanderen.be", name: "HR Bench", isDemo: true, active: true }).returning({ id: users.id });
  await db.insert(userGrants).values({ userId: user!.id, role: "entity_hr", entityId });
  return user!.id;
}
