import { readFileSync } from "node:fs";
import { it } from "vitest";
import { CONTROL_REPORT_SHEET } from "@/lib/domain/step4/control-report-format";
import { inspectUpload } from "@/lib/excel/read/inspect-upload";
import { readTable } from "@/lib/excel/read/read-table";
import { markProblems } from "@/lib/excel/mark/mark-problems";
import { patchZip } from "@/lib/excel/read/test-support/zip-writer";

it("repro", async () => {
  const base = readFileSync("/tmp/control-base.xlsx");
  const content = await patchZip(base, (name, xml) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? xml.slice(0, Math.floor(xml.length * 0.7)) : xml));
  let timer = setTimeout(() => { console.log("HANG in readTable"); process.exit(1); }, 8000);
  try { const { kind } = await inspectUpload(content, "x.xlsx"); const t = await readTable(content, kind, { sheetName: CONTROL_REPORT_SHEET }); console.log("read ok", t.rows.length); } catch (e) { console.log("read rejected", (e as Error).message.slice(0, 60)); }
  clearTimeout(timer);
  timer = setTimeout(() => { console.log("HANG in markProblems"); process.exit(1); }, 8000);
  try { await markProblems(content, "xlsx", [{ rowNumber: 2, column: 1, severity: "error", message: "x" }], { sheetName: CONTROL_REPORT_SHEET }); console.log("marked ok"); } catch (e) { console.log("mark rejected", (e as Error).message.slice(0, 60)); }
  clearTimeout(timer);
}, 60000);
