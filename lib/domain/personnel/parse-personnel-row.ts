import type { CellProblem } from "@/lib/excel/mark/mark-problems";
import { cellText, parseDateCell, parseDecimalCell, parseDigitsCell, type NormalizedCell } from "@/lib/excel/read/normalize-cell";
import type { RawRow } from "@/lib/excel/read/read-table";
import {
  EARLIEST_PLAUSIBLE_START_YEAR,
  KIND_VALUES,
  LEGAL_STATUS_VALUES,
  PERSONNEL_COLUMNS,
  STATUS_VALUES,
  USUAL_FTE,
  type PersonnelColumnKey,
} from "./personnel-list-format";

export interface ParsedRelationRow {
  rowNumber: number;
  vlimpers: string;
  lastName: string;
  firstName: string;
  relationNumber: number;
  kind: "employee" | "non_employee";
  nonEmployeeCategory: string | null;
  legalStatus: "statutory" | "contractual" | "mandate";
  status: "active" | "leave" | "inactive";
  startDate: string;
  endDate: string | null;
  gradeCode: string | null;
  functionCode: string | null;
  /** Three decimals, as stored. */
  fte: string;
  unitCode: string | null;
  costCentreCode: string | null;
}

/**
 * What is readable of a row even when it has other errors: its reference codes, so they are
 * checked too, and its relation, which is then still in the list (not "gone").
 */
export interface ReferenceCodes {
  rowNumber: number;
  /** "vlimpers/relationNumber" when both are readable. */
  relationKey: string | null;
  gradeCode: string | null;
  functionCode: string | null;
  unitCode: string | null;
  costCentreCode: string | null;
}

export type ColumnIndexes = Partial<Record<PersonnelColumnKey, number>>;

const HEADER_OF = Object.fromEntries(PERSONNEL_COLUMNS.map((c) => [c.key, c.header])) as Record<PersonnelColumnKey, string>;

/**
 * Reads one row of the personnel list into typed values, collecting every problem of the row
 * (not just the first), each tied to its cell. Returns null when the row has errors.
 */
export function parsePersonnelRow(
  row: RawRow,
  columns: ColumnIndexes,
  options: { date1904: boolean },
): { parsed: ParsedRelationRow | null; codes: ReferenceCodes; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const cellOf = (key: PersonnelColumnKey): NormalizedCell => {
    const index = columns[key];
    return index === undefined ? { kind: "empty" } : (row.cells[index] ?? { kind: "empty" });
  };
  const problem = (key: PersonnelColumnKey, severity: CellProblem["severity"], message: string) => {
    const index = columns[key];
    problems.push({
      rowNumber: row.rowNumber,
      column: index === undefined ? undefined : index + 1,
      columnLabel: HEADER_OF[key],
      severity,
      message,
    });
  };
  const text = (key: PersonnelColumnKey) => cellText(cellOf(key));
  const required = (key: PersonnelColumnKey): string | null => {
    const value = text(key);
    if (!value) problem(key, "error", `${HEADER_OF[key]} ontbreekt. Vul deze kolom in.`);
    return value || null;
  };
  const choice = <T extends string>(key: PersonnelColumnKey, values: Record<string, T>): T | null => {
    const value = required(key);
    if (value === null) return null;
    const found = values[value.toLowerCase()];
    if (!found) problem(key, "error", `"${value}" is geen geldige waarde voor ${HEADER_OF[key]}. Kies uit: ${Object.keys(values).join(", ")}.`);
    return found ?? null;
  };
  const date = (key: PersonnelColumnKey, isRequired: boolean): string | null => {
    const cell = cellOf(key);
    if (cell.kind === "empty" || !cellText(cell)) {
      if (isRequired) problem(key, "error", `${HEADER_OF[key]} ontbreekt. Vul een datum in als dd/mm/jjjj.`);
      return null;
    }
    const result = parseDateCell(cell, options);
    if (!result.ok) {
      problem(key, "error", `"${cellText(cell)}" is geen geldige datum. Gebruik dd/mm/jjjj, bijvoorbeeld 01/09/2024.`);
      return null;
    }
    return result.iso;
  };

  const vlimpersCell = cellOf("vlimpers");
  const vlimpers = parseDigitsCell(vlimpersCell, 6);
  if (!cellText(vlimpersCell)) problem("vlimpers", "error", "Vlimpersnummer ontbreekt. Vul het nummer van 6 cijfers in.");
  else if (!vlimpers.ok) problem("vlimpers", "error", `"${cellText(vlimpersCell)}" is geen Vlimpersnummer: dat zijn precies 6 cijfers, bijvoorbeeld 012345.`);

  const lastName = required("lastName");
  const firstName = required("firstName");

  const relationText = required("relationNumber");
  const relationNumber = relationText === null ? null : Number(relationText.replace(",", "."));
  if (relationText !== null && !(Number.isInteger(relationNumber) && relationNumber! >= 1 && relationNumber! <= 999)) {
    problem("relationNumber", "error", `"${relationText}" is geen nummer van een arbeidsrelatie: gebruik een geheel getal vanaf 1.`);
  }

  const kind = choice("kind", KIND_VALUES);
  const legalStatus = choice("legalStatus", LEGAL_STATUS_VALUES);
  const status = choice("status", STATUS_VALUES);
  const startDate = date("startDate", true);
  const endDate = date("endDate", false);
  if (startDate && endDate && endDate < startDate) problem("endDate", "error", "De einddatum ligt voor de datum in dienst. Controleer beide datums.");
  if (startDate && Number(startDate.slice(0, 4)) < EARLIEST_PLAUSIBLE_START_YEAR) {
    problem("startDate", "warning", `De datum in dienst (${startDate}) ligt erg ver in het verleden. Klopt ze?`);
  }

  const fteCell = cellOf("fte");
  const fteResult = parseDecimalCell(fteCell);
  let fte: string | null = null;
  if (!cellText(fteCell)) problem("fte", "error", "VTE ontbreekt. Vul een getal groter dan 0 en hoogstens 1 in, bijvoorbeeld 0,8.");
  else if (!fteResult.ok || !(fteResult.value > 0 && fteResult.value <= 1)) {
    problem("fte", "error", `"${dutchDecimal(cellText(fteCell))}" is geen geldige VTE: gebruik een getal groter dan 0 en hoogstens 1, bijvoorbeeld 0,8.`);
  } else {
    const rounded = Math.round(fteResult.value * 1000) / 1000;
    if (Math.abs(rounded - fteResult.value) > 1e-9) problem("fte", "warning", `De VTE ${dutchDecimal(cellText(fteCell))} wordt afgerond tot ${dutchDecimal(String(rounded))}.`);
    else if (!(USUAL_FTE as readonly number[]).includes(rounded)) problem("fte", "warning", `Een VTE van ${dutchDecimal(String(rounded))} is ongebruikelijk. Klopt ze?`);
    fte = rounded.toFixed(3);
  }

  const gradeCode = text("grade") || null;
  const functionCode = text("functionCode") || null;
  const unitCode = text("unit") || null;
  const costCentreCode = text("costCentre") || null;
  const nonEmployeeCategory = text("nonEmployeeCategory") || null;
  if (kind === "employee" && !gradeCode) problem("grade", "error", "Een werknemer heeft een graad nodig. Vul de graadcode in.");
  if (kind === "employee" && !unitCode) problem("unit", "error", "Een werknemer hoort bij een organisatie-eenheid. Vul de code in.");
  if (!functionCode) problem("functionCode", "warning", "Geen functiecode: deze arbeidsrelatie krijgt in stap 1 geen arbeidsplaats en gaat naar stap 3.");
  if (status === "active" && endDate && startDate && endDate < todayIso()) {
    problem("status", "warning", `De arbeidsrelatie is actief maar eindigde op ${endDate}. Klopt de status?`);
  }

  const readableKey = vlimpers.ok && relationNumber !== null && Number.isInteger(relationNumber) ? `${vlimpers.digits}/${relationNumber}` : null;
  const codes: ReferenceCodes = { rowNumber: row.rowNumber, relationKey: readableKey, gradeCode, functionCode, unitCode, costCentreCode };
  if (problems.some((p) => p.severity === "error")) return { parsed: null, codes, problems };
  return {
    problems,
    codes,
    parsed: {
      rowNumber: row.rowNumber,
      vlimpers: vlimpers.ok ? vlimpers.digits : "",
      lastName: lastName!,
      firstName: firstName!,
      relationNumber: relationNumber!,
      kind: kind!,
      nonEmployeeCategory,
      legalStatus: legalStatus!,
      status: status!,
      startDate: startDate!,
      endDate,
      gradeCode,
      functionCode,
      fte: fte!,
      unitCode,
      costCentreCode,
    },
  };
}

/** Numbers in messages as a Dutch reader writes them: 0,35 rather than 0.35. */
function dutchDecimal(text: string): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
