import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { todayInBrussels } from "../lib/dates";
import { summarize } from "./harness";
import { scratchDatabase } from "./scratch-database";

/** seed.full.seconds: generate the full demo data set (~30,000 relations) and load it into PostgreSQL. */
export async function benchSeedFull() {
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const scratch = await scratchDatabase("seed");
    try {
      const started = performance.now();
      await loadDemoData(scratch.handle.db, generateDemoData({ size: "full", referenceDate: todayInBrussels() }));
      samples.push((performance.now() - started) / 1000);
    } finally {
      await scratch.drop();
    }
  }
  return summarize("seed.full.seconds", "s", samples);
}
