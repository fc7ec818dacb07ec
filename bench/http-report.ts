import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { quantile, summarize, type BenchResult } from "./harness";
import { withReportServer } from "./report-data";

const REQUESTS = 100;
const CONNECTIONS = 4;
const PORT = 3301;

/**
 * report.step2.page.p95_ms: the server time of the step-2 report page, first page of the blue lines
 * (?colour=blue), of the demo's largest entity after its step 1, for the central expert (who may
 * correct, so the correction choices load too): p95 of 100 requests made one after the other
 * (one connection: the time the server takes for one page, without waiting behind others), against
 * `next start` on the full demo data set, 3 times after a warm-up.
 * report.step2.page.p95_ms.4_connections: the same with 4 requests at a time on this machine's
 * cores, i.e. including the time a request waits for the others: how it holds under load.
 */
export async function benchReportPage(): Promise<BenchResult[]> {
  const { sequential, concurrent } = await measureReportPage();
  return [summarize("report.step2.page.p95_ms", "ms", sequential), summarize("report.step2.page.p95_ms.4_connections", "ms", concurrent)];
}

async function measureReportPage(): Promise<{ sequential: number[]; concurrent: number[] }> {
  return withReportServer("http_report", PORT, async ({ data, baseUrl, expertCookie: cookie }) => {
    const url = `${baseUrl}/entities/${data.entity.id}/steps/2?colour=blue`;
    const page = await fetch(url, { headers: { cookie } });
    const html = await page.text();
    // The first page of the blue lines says "Lijn 1–50 van <blue lines>" (the messages are in the page too, so not "notRun").
    const shown = /Lijn 1–(\d+) van (\d+)/.exec(html);
    if (!page.ok || Number(shown?.[2]) !== data.blueLines) {
      writeFileSync(path.join(os.tmpdir(), "bench-report-page.html"), html);
      throw new Error(`the report page did not show the ${data.blueLines} blue lines (${page.status}, "${shown?.[0]}"; page in ${os.tmpdir()}/bench-report-page.html)`);
    }
    console.log(`[bench]   ${url.replace(baseUrl, "")}: ${shown![0]}, ${(html.length / 1024).toFixed(0)} KiB of HTML`);

    await measure(url, cookie, 20, CONNECTIONS); // warm-up
    const result = { sequential: [] as number[], concurrent: [] as number[] };
    for (let run = 0; run < 3; run++) {
      result.sequential.push(await measure(url, cookie, REQUESTS, 1));
      result.concurrent.push(await measure(url, cookie, REQUESTS, CONNECTIONS));
      console.log(`[bench]   run ${run + 1}: p95 ${result.sequential.at(-1)!.toFixed(1)} ms one at a time, ${result.concurrent.at(-1)!.toFixed(1)} ms at ${CONNECTIONS} connections`);
    }
    return result;
  });
}

async function measure(url: string, cookie: string, amount: number, connections: number): Promise<number> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, amount, headers: { cookie } });
  instance.on("response", (_client, statusCode, _bytes, ms) => {
    if (statusCode === 200) latencies.push(ms);
  });
  const result = await instance;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx responses`);
  return quantile(latencies, 0.95);
}
