import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { printableSheetOptions } from "@/lib/excel/print-setup";
import { safeCell } from "@/lib/excel/safe-cell";
import {
  DECISION_LABELS,
  TEMPLATE_COLUMNS,
  TEMPLATE_FREE_ROWS,
  TEMPLATE_INFORMATIVE_COLUMNS,
  TEMPLATE_INSTRUCTIONS_SHEET,
  TEMPLATE_LISTS_SHEET,
  TEMPLATE_SHEET,
  TEMPLATE_TEXT_MAX,
  type TemplateColumnKey,
} from "./template-format";

/** One green line of the step-2 report, as the template pre-fills it. */
export interface TemplateLine {
  vlimpers: string;
  name: string;
  relationNumber: number;
  /** Dutch reason the line was not handled. */
  reasonLabel: string;
  /** Pre-filled decision, usually null. */
  decision: "requested" | "not_needed" | null;
  notNeededReason: string | null;
  functionCode: string | null;
  functionTitle: string | null;
  gradeCode: string | null;
  unitCode: string | null;
  costCentreCode: string | null;
  dutyLocationCode: string | null;
  fte: number | null;
}

/** Reference data valid for the entity: active only, sorted by code. */
export interface TemplateLists {
  functions: { code: string; title: string }[];
  grades: { code: string; name: string }[];
  units: { code: string; name: string }[];
  costCentres: { code: string; name: string }[];
  dutyLocations: { code: string; name: string }[];
}

export interface TemplateXlsxInput {
  entityName: string;
  /** dd/mm/yyyy */
  generatedOn: string;
  lines: Iterable<TemplateLine> | AsyncIterable<TemplateLine>;
  /** Only for the instructions (written before the lines are read); ranges follow the lines actually written. */
  lineCount: number;
  lists: TemplateLists;
}

type Sheet = ExcelJS.Worksheet;
/** The stream writer has `dataValidations.add(range, ...)`; exceljs's typings leave it out. */
type SheetWithValidations = Sheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

const GREY = "FFE9ECEF";
const INFO_GREY = "FFF3F4F6";
const UNLOCKED: Partial<ExcelJS.Protection> = Object.freeze({ locked: false });
const PROTECTION_OPTIONS: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true, sort: true };

const COLUMN_HELP: Record<TemplateColumnKey, string> = {
  vlimpers: "Vlimpersnummer van het personeelslid van de groene lijn (6 cijfers). Leeg op een vrije rij.",
  name: "Naam van het personeelslid. Ter informatie.",
  relationNumber: "Nummer van de arbeidsrelatie van de groene lijn. Leeg op een vrije rij.",
  reason: "Waarom de lijn in stap 2 niet behandeld werd. Ter informatie.",
  decision: "Ja als er een arbeidsplaats nodig is, Nee als dat niet zo is. Verplicht op elke groene lijn.",
  notNeededReason: "Verplicht bij Nee: waarom er geen arbeidsplaats nodig is.",
  functionCode: "Code van de functie, uit de keuzelijst (namen op het blad Lijsten).",
  functionTitle: "Titel van de functie. Ter informatie: de titel volgt uit de functiecode.",
  grade: "Code van de graad, uit de keuzelijst.",
  unit: "Code van de organisatie-eenheid, uit de keuzelijst.",
  costCentre: "Code van de kostenplaats, uit de keuzelijst. Niet verplicht.",
  dutyLocation: "Code van de standplaats, uit de keuzelijst. Niet verplicht.",
  fte: "Voltijdse equivalenten: groter dan 0 en hoogstens 1, bijvoorbeeld 0,8.",
  validFrom: "Niet verplicht. Datum als dd/mm/jjjj; leeg = de dag waarop stap 4 wordt uitgevoerd.",
  note: `Vrije opmerking, hoogstens ${TEMPLATE_TEXT_MAX} tekens. Niet verplicht.`,
};

const WIDTHS: Partial<Record<TemplateColumnKey, number>> = { name: 28, reason: 34, notNeededReason: 30, functionTitle: 34, note: 30, fte: 8 };
const NUM_FMT: Partial<Record<TemplateColumnKey, string>> = { vlimpers: "@", fte: "0.0##", validFrom: "dd/mm/yyyy" };

const LINE_VALUE: Record<TemplateColumnKey, (line: TemplateLine) => unknown> = {
  vlimpers: (l) => l.vlimpers,
  name: (l) => l.name,
  relationNumber: (l) => l.relationNumber,
  reason: (l) => l.reasonLabel,
  decision: (l) => (l.decision ? DECISION_LABELS[l.decision] : null),
  notNeededReason: (l) => l.notNeededReason,
  functionCode: (l) => l.functionCode,
  functionTitle: (l) => l.functionTitle,
  grade: (l) => l.gradeCode,
  unit: (l) => l.unitCode,
  costCentre: (l) => l.costCentreCode,
  dutyLocation: (l) => l.dutyLocationCode,
  fte: (l) => l.fte,
  validFrom: () => null,
  note: () => null,
};

/** Lijsten: one code/name column pair per list; code columns A, C, E, G, I feed the drop-downs. */
const LISTS: { key: TemplateColumnKey; headers: [string, string]; rows(lists: TemplateLists): { code: string; name: string }[] }[] = [
  { key: "functionCode", headers: ["Functiecode", "Functietitel"], rows: (l) => l.functions.map((f) => ({ code: f.code, name: f.title })) },
  { key: "grade", headers: ["Graad", "Naam graad"], rows: (l) => l.grades },
  { key: "unit", headers: ["Organisatie-eenheid", "Naam"], rows: (l) => l.units },
  { key: "costCentre", headers: ["Kostenplaats", "Naam"], rows: (l) => l.costCentres },
  { key: "dutyLocation", headers: ["Standplaats", "Naam"], rows: (l) => l.dutyLocations },
];

const header = (key: TemplateColumnKey) => TEMPLATE_COLUMNS.find((c) => c.key === key)!.header;

/** The position template, streamed into `stream` (e.g. an HTTP response) as it is produced. */
export async function writeTemplateXlsx(stream: Writable, input: TemplateXlsxInput): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Arbeidsplaatsbeheer";
  writeInstructions(workbook.addWorksheet(TEMPLATE_INSTRUCTIONS_SHEET, printableSheetOptions({})), input);
  // Vlimpers number, name and relation stay in view: they say whom each line is for.
  const templateSheet = workbook.addWorksheet(TEMPLATE_SHEET, printableSheetOptions({ headerRow: 1, frozenColumns: 3 }));
  await writeTemplateSheet(templateSheet as SheetWithValidations, input);
  await writeListsSheet(workbook.addWorksheet(TEMPLATE_LISTS_SHEET, printableSheetOptions({ headerRow: 1 })), input.lists);
  await workbook.commit();
}

export async function templateXlsxBuffer(input: TemplateXlsxInput): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  await writeTemplateXlsx(stream, input);
  await done;
  return Buffer.concat(chunks);
}

function writeInstructions(sheet: Sheet, input: TemplateXlsxInput) {
  sheet.columns = [{ width: 26 }, { width: 100, style: { alignment: { wrapText: true, vertical: "top" } } }];
  const title = sheet.addRow([`Arbeidsplaatssjabloon – ${input.entityName} – aangemaakt op ${input.generatedOn}`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([]).commit();
  const h = header;
  const lines =
    input.lineCount > 0
      ? `Het blad ${TEMPLATE_SHEET} bevat ${input.lineCount} groene lijnen (rij 2 tot ${input.lineCount + 1}), gevolgd door ${TEMPLATE_FREE_ROWS} lege rijen.`
      : `Er zijn geen groene lijnen: het blad ${TEMPLATE_SHEET} bevat alleen ${TEMPLATE_FREE_ROWS} lege rijen.`;
  const instructions: [string, string][] = [
    ["Waarvoor", "Met dit sjabloon vraag je in stap 3 een arbeidsplaats aan voor de groene lijnen van het rapport van stap 2 die er een nodig hebben."],
    ["Inhoud", lines],
    ["Eén rij per arbeidsplaats", "Elke ingevulde rij is één aangevraagde arbeidsplaats."],
    [h("decision"), `Vul op elke groene lijn Ja of Nee in. Bij Nee vul je ook "${h("notNeededReason")}" in.`],
    ["Lege rijen", `Gebruik de lege rijen onder de groene lijnen voor arbeidsplaatsen die niet bij een groene lijn horen. Laat daar ${h("vlimpers")} en ${h("relationNumber")} leeg.`],
    ["Codes", `Kies ${h("functionCode")}, ${h("grade")}, ${h("unit")}, ${h("costCentre")} en ${h("dutyLocation")} uit de keuzelijst. Het blad ${TEMPLATE_LISTS_SHEET} toont bij elke code de naam.`],
    ["Ter informatie", `${h("functionTitle")}, ${h("name")} en ${h("reason")} (grijs) zijn alleen ter informatie. De functietitel volgt uit de functiecode.`],
    [h("fte"), "Een getal groter dan 0 en hoogstens 1, bijvoorbeeld 0,8."],
    [h("validFrom"), "Niet verplicht. Vul in als dd/mm/jjjj. Leeg = de dag waarop stap 4 wordt uitgevoerd."],
    ["Niet wijzigen", "Wijzig de rij met de kolomnamen niet (die is beveiligd) en ook de namen van de bladen niet."],
    ["Opladen", "Laad het ingevulde bestand op via de pagina van stap 3. Elk probleem wordt gemeld met rij en kolom."],
  ];
  for (const [label, text] of instructions) addLabelled(sheet, label, text);
  sheet.addRow([]).commit();
  const tableHeader = sheet.addRow([`Kolommen van het blad ${TEMPLATE_SHEET}`, "Uitleg"]);
  tableHeader.font = { bold: true };
  tableHeader.fill = { type: "pattern", pattern: "solid", fgColor: { argb: GREY } };
  tableHeader.commit();
  for (const column of TEMPLATE_COLUMNS) addLabelled(sheet, column.header, COLUMN_HELP[column.key]);
  sheet.commit();
}

function addLabelled(sheet: Sheet, label: string, text: string) {
  const row = sheet.addRow([label, text]);
  row.getCell(1).font = { bold: true };
  row.getCell(1).alignment = { vertical: "top" };
  row.commit();
}

async function writeTemplateSheet(sheet: SheetWithValidations, input: TemplateXlsxInput) {
  // Shared style objects: exceljs caches a style id per object, which keeps 75,000 cells fast.
  const dataStyles = TEMPLATE_COLUMNS.map((c): Partial<ExcelJS.Style> => {
    const numFmt = NUM_FMT[c.key];
    const informative = TEMPLATE_INFORMATIVE_COLUMNS.includes(c.key);
    return {
      protection: UNLOCKED,
      ...(numFmt ? { numFmt } : {}),
      ...(informative ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: INFO_GREY } } } : {}),
    };
  });
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: GREY } },
    protection: { locked: true },
  };
  // The column style (unlocked) covers cells Excel creates later, below and beside the rows written here.
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({
    width: Math.max(WIDTHS[c.key] ?? 14, c.header.length + 4),
    style: { protection: UNLOCKED, ...(NUM_FMT[c.key] ? { numFmt: NUM_FMT[c.key] } : {}) },
  }));

  const headerRow = sheet.addRow(TEMPLATE_COLUMNS.map((c) => c.header));
  headerRow.eachCell((cell) => (cell.style = headerStyle));
  headerRow.commit();

  const addStyledRow = (values: unknown[]) => {
    const row = sheet.addRow([]);
    dataStyles.forEach((style, i) => {
      const cell = row.getCell(i + 1);
      cell.value = safeCell(values[i]);
      cell.style = style;
    });
    row.commit();
  };
  let lineCount = 0;
  for await (const line of input.lines) {
    addStyledRow(TEMPLATE_COLUMNS.map((c) => LINE_VALUE[c.key](line)));
    lineCount++;
  }
  // Free rows are written with their (unlocked, grey) cells; a row without values needs a height to be written.
  for (let i = 0; i < TEMPLATE_FREE_ROWS; i++) {
    const row = sheet.addRow([]);
    row.height = 15;
    dataStyles.forEach((style, index) => (row.getCell(index + 1).style = style));
    row.commit();
  }

  const lastRow = 1 + lineCount + TEMPLATE_FREE_ROWS;
  const lastColumn = columnLetter(TEMPLATE_COLUMNS.length);
  sheet.autoFilter = `A1:${lastColumn}${lastRow}`;
  addValidations(sheet, input.lists, lastRow);
  await sheet.protect("", PROTECTION_OPTIONS);
  sheet.commit();
}

function addValidations(sheet: SheetWithValidations, lists: TemplateLists, lastRow: number) {
  const range = (key: TemplateColumnKey) => {
    const letter = columnLetter(TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1);
    return `${letter}2:${letter}${lastRow}`;
  };
  sheet.dataValidations.add(range("decision"), {
    type: "list",
    allowBlank: true,
    formulae: ['"Ja,Nee"'],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: header("decision"),
    error: "Kies Ja of Nee.",
  });
  LISTS.forEach((list, index) => {
    const count = list.rows(lists).length;
    if (count === 0) return;
    const letter = columnLetter(index * 2 + 1);
    sheet.dataValidations.add(range(list.key), {
      type: "list",
      allowBlank: true,
      formulae: [`${TEMPLATE_LISTS_SHEET}!$${letter}$2:$${letter}$${count + 1}`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: header(list.key),
      error: `Kies een code uit de lijst. Het blad ${TEMPLATE_LISTS_SHEET} toont alle codes met hun naam.`,
    });
  });
  sheet.dataValidations.add(range("fte"), {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [0.001, 1],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: header("fte"),
    error: "Vul een getal groter dan 0 en hoogstens 1 in, bijvoorbeeld 0,8.",
  });
}

async function writeListsSheet(sheet: Sheet, lists: TemplateLists) {
  sheet.columns = LISTS.flatMap(() => [{ width: 20 }, { width: 40 }]);
  const headerRow = sheet.addRow(LISTS.flatMap((l) => l.headers));
  headerRow.font = { bold: true };
  headerRow.fill = { type: "pattern", pattern: "solid", fgColor: { argb: GREY } };
  headerRow.commit();
  const columns = LISTS.map((l) => l.rows(lists));
  const length = Math.max(0, ...columns.map((c) => c.length));
  for (let i = 0; i < length; i++) {
    sheet.addRow(columns.flatMap((c) => [safeCell(c[i]?.code), safeCell(c[i]?.name)])).commit();
  }
  // Editing the lists would silently change the drop-downs; a sheet without password only prevents accidents.
  await sheet.protect("", PROTECTION_OPTIONS);
  sheet.commit();
}

function columnLetter(index: number): string {
  let letter = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}
