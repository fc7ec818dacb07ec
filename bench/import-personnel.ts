import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { users } from "../db/schema";
import { createEntity } from "../tests/factories/basic";
import { createImportReference } from "../tests/factories/import-reference";
import { largePersonnelWorkbook } from "../tests/fixtures/personnel-list-large";
import type { ChildInput, ChildOutput } from "./import-personnel-child";
import { summarize } from "./harness";
import { scratchDatabase } from "./scratch-database";

const RELATIONS = 10_000;
const RUNS = 3;
const root = path.resolve(import.meta.dirname, "..");
const childScript = path.join(import.meta.dirname, "import-personnel-child.ts");

/**
 * import.personnel.10k.seconds: preview + commit of a 10,000-relation .xlsx on an entity
 * without relations. import.personnel.10k.peak_rss_mb: peak resident memory of the process
 * doing it. import.personnel.10k.reimport_seconds: the same file again (preview + commit),
 * which must write nothing. One child process per repetition gives all three, each on a fresh
 * database; the three figures share those repetitions when they run in one bench process.
 */
export const benchImportSeconds = async () => summarize("import.personnel.10k.seconds", "s", (await repetitions()).map((r) => r.seconds));
export const benchImportPeakRss = async () => summarize("import.personnel.10k.peak_rss_mb", "MB", (await repetitions()).map((r) => r.peakRssMb));
export const benchReimportSeconds = async () =>
  summarize("import.personnel.10k.reimport_seconds", "s", (await repetitions()).map((r) => r.reimportSeconds));

let cached: Promise<ChildOutput[]> | undefined;
const repetitions = () => (cached ??= measure());

async function measure(): Promise<ChildOutput[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "apb-bench-import-"));
  try {
    const filePath = path.join(folder, "personeelslijst-10k.xlsx");
    writeFileSync(filePath, await largePersonnelWorkbook(RELATIONS));
    const outputs: ChildOutput[] = [];
    for (let run = 0; run < RUNS; run++) {
      const scratch = await scratchDatabase("import");
      try {
        const db = scratch.handle.db;
        const entityId = (await createEntity(db, { name: "Agentschap Benchmark" })).id;
        await createImportReference(db, entityId);
        const [user] = await db.insert(users).values({ email: "bench@import.test", name: "Bench" }).returning({ id: users.id });
        const output = await runChild({ databaseUrl: scratch.url, entityId, actorId: user!.id, filePath, relations: RELATIONS });
        console.log(`[bench]   run ${run + 1}: ${JSON.stringify(output)}`);
        outputs.push(output);
      } finally {
        await scratch.drop();
      }
    }
    return outputs;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runChild(input: ChildInput): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", childScript, JSON.stringify(input)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`the import child exited with ${code}: ${stdout}`));
      try {
        resolve(JSON.parse(last) as ChildOutput);
      } catch {
        reject(new Error(`the import child printed no result: ${stdout}`));
      }
    });
  });
}
