import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { generateDemoData, summarizeMix } from "../lib/demo/generate";
import { seedDemoStages } from "../lib/demo/seed-stages";
import { DEMO_STAGES } from "../lib/demo/stages";
import { isDatabaseEmpty, loadDemoData } from "../lib/demo/load";
import { todayInBrussels } from "../lib/dates";
import { seedDemoPlanning } from "../lib/demo/planning";

export interface SeedOptions {
  size: "small" | "full";
  seed?: number;
  onlyIfEmpty: boolean;
}

/** Generates and loads the demo data set; returns false when it was skipped (database not empty). */
export async function seedDemoData(handle: DatabaseHandle, options: SeedOptions): Promise<boolean> {
  const db = handle.db;
  if (!(await isDatabaseEmpty(db))) {
    if (options.onlyIfEmpty) {
      console.log("[seed] database already holds data; demo data not loaded again");
      return false;
    }
    throw new Error("The database already holds data: run the seed with --reset to start over.");
  }
  const started = Date.now();
  const data = generateDemoData({ size: options.size, seed: options.seed, referenceDate: todayInBrussels() });
  await loadDemoData(db, data);
  // The entities the browser tests walk through keep an empty slot choice; those the demo onboards had theirs before.
  const onboarded = DEMO_STAGES.filter((s) => s.stage === "onboarded" || s.stage === "onboardedWithPlan").map((s) => s.code);
  await seedDemoPlanning(db, { today: data.meta.referenceDate, expertEmail: "expert@demo.vlaanderen.be", skipCodes: ["DFB", "DOMG", "VMM", "AGO", ...onboarded] });
  const loaded = Date.now();
  // The entities of lib/demo/stages.ts are taken through the real steps; the others stay at step 1.
  const staged = await seedDemoStages(handle, { today: data.meta.referenceDate, expertEmail: "expert@demo.vlaanderen.be" });
  // Fresh statistics and visibility map, so the first queries get index-only plans.
  await handle.ownerDb.execute(sql`vacuum analyze`);
  const mix = summarizeMix(data);
  console.log(
    `[seed] ${options.size} demo data: ${mix.entities} entities, ${mix.relations.toLocaleString("en")} employment relations, ` +
      `${staged.length} entities taken through their steps (${((Date.now() - loaded) / 1000).toFixed(1)} s); ` +
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return true;
}
