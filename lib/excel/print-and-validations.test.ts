import { describe, expect, it } from "vitest";
import { controlReportXlsxBuffer, type ControlReportLine } from "@/lib/domain/step4/control-report-xlsx";
import { CONTROL_REPORT_SHEET } from "@/lib/domain/step4/control-report-format";
import { markProblems } from "@/lib/excel/mark/mark-problems";
import { writeTablesXlsx } from "@/lib/excel/write-table";
import { sheetLayouts } from "@/tests/support/xlsx-scan";

const line = (i: number): ControlReportLine => ({
  positionNumber: 100000 + i,
  functionCode: "F001",
  functionTitle: "Dossierbeheerder",
  gradeCode: "B1",
  unitCode: "U1",
  unitName: "Eenheid",
  costCentreCode: null,
  dutyLocationCode: null,
  fte: 1,
  validFrom: "2026-01-01",
  requestedForVlimpers: null,
  requestedForName: null,
  requestedForRelation: null,
  note: null,
});

const controlReport = () => controlReportXlsxBuffer({ entityName: "Test", runDateLabel: "01/01/2026", lines: Array.from({ length: 250 }, (_, i) => line(i)) });

describe("generated sheets print landscape to the page width, with the header on every page", () => {
  it("a table download: landscape, fit to width, header row repeated and frozen with the key columns", async () => {
    const xlsx = await writeTablesXlsx([{ sheetName: "Lijst", title: "Titel", frozenColumns: 2, columns: [{ header: "A", value: (r: number) => r }, { header: "B", value: (r: number) => r }, { header: "C", value: (r: number) => r }], rows: [1, 2, 3] }]);
    expect(await sheetLayouts(xlsx)).toMatchObject([{ name: "Lijst", orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitles: "$3:$3", frozenRows: 3, frozenColumns: 2 }]);
  });

  it("the control report: both sheets landscape, the report's header and orange columns frozen", async () => {
    const layouts = await sheetLayouts(await controlReport());
    for (const layout of layouts) expect(layout).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(layouts.find((l) => l.name === CONTROL_REPORT_SHEET)).toMatchObject({ printTitles: "$1:$1", frozenRows: 1, frozenColumns: 3 });
  });
});

describe("no two data validations overlap", () => {
  it("in the control report", async () => {
    const report = (await sheetLayouts(await controlReport())).find((l) => l.name === CONTROL_REPORT_SHEET)!;
    expect(report.validations).toEqual(["B2:B251", "C2:C251"]);
    expect(report.overlappingValidations).toEqual([]);
  });

  it("in the control report sent back with its problems marked (was B2:B251 beside B10:B251)", async () => {
    const marked = await markProblems(await controlReport(), "xlsx", [{ rowNumber: 5, column: 2, severity: "error", message: "Onbekend Vlimpersnummer." }], { sheetName: CONTROL_REPORT_SHEET });
    const layouts = await sheetLayouts(marked);
    const report = layouts.find((l) => l.name === CONTROL_REPORT_SHEET)!;
    expect(report.overlappingValidations).toEqual([]);
    expect([...report.validations].sort()).toEqual(["B2:B251", "C2:C251"]);
    expect(layouts.find((l) => l.name === "Problemen")).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitles: "$1:$1", frozenRows: 1 });
  });
});
