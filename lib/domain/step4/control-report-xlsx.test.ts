import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { inspectUpload } from "@/lib/excel/read/inspect-upload";
import { matchHeaders } from "@/lib/excel/read/match-headers";
import { readTable } from "@/lib/excel/read/read-table";
import {
  CONTROL_REPORT_COLUMNS,
  CONTROL_REPORT_ENTITY_COLUMNS,
  CONTROL_REPORT_INSTRUCTIONS_SHEET,
  CONTROL_REPORT_SHEET,
  ORANGE_FILL,
  type ControlReportColumnKey,
} from "./control-report-format";
import { controlReportXlsxBuffer, type ControlReportLine } from "./control-report-xlsx";

const line = (overrides: Partial<ControlReportLine>): ControlReportLine => ({
  positionNumber: 40001,
  functionCode: "F100",
  functionTitle: "Beleidsmedewerker",
  gradeCode: "A1",
  unitCode: "U01",
  unitName: "Dienst 1",
  costCentreCode: "KP1",
  dutyLocationCode: "BXL",
  fte: 0.8,
  validFrom: "2026-03-01",
  requestedForVlimpers: "012345",
  requestedForName: "Jansens, An",
  requestedForRelation: 1,
  note: null,
  ...overrides,
});

const LINES: ControlReportLine[] = [
  line({ requestedForName: '=HYPERLINK("http://x")', note: "Dringend" }),
  line({ positionNumber: 40002, requestedForName: "+32 2", unitName: "@SUM(A1)", gradeCode: null, fte: 1 }),
  line({ positionNumber: 40003, requestedForVlimpers: null, requestedForName: null, requestedForRelation: null, note: "-vrije rij" }),
];

const input = { entityName: "Departement Omgeving", runDateLabel: "12/03/2026", lines: LINES };
const LAST_ROW = 1 + LINES.length;

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer); // exceljs declares its own Buffer type
  return workbook;
}

/** The XML part of a sheet, found by name as Excel does (workbook.xml -> rels). */
async function sheetXml(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return zip.file(`xl/${target!.replace(/^\/?xl\//, "")}`)!.async("string");
}

function validations(xml: string) {
  return [...xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)].map((m) => ({
    type: /type="([^"]+)"/.exec(m[1]!)?.[1],
    sqref: /sqref="([^"]+)"/.exec(m[1]!)?.[1],
    error: /error="([^"]+)"/.exec(m[1]!)?.[1],
    formula1: /<formula1>(.*?)<\/formula1>/.exec(m[2]!)?.[1],
    formula2: /<formula2>(.*?)<\/formula2>/.exec(m[2]!)?.[1],
  }));
}

const columnOf = (key: ControlReportColumnKey) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
const letterOf = (key: ControlReportColumnKey) => String.fromCharCode(64 + columnOf(key));

describe("controlReportXlsxBuffer", () => {
  it("writes Instructies then Controlerapport, with the headers of the report format on row 1", async () => {
    const workbook = await load(await controlReportXlsxBuffer(input));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([CONTROL_REPORT_INSTRUCTIONS_SHEET, CONTROL_REPORT_SHEET]);
    const sheet = workbook.getWorksheet(CONTROL_REPORT_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CONTROL_REPORT_COLUMNS.map((c) => c.header));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const instructions = workbook.getWorksheet(CONTROL_REPORT_INSTRUCTIONS_SHEET)!;
    expect(instructions.getCell("A1").value).toBe("Controlerapport – Departement Omgeving – stap 4 uitgevoerd op 12/03/2026");
  });

  it("writes each position in its columns, the start date as a real date", async () => {
    const sheet = (await load(await controlReportXlsxBuffer(input))).getWorksheet(CONTROL_REPORT_SHEET)!;
    const cell = (row: number, key: ControlReportColumnKey) => sheet.getRow(row).getCell(columnOf(key));
    expect(cell(2, "positionNumber").value).toBe(40001);
    expect(cell(2, "functionCode").value).toBe("F100");
    expect(cell(2, "functionTitle").value).toBe("Beleidsmedewerker");
    expect(cell(2, "unitName").value).toBe("Dienst 1");
    expect(cell(2, "requestedForVlimpers").value).toBe("012345");
    expect(cell(2, "requestedForRelation").value).toBe(1);
    expect(cell(2, "note").value).toBe("Dringend");
    expect(cell(2, "fte").value).toBe(0.8);
    expect(cell(2, "fte").numFmt).toBe("0.0##");
    expect(cell(3, "grade").value).toBeNull();
    expect(cell(4, "requestedForName").value).toBeNull();

    const validFrom = cell(2, "validFrom");
    expect(validFrom.type).toBe(ExcelJS.ValueType.Date);
    expect(validFrom.value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(validFrom.numFmt).toBe("dd/mm/yyyy");
  });

  it("writes formula-like text as text, never as a formula or hyperlink", async () => {
    const buffer = await controlReportXlsxBuffer(input);
    const sheet = (await load(buffer)).getWorksheet(CONTROL_REPORT_SHEET)!;
    const cells = [sheet.getRow(2).getCell(columnOf("requestedForName")), sheet.getRow(3).getCell(columnOf("requestedForName")), sheet.getRow(3).getCell(columnOf("unitName")), sheet.getRow(4).getCell(columnOf("note"))];
    expect(cells.map((c) => c.value)).toEqual(['=HYPERLINK("http://x")', "+32 2", "@SUM(A1)", "-vrije rij"]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).filter((name) => name.includes("worksheets/_rels"))).toEqual([]);
    for (const name of [CONTROL_REPORT_INSTRUCTIONS_SHEET, CONTROL_REPORT_SHEET]) {
      const xml = await sheetXml(buffer, name);
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toMatch(/<hyperlink/i);
    }
  });

  it("puts the two orange columns right after the position number, and still reads a report in the earlier order by its headers", () => {
    expect(CONTROL_REPORT_COLUMNS.slice(0, 3).map((c) => c.key)).toEqual(["positionNumber", "vlimpers", "relationNumber"]);
    const earlier = [...CONTROL_REPORT_COLUMNS.filter((c) => !CONTROL_REPORT_ENTITY_COLUMNS.includes(c.key)), ...CONTROL_REPORT_COLUMNS.filter((c) => CONTROL_REPORT_ENTITY_COLUMNS.includes(c.key))];
    const match = matchHeaders(earlier.map((c) => c.header), CONTROL_REPORT_COLUMNS);
    expect(match.columns).toMatchObject({ positionNumber: 0, vlimpers: earlier.length - 2, relationNumber: earlier.length - 1 });
  });

  it("fills the orange columns with the person named in step 3, orange and editable, and locks everything else", async () => {
    const buffer = await controlReportXlsxBuffer(input);
    const sheet = (await load(buffer)).getWorksheet(CONTROL_REPORT_SHEET)!;
    const argb = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(CONTROL_REPORT_ENTITY_COLUMNS).toEqual(["vlimpers", "relationNumber"]);
    for (const key of CONTROL_REPORT_ENTITY_COLUMNS) {
      const head = sheet.getRow(1).getCell(columnOf(key));
      expect(argb(head)).toBe(ORANGE_FILL);
      expect(head.protection?.locked).not.toBe(false);
      for (let row = 2; row <= LAST_ROW; row++) {
        const cell = sheet.getRow(row).getCell(columnOf(key));
        const named = LINES[row - 2]!;
        expect(cell.value).toBe(key === "vlimpers" ? named.requestedForVlimpers : named.requestedForRelation);
        expect(argb(cell)).toBe(ORANGE_FILL);
        expect(cell.protection?.locked).toBe(false);
      }
    }
    expect(sheet.getRow(2).getCell(columnOf("vlimpers")).numFmt).toBe("@");
    for (const key of ["positionNumber", "functionCode", "validFrom", "requestedForVlimpers", "note"] as const) {
      expect(argb(sheet.getRow(1).getCell(columnOf(key)))).not.toBe(ORANGE_FILL);
      expect(argb(sheet.getRow(2).getCell(columnOf(key)))).toBeUndefined();
      expect(sheet.getRow(2).getCell(columnOf(key)).protection?.locked).not.toBe(false);
    }
    const protection = /<sheetProtection [^>]*\/>/.exec(await sheetXml(buffer, CONTROL_REPORT_SHEET))?.[0];
    expect(protection).toContain('sheet="1"');
    expect(protection).toContain('autoFilter="0"');
    expect(protection).not.toContain("hashValue");
  });

  it("checks the orange columns: 6 digits for the Vlimpers number, 1 to 999 for the relation", async () => {
    const found = validations(await sheetXml(await controlReportXlsxBuffer(input), CONTROL_REPORT_SHEET));
    const vlimpers = letterOf("vlimpers");
    const relation = letterOf("relationNumber");
    expect(found).toHaveLength(2);
    const custom = found.find((v) => v.sqref === `${vlimpers}2:${vlimpers}${LAST_ROW}`);
    expect(custom).toMatchObject({ type: "custom", error: "Een Vlimpersnummer bestaat uit 6 cijfers, bijvoorbeeld 012345." });
    expect(custom?.formula1).toContain(`LEN(${vlimpers}2)=6`);
    expect(found.find((v) => v.sqref === `${relation}2:${relation}${LAST_ROW}`)).toMatchObject({ type: "whole", formula1: "1", formula2: "999" });
  });

  it("writes an empty report (no positions) that still opens, from an async source", async () => {
    const buffer = await controlReportXlsxBuffer({ ...input, lines: toAsync([]) });
    const sheet = (await load(buffer)).getWorksheet(CONTROL_REPORT_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CONTROL_REPORT_COLUMNS.map((c) => c.header));
    expect(sheet.actualRowCount).toBe(1);
  });

  it("is read back by the step-5 upload: the position number and the orange columns are found", async () => {
    const buffer = await controlReportXlsxBuffer({ ...input, lines: toAsync(LINES) });
    const { kind } = await inspectUpload(buffer, "controlerapport.xlsx");
    const table = await readTable(buffer, kind, { sheetName: CONTROL_REPORT_SHEET });
    expect(table.headerRowNumber).toBe(1);
    const match = matchHeaders(table.headers, CONTROL_REPORT_COLUMNS);
    expect(match.missingRequired).toEqual([]);
    expect(match.columns).toMatchObject({ positionNumber: 0, vlimpers: columnOf("vlimpers") - 1, relationNumber: columnOf("relationNumber") - 1 });
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  // headerKey() ignores "(...)": headers that differ only inside parentheses would read as one column.
  it("is read back without duplicated columns", async () => {
    const buffer = await controlReportXlsxBuffer(input);
    const table = await readTable(buffer, "xlsx", { sheetName: CONTROL_REPORT_SHEET });
    expect(matchHeaders(table.headers, CONTROL_REPORT_COLUMNS).duplicated).toEqual([]);
  });
});

async function* toAsync<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
