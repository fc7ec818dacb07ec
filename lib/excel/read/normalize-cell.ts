import type ExcelJS from "exceljs";
import { dateToSerial, isDateFormat, serialToIsoDate } from "./excel-serial";
import { decodeExcelEscapes, normalizeSpaces } from "./text-spaces";

export { parseDateCell, parseDecimalCell, parseDigitsCell } from "./parse-cell";

/** A cell value as the domain needs it: never an object, never formula text. */
export type NormalizedCell =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "date"; iso: string /* YYYY-MM-DD */; text: string }
  | { kind: "boolean"; value: boolean; text: string }
  | { kind: "error"; text: string };

export interface NormalizeOptions {
  date1904: boolean;
  /** The cell's number format: a formula's cached number is a date when this is a date format. */
  numFmt?: string;
}

export const EMPTY_CELL: NormalizedCell = Object.freeze({ kind: "empty" });

/**
 * One exceljs cell value to a NormalizedCell:
 * - formulas (also shared and array formulas) give their cached result; without one, an error
 *   cell "#GEEN_RESULTAAT" (the file was written by a program that does not calculate);
 * - rich text is concatenated, a hyperlink gives its shown text;
 * - Dates (exceljs makes them from date-formatted numbers, in UTC) give their calendar day;
 * - text that is empty or only spaces is empty; Excel's _xHHHH_ escapes are decoded.
 * The streaming reader gives a formula's error result as NaN and its boolean result as 1/0;
 * those become "#FOUT" and a number.
 */
export function normalizeExcelValue(value: ExcelJS.CellValue | undefined, options: NormalizeOptions): NormalizedCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === "string") return textCell(value);
  if (typeof value === "number") return numberCell(value);
  if (typeof value === "boolean") return { kind: "boolean", value, text: value ? "WAAR" : "ONWAAR" };
  if (value instanceof Date) return dateCell(value, options.date1904);
  if (typeof value !== "object") return { kind: "error", text: "#ONBEKEND" };

  if ("richText" in value && Array.isArray(value.richText)) {
    return textCell(value.richText.map((run) => (typeof run?.text === "string" ? run.text : "")).join(""));
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" || (typeof text === "object" && text !== null)
      ? normalizeExcelValue(text as ExcelJS.CellValue, options)
      : textCell(String(value.hyperlink ?? ""));
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { kind: "error", text: "#GEEN_RESULTAAT" };
    if (typeof result === "number") {
      if (Number.isNaN(result)) return { kind: "error", text: "#FOUT" };
      if (isDateFormat(options.numFmt)) {
        const iso = serialToIsoDate(result, options.date1904);
        if (iso) return { kind: "date", iso, text: iso };
      }
    }
    return normalizeExcelValue(result as ExcelJS.CellValue, options);
  }
  if ("error" in value) return { kind: "error", text: String(value.error) };
  return { kind: "error", text: "#ONBEKEND" };
}

function textCell(raw: string): NormalizedCell {
  const text = decodeExcelEscapes(raw);
  return /^[\s\u200B-\u200D\u2060]*$/.test(text) ? EMPTY_CELL : { kind: "text", text };
}

function numberCell(value: number): NormalizedCell {
  if (!Number.isFinite(value)) return { kind: "error", text: "#GETAL!" };
  return { kind: "number", value, text: formatNumber(value) };
}

/** Excel keeps 15 significant digits: 0.1 + 0.2 shows as 0.3, not 0.30000000000000004. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function dateCell(date: Date, date1904: boolean): NormalizedCell {
  if (Number.isNaN(date.getTime())) return { kind: "error", text: "#WAARDE!" };
  const serial = dateToSerial(date, date1904);
  if (serial >= 0 && serial < 1) {
    // A time of day without a date (format hh:mm): keep it as the fraction of a day it is.
    return { kind: "number", value: serial, text: date.toISOString().slice(11, 16) };
  }
  const iso = date.toISOString().slice(0, 10);
  return { kind: "date", iso, text: iso };
}

/** The text of any cell, as users see it: trimmed, Unicode spaces made normal and collapsed. */
export function cellText(cell: NormalizedCell | undefined): string {
  return !cell || cell.kind === "empty" ? "" : normalizeSpaces(cell.text);
}

export function isEmptyCell(cell: NormalizedCell | undefined): boolean {
  return !cell || cell.kind === "empty";
}
