import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { printableSheetOptions } from "@/lib/excel/print-setup";
import { safeCell } from "@/lib/excel/safe-cell";
import {
  CONTROL_REPORT_COLUMNS,
  CONTROL_REPORT_ENTITY_COLUMNS,
  CONTROL_REPORT_INSTRUCTIONS_SHEET,
  CONTROL_REPORT_SHEET,
  ORANGE_FILL,
  type ControlReportColumnKey,
} from "./control-report-format";

/** One position created in step 4. */
export interface ControlReportLine {
  positionNumber: number;
  functionCode: string;
  functionTitle: string;
  gradeCode: string | null;
  unitCode: string | null;
  unitName: string | null;
  costCentreCode: string | null;
  dutyLocationCode: string | null;
  fte: number;
  /** ISO yyyy-mm-dd */
  validFrom: string;
  requestedForVlimpers: string | null;
  requestedForName: string | null;
  requestedForRelation: number | null;
  note: string | null;
}

export interface ControlReportXlsxInput {
  entityName: string;
  /** dd/mm/yyyy */
  runDateLabel: string;
  lines: Iterable<ControlReportLine> | AsyncIterable<ControlReportLine>;
}

/** The stream writer has `dataValidations.add(range, ...)`; exceljs's typings leave it out. */
type SheetWithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

const GREY = "FFE9ECEF";
const PROTECTION_OPTIONS: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true, sort: true };

const LINE_VALUE: Record<ControlReportColumnKey, (line: ControlReportLine) => unknown> = {
  positionNumber: (l) => l.positionNumber,
  functionCode: (l) => l.functionCode,
  functionTitle: (l) => l.functionTitle,
  grade: (l) => l.gradeCode,
  unit: (l) => l.unitCode,
  unitName: (l) => l.unitName,
  costCentre: (l) => l.costCentreCode,
  dutyLocation: (l) => l.dutyLocationCode,
  fte: (l) => l.fte,
  validFrom: (l) => isoToDate(l.validFrom),
  requestedForVlimpers: (l) => l.requestedForVlimpers,
  requestedForName: (l) => l.requestedForName,
  requestedForRelation: (l) => l.requestedForRelation,
  note: (l) => l.note,
  // The orange columns hold the person named in step 3, when there was one: the entity confirms,
  // changes or empties them (vacant) in step 5; the upload checks them like any other choice.
  vlimpers: (l) => (l.requestedForVlimpers && l.requestedForRelation !== null ? l.requestedForVlimpers : null),
  relationNumber: (l) => (l.requestedForVlimpers && l.requestedForRelation !== null ? l.requestedForRelation : null),
};

const WIDTHS: Partial<Record<ControlReportColumnKey, number>> = { functionTitle: 34, unitName: 30, requestedForName: 28, note: 30, fte: 8 };
const NUM_FMT: Partial<Record<ControlReportColumnKey, string>> = { fte: "0.0##", validFrom: "dd/mm/yyyy", vlimpers: "@", requestedForVlimpers: "@" };

/** The control report of step 4, streamed into `stream` (e.g. an HTTP response) as it is produced. */
export async function writeControlReportXlsx(stream: Writable, input: ControlReportXlsxInput): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Arbeidsplaatsbeheer";
  writeInstructions(workbook.addWorksheet(CONTROL_REPORT_INSTRUCTIONS_SHEET, printableSheetOptions({})), input);
  // The position number and the two orange columns stay in view while the entity fills them.
  const sheet = workbook.addWorksheet(CONTROL_REPORT_SHEET, printableSheetOptions({ headerRow: 1, frozenColumns: 3 })) as SheetWithValidations;
  await writeReportSheet(sheet, input.lines);
  await workbook.commit();
}

export async function controlReportXlsxBuffer(input: ControlReportXlsxInput): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  await writeControlReportXlsx(stream, input);
  await done;
  return Buffer.concat(chunks);
}

const header = (key: ControlReportColumnKey) => CONTROL_REPORT_COLUMNS.find((c) => c.key === key)!.header;

function writeInstructions(sheet: ExcelJS.Worksheet, input: ControlReportXlsxInput) {
  sheet.columns = [{ width: 22 }, { width: 100, style: { alignment: { wrapText: true, vertical: "top" } } }];
  const title = sheet.addRow([`Controlerapport – ${input.entityName} – stap 4 uitgevoerd op ${input.runDateLabel}`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([]).commit();
  const orange = `"${header("vlimpers")}" en "${header("relationNumber")}"`;
  const instructions: [string, string][] = [
    ["Wat", `Het blad ${CONTROL_REPORT_SHEET} toont de arbeidsplaatsen die stap 4 heeft aangemaakt op basis van jullie sjabloon, elk met het nummer van de nieuwe arbeidsplaats.`],
    ["Controleer", "Kijk na of de arbeidsplaatsen kloppen."],
    ["Stap 5", `De twee oranje kolommen ${orange}, meteen na het nummer van de arbeidsplaats, zeggen wie de arbeidsplaats inneemt: het Vlimpersnummer (6 cijfers, bijvoorbeeld 012345) en het nummer van de arbeidsrelatie van dat personeelslid.`],
    ["Vooraf ingevuld", 'Werd in stap 3 iemand opgegeven ("Aangevraagd voor"), dan staat die al in de oranje kolommen. Kijk na, pas aan waar nodig en laat staan wat klopt.'],
    ["Vacant", "Blijft een arbeidsplaats vacant, maak dan beide oranje kolommen leeg."],
    ["Niet wijzigen", "Wijzig de andere kolommen en de rij met de kolomnamen niet; ze zijn beveiligd. Filteren kan wel."],
    ["Opladen", "Laad het ingevulde bestand op via de pagina van stap 5, of vul de oranje kolommen daar online in."],
  ];
  for (const [label, text] of instructions) {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: "top" };
    row.commit();
  }
  sheet.commit();
}

async function writeReportSheet(sheet: SheetWithValidations, lines: ControlReportXlsxInput["lines"]) {
  const orangeFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: ORANGE_FILL } };
  const isEntityColumn = (key: ControlReportColumnKey) => CONTROL_REPORT_ENTITY_COLUMNS.includes(key);
  // Shared style objects: exceljs caches a style id per object. Everything stays locked except the orange cells.
  const dataStyles = CONTROL_REPORT_COLUMNS.map((c): Partial<ExcelJS.Style> => {
    const numFmt = NUM_FMT[c.key];
    return {
      ...(numFmt ? { numFmt } : {}),
      ...(isEntityColumn(c.key) ? { fill: orangeFill, protection: { locked: false } } : {}),
    };
  });
  const headerStyles = CONTROL_REPORT_COLUMNS.map((c): Partial<ExcelJS.Style> => ({
    font: { bold: true },
    fill: isEntityColumn(c.key) ? orangeFill : { type: "pattern", pattern: "solid", fgColor: { argb: GREY } },
    protection: { locked: true },
  }));
  sheet.columns = CONTROL_REPORT_COLUMNS.map((c) => ({
    width: Math.max(WIDTHS[c.key] ?? 14, Math.min(c.header.length + 4, 36)),
    style: NUM_FMT[c.key] ? { numFmt: NUM_FMT[c.key] } : {},
  }));

  const headerRow = sheet.addRow([]);
  CONTROL_REPORT_COLUMNS.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = c.header;
    cell.style = headerStyles[i]!;
  });
  headerRow.commit();

  let count = 0;
  for await (const line of lines) {
    const row = sheet.addRow([]);
    CONTROL_REPORT_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = safeCell(LINE_VALUE[c.key](line));
      cell.style = dataStyles[i]!;
    });
    row.commit();
    count++;
  }

  const lastRow = 1 + Math.max(count, 1);
  sheet.autoFilter = `A1:${columnLetter(CONTROL_REPORT_COLUMNS.length)}${lastRow}`;
  if (count > 0) addValidations(sheet, lastRow);
  await sheet.protect("", PROTECTION_OPTIONS);
  sheet.commit();
}

function addValidations(sheet: SheetWithValidations, lastRow: number) {
  const letterOf = (key: ControlReportColumnKey) => columnLetter(CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1);
  const vlimpers = letterOf("vlimpers");
  // Relative to the top-left cell of the range. Excel's own text compare also refuses "1234,5", "-12345" or " 12345".
  const first = `${vlimpers}2`;
  sheet.dataValidations.add(`${first}:${vlimpers}${lastRow}`, {
    type: "custom",
    allowBlank: true,
    formulae: [`AND(LEN(${first})=6,ISNUMBER(--${first}),${first}&""=TEXT(--${first},"000000"))`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: header("vlimpers"),
    error: "Een Vlimpersnummer bestaat uit 6 cijfers, bijvoorbeeld 012345.",
  });
  const relation = letterOf("relationNumber");
  sheet.dataValidations.add(`${relation}2:${relation}${lastRow}`, {
    type: "whole",
    operator: "between",
    allowBlank: true,
    formulae: [1, 999],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: header("relationNumber"),
    error: "Het nummer van de arbeidsrelatie is een geheel getal van 1 tot 999.",
  });
}

/** An ISO date as a date cell (UTC midnight, which exceljs writes as that day); anything else stays text. */
function isoToDate(iso: string): Date | string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? iso : date;
}

function columnLetter(index: number): string {
  let letter = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}
