import { beforeAll, describe, expect, it } from "vitest";
import { inspectUpload } from "./inspect-upload";
import { readTable } from "./read-table";
import { largeCsv, largeXlsx } from "./test-support/large-files";

describe("readTable speed (10,000 rows x 15 columns)", () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await largeXlsx(10_000);
  }, 30_000);

  it("inspects and reads the .xlsx in under 2 s", async () => {
    const started = performance.now();
    const { kind } = await inspectUpload(xlsx, "personeel.xlsx");
    const inspected = performance.now();
    const table = await readTable(xlsx, kind, {});
    const ms = performance.now() - started;
    console.info(`10k x 15 xlsx (${(xlsx.length / 1024).toFixed(0)} KB): inspect ${(inspected - started).toFixed(0)} ms, total ${ms.toFixed(0)} ms`);
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows[9_999]).toMatchObject({ rowNumber: 10_001 });
    expect(table.rows[0]!.cells[0]).toEqual({ kind: "text", text: "100000" });
    expect(table.rows[0]!.cells[8]).toEqual({ kind: "date", iso: "2000-01-01", text: "2000-01-01" });
    expect(ms).toBeLessThan(2_000);
  });

  it("reads the CSV in under 1 s", async () => {
    const csv = largeCsv(10_000);
    const started = performance.now();
    const table = await readTable(csv, (await inspectUpload(csv, "personeel.csv")).kind, {});
    const ms = performance.now() - started;
    console.info(`10k x 15 csv: ${ms.toFixed(0)} ms`);
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows[1]!.cells[12]).toEqual({ kind: "text", text: "0.8" });
    expect(ms).toBeLessThan(1_000);
  });
});
