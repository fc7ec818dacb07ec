import path from "node:path";
import { summarize } from "./harness";
import { runJsonChild } from "./json-child";
import { reportDatabase } from "./report-data";
import type { ChildInput, ChildOutput } from "./report-xlsx-child";

const LINES = 50_000;
const RUNS = 3;
const childScript = path.join(import.meta.dirname, "report-xlsx-child.ts");

/**
 * report.step2.xlsx.50k.seconds / .peak_rss_mb: the step-2 report download of an entity with
 * 50,000 employment relations (the demo's largest entity topped up, step 1 run), written end to
 * end (query + workbook) into a stream that drops the bytes, in a child process per repetition.
 * exceljs.raw_stream.50k.seconds: the same cells written by the bare exceljs streaming writer
 * from memory, the lower bound of the first figure. All three share one database and their
 * repetitions (report and raw alternate) when they run in one bench process.
 */
export const benchReportXlsxSeconds = async () =>
  summarize("report.step2.xlsx.50k.seconds", "s", (await repetitions()).report.map((r) => r.seconds));
export const benchReportXlsxPeakRss = async () =>
  summarize("report.step2.xlsx.50k.peak_rss_mb", "MB", (await repetitions()).report.map((r) => r.peakRssMb));
export const benchExcelRawStream = async () => summarize("exceljs.raw_stream.50k.seconds", "s", (await repetitions()).raw.map((r) => r.seconds));

let cached: Promise<{ report: ChildOutput[]; raw: ChildOutput[] }> | undefined;
const repetitions = () => (cached ??= measure());

async function measure() {
  const data = await reportDatabase("report50k", { relations: LINES });
  try {
    const report: ChildOutput[] = [];
    const raw: ChildOutput[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const mode of ["report", "raw"] as const) {
        const output = await runJsonChild<ChildOutput>(childScript, { databaseUrl: data.url, entityId: data.entity.id, mode } satisfies ChildInput);
        if (output.lines !== LINES) throw new Error(`${mode}: ${output.lines} lines written, expected ${LINES}`);
        console.log(`[bench]   run ${run + 1} ${mode}: ${JSON.stringify(round(output))}`);
        (mode === "report" ? report : raw).push(output);
      }
    }
    const median = (outputs: ChildOutput[]) => summarize("", "", outputs.map((o) => o.seconds)).median;
    console.log(`[bench]   report / raw exceljs (medians): ${(median(report) / median(raw)).toFixed(2)}x (goal <= 1.5x)`);
    return { report, raw };
  } finally {
    await data.drop();
  }
}

const round = (output: ChildOutput) =>
  Object.fromEntries(Object.entries(output).map(([k, v]) => [k, Number.isInteger(v) ? v : Math.round(v * 1000) / 1000]));
