import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { inspectUpload } from "@/lib/excel/read/inspect-upload";
import { matchHeaders } from "@/lib/excel/read/match-headers";
import { readTable } from "@/lib/excel/read/read-table";
import { parseTemplateRow, type TemplateColumnIndexes } from "./parse-template-row";
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_FREE_ROWS,
  TEMPLATE_INSTRUCTIONS_SHEET,
  TEMPLATE_LISTS_SHEET,
  TEMPLATE_SHEET,
  type TemplateColumnKey,
} from "./template-format";
import { templateXlsxBuffer, type TemplateLine, type TemplateLists } from "./template-xlsx";

const line = (overrides: Partial<TemplateLine>): TemplateLine => ({
  vlimpers: "012345",
  name: "Jansens, An",
  relationNumber: 1,
  reasonLabel: "Geen arbeidsplaats gevonden",
  decision: null,
  notNeededReason: null,
  functionCode: null,
  functionTitle: null,
  gradeCode: null,
  unitCode: null,
  costCentreCode: null,
  dutyLocationCode: null,
  fte: null,
  ...overrides,
});

const LINES: TemplateLine[] = [
  line({ name: '=HYPERLINK("http://x")', decision: "requested", functionCode: "F100", functionTitle: "Beleidsmedewerker", gradeCode: "A1", unitCode: "U01", costCentreCode: "KP1", dutyLocationCode: "BXL", fte: 0.8 }),
  line({ vlimpers: "000777", name: "+32 2", relationNumber: 2, decision: "not_needed", notNeededReason: "Vertrekt" }),
  line({ vlimpers: "123456", name: "@SUM(A1)", relationNumber: 3, reasonLabel: "-1" }),
];

const LISTS: TemplateLists = {
  functions: [
    { code: "F100", title: "Beleidsmedewerker" },
    { code: "F200", title: "=cmd|' /C calc'!A0" },
  ],
  grades: [{ code: "A1", name: "Attaché" }],
  units: [
    { code: "U01", name: "Dienst 1" },
    { code: "U02", name: "Dienst 2" },
    { code: "U03", name: "Dienst 3" },
  ],
  costCentres: [{ code: "KP1", name: "Kostenplaats 1" }],
  dutyLocations: [],
};

const input = { entityName: "Departement Omgeving", generatedOn: "05/03/2026", lines: LINES, lineCount: LINES.length, lists: LISTS };
const LAST_ROW = 1 + LINES.length + TEMPLATE_FREE_ROWS;

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
    errorStyle: /errorStyle="([^"]+)"/.exec(m[1]!)?.[1],
    formula1: /<formula1>(.*?)<\/formula1>/.exec(m[2]!)?.[1],
    formula2: /<formula2>(.*?)<\/formula2>/.exec(m[2]!)?.[1],
  }));
}

const columnOf = (key: TemplateColumnKey) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
const letterOf = (key: TemplateColumnKey) => String.fromCharCode(64 + columnOf(key));

describe("templateXlsxBuffer", () => {
  it("writes Instructies, Sjabloon and Lijsten, with the headers of the template format on row 1", async () => {
    const workbook = await load(await templateXlsxBuffer(input));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([TEMPLATE_INSTRUCTIONS_SHEET, TEMPLATE_SHEET, TEMPLATE_LISTS_SHEET]);
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    const instructions = workbook.getWorksheet(TEMPLATE_INSTRUCTIONS_SHEET)!;
    expect(instructions.getCell("A1").value).toBe("Arbeidsplaatssjabloon – Departement Omgeving – aangemaakt op 05/03/2026");
    const labels = instructions.getColumn(1).values;
    for (const column of TEMPLATE_COLUMNS) expect(labels).toContain(column.header);
  });

  it("pre-fills each green line in its own columns", async () => {
    const sheet = (await load(await templateXlsxBuffer(input))).getWorksheet(TEMPLATE_SHEET)!;
    const cell = (row: number, key: TemplateColumnKey) => sheet.getRow(row).getCell(columnOf(key));
    expect(cell(2, "vlimpers").value).toBe("012345");
    expect(cell(2, "relationNumber").value).toBe(1);
    expect(cell(2, "reason").value).toBe("Geen arbeidsplaats gevonden");
    expect(cell(2, "decision").value).toBe("Ja");
    expect(cell(2, "functionCode").value).toBe("F100");
    expect(cell(2, "functionTitle").value).toBe("Beleidsmedewerker");
    expect(cell(2, "grade").value).toBe("A1");
    expect(cell(2, "unit").value).toBe("U01");
    expect(cell(2, "costCentre").value).toBe("KP1");
    expect(cell(2, "dutyLocation").value).toBe("BXL");
    expect(cell(2, "fte").value).toBe(0.8);
    expect(cell(2, "fte").numFmt).toBe("0.0##");
    expect(cell(3, "vlimpers").value).toBe("000777");
    expect(cell(3, "decision").value).toBe("Nee");
    expect(cell(3, "notNeededReason").value).toBe("Vertrekt");
    expect(cell(4, "decision").value).toBeNull();
    expect(cell(4, "fte").value).toBeNull();
    expect(cell(LINES.length + 2, "vlimpers").value).toBeNull();
  });

  it("writes formula-like text as text, never as a formula or hyperlink", async () => {
    const buffer = await templateXlsxBuffer(input);
    const workbook = await load(buffer);
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
    const names = [2, 3, 4].map((row) => sheet.getRow(row).getCell(columnOf("name")));
    expect(names.map((c) => c.value)).toEqual(['=HYPERLINK("http://x")', "+32 2", "@SUM(A1)"]);
    for (const cell of names) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(sheet.getRow(4).getCell(columnOf("reason")).type).toBe(ExcelJS.ValueType.String);
    const lists = workbook.getWorksheet(TEMPLATE_LISTS_SHEET)!;
    expect(lists.getCell("B3").type).toBe(ExcelJS.ValueType.String);

    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).filter((name) => name.includes("worksheets/_rels"))).toEqual([]);
    for (const name of [TEMPLATE_INSTRUCTIONS_SHEET, TEMPLATE_SHEET, TEMPLATE_LISTS_SHEET]) {
      const xml = await sheetXml(buffer, name);
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toMatch(/<hyperlink/i);
    }
  });

  it("offers drop-downs from the Lijsten sheet, Ja/Nee and a VTE range over the green lines and the free rows", async () => {
    const buffer = await templateXlsxBuffer(input);
    const found = validations(await sheetXml(buffer, TEMPLATE_SHEET));
    const on = (key: TemplateColumnKey) => found.filter((v) => v.sqref === `${letterOf(key)}2:${letterOf(key)}${LAST_ROW}`);
    expect(on("decision")).toEqual([{ type: "list", sqref: `E2:E${LAST_ROW}`, errorStyle: "stop", formula1: "&quot;Ja,Nee&quot;", formula2: undefined }]);
    expect(on("functionCode")[0]).toMatchObject({ type: "list", errorStyle: "stop", formula1: `${TEMPLATE_LISTS_SHEET}!$A$2:$A$3` });
    expect(on("grade")[0]).toMatchObject({ type: "list", formula1: `${TEMPLATE_LISTS_SHEET}!$C$2:$C$2` });
    expect(on("unit")[0]).toMatchObject({ type: "list", formula1: `${TEMPLATE_LISTS_SHEET}!$E$2:$E$4` });
    expect(on("costCentre")[0]).toMatchObject({ type: "list", formula1: `${TEMPLATE_LISTS_SHEET}!$G$2:$G$2` });
    expect(on("dutyLocation")).toEqual([]); // empty list: no drop-down that refuses everything
    expect(on("fte")[0]).toMatchObject({ type: "decimal", errorStyle: "stop", formula1: "0.001", formula2: "1" });

    const lists = (await load(buffer)).getWorksheet(TEMPLATE_LISTS_SHEET)!;
    expect((lists.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Functiecode", "Functietitel", "Graad", "Naam graad", "Organisatie-eenheid", "Naam", "Kostenplaats", "Naam", "Standplaats", "Naam",
    ]);
    expect((lists.getRow(2).values as unknown[]).slice(1)).toEqual(["F100", "Beleidsmedewerker", "A1", "Attaché", "U01", "Dienst 1", "KP1", "Kostenplaats 1"]);
    expect(lists.getCell("E4").value).toBe("U03");
    expect(lists.getCell("A4").value).toBeNull();
  });

  it("protects the header row and leaves green lines, free rows and cells below them editable", async () => {
    const buffer = await templateXlsxBuffer(input);
    const sheet = (await load(buffer)).getWorksheet(TEMPLATE_SHEET)!;
    for (const key of ["vlimpers", "decision", "fte"] as const) expect(sheet.getRow(1).getCell(columnOf(key)).protection?.locked).not.toBe(false);
    for (const row of [2, LINES.length + 2, LAST_ROW, LAST_ROW + 50]) {
      for (const key of ["vlimpers", "decision", "functionCode", "note"] as const) expect(sheet.getRow(row).getCell(columnOf(key)).protection?.locked).toBe(false);
    }
    const xml = await sheetXml(buffer, TEMPLATE_SHEET);
    const protection = /<sheetProtection [^>]*\/>/.exec(xml)?.[0];
    expect(protection).toContain('sheet="1"');
    expect(protection).toContain('autoFilter="0"'); // "0" = not protected: filtering stays possible
    expect(protection).not.toContain("hashValue");
  });

  it("greys the informative columns on data rows only", async () => {
    const sheet = (await load(await templateXlsxBuffer(input))).getWorksheet(TEMPLATE_SHEET)!;
    const argb = (row: number, key: TemplateColumnKey) => (sheet.getRow(row).getCell(columnOf(key)).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(argb(2, "name")).toBe("FFF3F4F6");
    expect(argb(LAST_ROW, "functionTitle")).toBe("FFF3F4F6");
    expect(argb(2, "functionCode")).toBeUndefined();
    expect(argb(1, "name")).toBe("FFE9ECEF");
  });

  it("is read back by the template upload: headers matched, a green line parsed", async () => {
    const buffer = await templateXlsxBuffer({ ...input, lines: toAsync(LINES) });
    const { kind } = await inspectUpload(buffer, "sjabloon.xlsx");
    const table = await readTable(buffer, kind, { sheetName: TEMPLATE_SHEET });
    expect(table.headerRowNumber).toBe(1);
    const match = matchHeaders(table.headers, TEMPLATE_COLUMNS);
    expect(Object.keys(match.columns).sort()).toEqual(TEMPLATE_COLUMNS.map((c) => c.key).sort());
    const first = table.rows.find((row) => row.rowNumber === 2)!;
    const { values, problems } = parseTemplateRow(first, match.columns as TemplateColumnIndexes, { date1904: table.date1904 });
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ vlimpers: "012345", relationNumber: 1, decision: "requested", functionCode: "F100", gradeCode: "A1", fte: "0.800" });
  });

  it("writes 5,000 green lines with realistic lists well within 2 seconds", async () => {
    const codes = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ code: `${prefix}${String(i).padStart(4, "0")}`, name: `${prefix} omschrijving ${i}` }));
    const lists: TemplateLists = {
      functions: codes(200, "F").map((f) => ({ code: f.code, title: f.name })),
      grades: codes(50, "G"),
      units: codes(100, "U"),
      costCentres: codes(50, "K"),
      dutyLocations: codes(30, "S"),
    };
    const lines = Array.from({ length: 5000 }, (_, i) =>
      line({ vlimpers: String(100000 + i), name: `Personeelslid ${i}`, relationNumber: (i % 3) + 1, functionCode: "F0001", functionTitle: "Functie 1", gradeCode: "G0001", unitCode: "U0001", fte: 1 }),
    );
    const started = performance.now();
    const buffer = await templateXlsxBuffer({ entityName: "Groot agentschap", generatedOn: "05/03/2026", lines, lineCount: lines.length, lists });
    const elapsed = performance.now() - started;
    console.log(`template with 5,000 lines: ${elapsed.toFixed(0)} ms, ${(buffer.length / 1024).toFixed(0)} KiB`);
    expect(elapsed).toBeLessThan(4000);
    const xml = await sheetXml(buffer, TEMPLATE_SHEET);
    expect(xml).toContain(`<row r="${5001 + TEMPLATE_FREE_ROWS}"`);
    expect(xml).toContain(`sqref="G2:G${5001 + TEMPLATE_FREE_ROWS}"`);
  }, 30_000);
});

async function* toAsync<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
