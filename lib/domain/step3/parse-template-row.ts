import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { cellText, parseDateCell, parseDecimalCell, parseDigitsCell, type NormalizedCell } from "@/lib/excel/read/normalize-cell";
import type { RawRow } from "@/lib/excel/read/read-table";
import { DECISION_VALUES, TEMPLATE_COLUMNS, TEMPLATE_TEXT_MAX, type TemplateColumnKey, type TemplateDecision } from "./template-format";

/** One row of the template as typed values; codes are still codes (checked against reference data later). */
export interface TemplateRowValues {
  rowNumber: number;
  /** 6 digits; null on a free row. */
  vlimpers: string | null;
  relationNumber: number | null;
  /** null when the cell is empty (a free row then counts as requested). */
  decision: TemplateDecision | null;
  notNeededReason: string | null;
  functionCode: string | null;
  gradeCode: string | null;
  unitCode: string | null;
  costCentreCode: string | null;
  dutyLocationCode: string | null;
  /** Three decimals, as stored. */
  fte: string | null;
  validFrom: string | null;
  note: string | null;
  /** Columns with text that could not be read (their error is reported): not "missing". */
  unreadable: TemplateColumnKey[];
}

export type TemplateColumnIndexes = Partial<Record<TemplateColumnKey, number>>;

export const TEMPLATE_HEADER_OF = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, c.header])) as Record<TemplateColumnKey, string>;

/** Places a problem in a column of the file (or of the online form, which uses the same keys). */
export type ProblemAt = (key: TemplateColumnKey, severity: CellProblem["severity"], message: string) => void;

export function problemCollector(rowNumber: number, columns: TemplateColumnIndexes, problems: CellProblem[]): ProblemAt {
  return (key, severity, message) => {
    const index = columns[key];
    problems.push({ rowNumber, column: index === undefined ? undefined : index + 1, columnLabel: TEMPLATE_HEADER_OF[key], severity, message });
  };
}

/**
 * Reads one row of the template into typed values: what each cell says, whatever the reference
 * data. Problems of reading (a Vlimpers number that is no number, "misschien" as decision, a
 * date that is no date, an FTE out of range) are collected per cell; the value is then null.
 */
export function parseTemplateRow(row: RawRow, columns: TemplateColumnIndexes, options: { date1904: boolean }): { values: TemplateRowValues; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const unreadable: TemplateColumnKey[] = [];
  const collect = problemCollector(row.rowNumber, columns, problems);
  const problem: ProblemAt = (key, severity, message) => {
    if (severity === "error") unreadable.push(key);
    collect(key, severity, message);
  };
  const cellOf = (key: TemplateColumnKey): NormalizedCell => {
    const index = columns[key];
    return index === undefined ? { kind: "empty" } : (row.cells[index] ?? { kind: "empty" });
  };
  const text = (key: TemplateColumnKey) => cellText(cellOf(key)) || null;
  const freeText = (key: TemplateColumnKey) => {
    const value = text(key);
    if (value && value.length > TEMPLATE_TEXT_MAX) {
      problem(key, "error", `${TEMPLATE_HEADER_OF[key]} is te lang (${value.length} tekens). Houd het bij ${TEMPLATE_TEXT_MAX} tekens.`);
      return null;
    }
    return value;
  };

  let vlimpers: string | null = null;
  const vlimpersText = text("vlimpers");
  if (vlimpersText) {
    const parsed = parseDigitsCell(cellOf("vlimpers"), 6);
    if (parsed.ok) vlimpers = parsed.digits;
    else problem("vlimpers", "error", `"${vlimpersText}" is geen Vlimpersnummer: dat zijn precies 6 cijfers, bijvoorbeeld 012345.`);
  }

  let relationNumber: number | null = null;
  const relationText = text("relationNumber");
  if (relationText) {
    const number = /^\d+([.,]0+)?$/.test(relationText) ? Number(relationText.replace(",", ".")) : Number.NaN;
    if (Number.isInteger(number) && number >= 1 && number <= 999) relationNumber = number;
    else problem("relationNumber", "error", `"${relationText}" is geen nummer van een arbeidsrelatie: gebruik een geheel getal vanaf 1.`);
  }

  let decision: TemplateDecision | null = null;
  const decisionText = text("decision");
  if (decisionText) {
    decision = (DECISION_VALUES as Record<string, TemplateDecision>)[decisionText.toLowerCase()] ?? null;
    if (!decision) problem("decision", "error", `"${decisionText}" is geen keuze voor ${TEMPLATE_HEADER_OF.decision}. Kies Ja of Nee.`);
  }

  let fte: string | null = null;
  const fteText = text("fte");
  if (fteText) {
    const parsed = parseDecimalCell(cellOf("fte"));
    if (!parsed.ok || !(parsed.value > 0 && parsed.value <= 1)) {
      problem("fte", "error", `"${dutchDecimal(fteText)}" is geen geldige VTE: gebruik een getal groter dan 0 en hoogstens 1, bijvoorbeeld 0,8.`);
    } else {
      const rounded = Math.round(parsed.value * 1000) / 1000;
      if (rounded <= 0) problem("fte", "error", `De VTE ${dutchDecimal(fteText)} is te klein: gebruik minstens 0,001.`);
      else {
        if (Math.abs(rounded - parsed.value) > 1e-9) problem("fte", "warning", `De VTE ${dutchDecimal(fteText)} wordt afgerond tot ${dutchDecimal(String(rounded))}.`);
        fte = rounded.toFixed(3);
      }
    }
  }

  let validFrom: string | null = null;
  const validFromText = text("validFrom");
  if (validFromText) {
    const parsed = parseDateCell(cellOf("validFrom"), options);
    if (parsed.ok) validFrom = parsed.iso;
    else problem("validFrom", "error", `"${validFromText}" is geen geldige datum. Gebruik dd/mm/jjjj, bijvoorbeeld 01/09/2026.`);
  }

  return {
    problems,
    values: {
      rowNumber: row.rowNumber,
      vlimpers,
      relationNumber,
      decision,
      notNeededReason: freeText("notNeededReason"),
      functionCode: text("functionCode"),
      gradeCode: text("grade"),
      unitCode: text("unit"),
      costCentreCode: text("costCentre"),
      dutyLocationCode: text("dutyLocation"),
      fte,
      validFrom,
      note: freeText("note"),
      unreadable,
    },
  };
}

/** True when a row says nothing the upload reads (only informative columns, or nothing). */
export function isBlankTemplateRow(row: RawRow, columns: TemplateColumnIndexes, informative: readonly TemplateColumnKey[]): boolean {
  return Object.entries(columns).every(([key, index]) => informative.includes(key as TemplateColumnKey) || !cellText(row.cells[index as number]));
}

/** Numbers in messages as a Dutch reader writes them: 0,35 rather than 0.35. */
export function dutchDecimal(text: string): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}
