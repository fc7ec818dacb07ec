import { sql } from "drizzle-orm";
import { todayInBrussels } from "../lib/dates";
import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { occupancyReport } from "../lib/domain/reports/occupancy-report";
import { summarize } from "./harness";
import { scratchDatabase } from "./scratch-database";
import { entityIds, runStep1ForAll, timed } from "./step1-data";

const RUNS = 5;

function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The government-wide needs-against-occupancy report on the full demo data after onboarding: step 1
 * run for every entity a year ago (so that dates in between have a history), then the report by
 * entity and the report by level, both over every entity, timed together as the server's work.
 */
async function measure(label: string, dateOf: (today: string) => string): Promise<number[]> {
  const scratch = await scratchDatabase(label);
  try {
    const db = scratch.handle.db;
    const today = todayInBrussels();
    await loadDemoData(db, generateDemoData({ size: "full", referenceDate: today }));
    const created = await runStep1ForAll(db, daysBefore(today, 365), await entityIds(db));
    await scratch.handle.ownerDb.execute(sql`vacuum analyze`);
    const date = dateOf(today);
    console.log(`[bench]   ${created} positions from step 1 a year ago; report as of ${date}`);
    const samples: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const { seconds, result } = await timed(async () => [
        await occupancyReport(db, { scope: "all", date, by: "entity" }),
        await occupancyReport(db, { scope: "all", date, by: "level" }),
      ]);
      if (result[0]!.totals.positions === 0 || result[0]!.totals.positions !== result[1]!.totals.positions) throw new Error("the report counted no positions, or differently per grouping");
      if (run === 0) continue; // warm-up
      console.log(`[bench]   run ${run}: ${seconds.toFixed(3)} s, ${result[0]!.totals.positions} positions, ${result[0]!.groups.length} entities`);
      samples.push(seconds);
    }
    return samples;
  } finally {
    await scratch.drop();
  }
}

/** report.government.seconds: as of today. */
export async function benchReportGovernment() {
  return summarize("report.government.seconds", "s", await measure("report_gov", (today) => today));
}

/** report.asof.seconds: as of half a year ago. */
export async function benchReportAsOf() {
  return summarize("report.asof.seconds", "s", await measure("report_asof", (today) => daysBefore(today, 182)));
}
