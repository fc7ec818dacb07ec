/**
 * npm run bench            prints a table of the figures the issues ask for
 * npm run bench -- --json  also writes bench-results.json: [{ name, unit, median, min, max, runs }]
 * npm run bench -- --only seed.full.seconds   runs one figure (or several: a comma list, or a prefix such as http.read)
 *
 * Shorter tries (figures then less steady): BENCH_PAGE_ROUNDS (page times, default 20 a page),
 * BENCH_READ_SECONDS (http.read, default 60), BENCH_USERS_SECONDS (http.users300, default 60).
 *
 * Runs against the PostgreSQL server of TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test),
 * in databases of its own that it drops afterwards.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { printTable, type BenchResult } from "./harness";
import { benchHomeLatency } from "./http-home";
import { benchReadLoad } from "./http-read";
import { benchPageTimes } from "./page-times";
import { benchRlsOverhead } from "./rls-overhead";
import { benchReportPage } from "./http-report";
import { benchImportPeakRss, benchImportSeconds, benchReimportSeconds } from "./import-personnel";
import { benchExcelRawStream, benchReportXlsxPeakRss, benchReportXlsxSeconds } from "./report-xlsx";
import { benchReportAsOf, benchReportGovernment } from "./occupancy-report";
import { benchSeedFull } from "./seed-full";
import { benchStep1EntityLargest, benchStep1Government } from "./step1";
import { benchStep1LowerBound } from "./step1-lower-bound";
import { benchStep1PerRow } from "./step1-per-row";
import { benchControlValidate, benchStep4, benchStep6, benchTemplateGenerate, benchTemplateValidate } from "./template";
import { benchUsers300 } from "./users300";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, only: { type: "string" } } });

/** Figures that come from one set-up (a database and a server, or two 60-second runs), measured once when first asked for. */
function sharedFigures(run: () => Promise<BenchResult[]>) {
  let results: Promise<BenchResult[]> | undefined;
  return (name: string) => async () => (await (results ??= run())).find((r) => r.name === name)!;
}
const readFigure = sharedFigures(benchReadLoad);
const pageFigure = sharedFigures(benchPageTimes);
const reportPageFigure = sharedFigures(benchReportPage);
const usersFigure = sharedFigures(benchUsers300);
const PAGES = ["home", "entity", "step2", "positions", "reports"];
const READERS = ["expert", "hr"];

const benches: { name: string; run: () => Promise<BenchResult> }[] = [
  { name: "seed.full.seconds", run: benchSeedFull },
  { name: "http.home.p95_ms", run: benchHomeLatency },
  { name: "import.personnel.10k.seconds", run: benchImportSeconds },
  { name: "import.personnel.10k.peak_rss_mb", run: benchImportPeakRss },
  { name: "import.personnel.10k.reimport_seconds", run: benchReimportSeconds },
  { name: "step1.government.seconds", run: benchStep1Government },
  { name: "step1.lower_bound.seconds", run: benchStep1LowerBound },
  { name: "step1.per_row.seconds", run: benchStep1PerRow },
  { name: "step1.entity_largest.seconds", run: benchStep1EntityLargest },
  { name: "report.step2.xlsx.50k.seconds", run: benchReportXlsxSeconds },
  { name: "report.step2.xlsx.50k.peak_rss_mb", run: benchReportXlsxPeakRss },
  { name: "exceljs.raw_stream.50k.seconds", run: benchExcelRawStream },
  { name: "report.step2.page.p95_ms", run: reportPageFigure("report.step2.page.p95_ms") },
  { name: "report.step2.page.p95_ms.4_connections", run: reportPageFigure("report.step2.page.p95_ms.4_connections") },
  { name: "template.generate.5k.seconds", run: benchTemplateGenerate },
  { name: "template.validate.5k.seconds", run: benchTemplateValidate },
  { name: "step4.5k.seconds", run: benchStep4 },
  { name: "control.validate.5k.seconds", run: benchControlValidate },
  { name: "step6.5k.seconds", run: benchStep6 },
  { name: "report.government.seconds", run: benchReportGovernment },
  { name: "report.asof.seconds", run: benchReportAsOf },
  { name: "db.rls.lone_query_overhead_ms", run: benchRlsOverhead },
  ...READERS.flatMap((reader) => PAGES.map((page) => `http.page.${page}.${reader}.p50_ms`)).map((name) => ({ name, run: pageFigure(name) })),
  { name: "http.page.anchor.p50_ms", run: pageFigure("http.page.anchor.p50_ms") },
  { name: "http.read.p95_ms", run: readFigure("http.read.p95_ms") },
  { name: "http.read.errors", run: readFigure("http.read.errors") },
  { name: "http.read.pages_per_second", run: readFigure("http.read.pages_per_second") },
  { name: "http.read_during_job.p95_ms", run: readFigure("http.read_during_job.p95_ms") },
  { name: "http.read.anchor_pages_per_second", run: readFigure("http.read.anchor_pages_per_second") },
  { name: "http.read.server_cpu_ms", run: readFigure("http.read.server_cpu_ms") },
  { name: "http.read.database_cpu_ms", run: readFigure("http.read.database_cpu_ms") },
  { name: "http.users300.p95_ms", run: usersFigure("http.users300.p95_ms") },
  { name: "http.users300.errors", run: usersFigure("http.users300.errors") },
];

const results: BenchResult[] = [];
for (const bench of benches) {
  if (values.only && !values.only.split(",").some((wanted) => bench.name === wanted || bench.name.startsWith(`${wanted}.`) || bench.name.startsWith(`${wanted}_`))) continue;
  console.log(`[bench] ${bench.name} ...`);
  results.push(await bench.run());
}
console.log(`\n${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`);
printTable(results);
if (values.json) {
  writeFileSync("bench-results.json", `${JSON.stringify(results, null, 2)}\n`);
  console.log("\nwritten to bench-results.json");
}
process.exit(0);
