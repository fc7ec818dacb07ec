export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(name: string, unit: string, samples: number[]): BenchResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { name, unit, median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: samples.length };
}

/** The q-quantile (0..1) of a list of numbers, nearest-rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.name, r.unit, String(r.median), String(r.min), String(r.max), String(r.runs)]);
  const header = ["name", "unit", "median", "min", "max", "runs"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
