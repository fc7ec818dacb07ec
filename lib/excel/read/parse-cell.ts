import { serialToIsoDate } from "./excel-serial";
import type { NormalizedCell } from "./normalize-cell";
import { normalizeSpaces } from "./text-spaces";

export type ParsedDate = { ok: true; iso: string } | { ok: false };
export type ParsedDecimal = { ok: true; value: number } | { ok: false };
export type ParsedDigits = { ok: true; digits: string } | { ok: false };

const NO = { ok: false } as const;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/** Belgian order, day first, with the same separator twice: 5/3/2024, 05-03-2024, 05.03.2024. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A calendar day from a date cell, an Excel serial number (1900 system with its phantom
 * 29 February 1900, or the 1904 system), or text: ISO (2024-03-05) or Belgian (5/3/2024,
 * 05-03-2024, 05.03.2024), optionally followed by a time. Two-digit years and impossible dates
 * (31/02/2024) are refused; text of digits only is not taken for a serial number.
 */
export function parseDateCell(cell: NormalizedCell | undefined, options: { date1904: boolean }): ParsedDate {
  if (!cell) return NO;
  switch (cell.kind) {
    case "date":
      return { ok: true, iso: cell.iso };
    case "number": {
      const iso = serialToIsoDate(cell.value, options.date1904);
      return iso ? { ok: true, iso } : NO;
    }
    case "text": {
      const text = normalizeSpaces(cell.text);
      const iso = ISO.exec(text);
      if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      const dayFirst = DAY_FIRST.exec(text);
      if (dayFirst) return calendarDay(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
      return NO;
    }
    default:
      return NO;
  }
}

function calendarDay(year: number, month: number, day: number): ParsedDate {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return NO;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return NO;
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

/**
 * A number from a number cell or from text with a decimal comma or point: "0,8", "0.8", " 1 ",
 * "-1,5", "1.234,5", "1,234.5", "1 234,5", "1,5E3". One separator on its own is the decimal
 * separator ("1.234" is 1.234); a repeated one, or one before the other, groups thousands.
 */
export function parseDecimalCell(cell: NormalizedCell | undefined): ParsedDecimal {
  if (!cell) return NO;
  if (cell.kind === "number") return { ok: true, value: cell.value };
  if (cell.kind !== "text") return NO;
  const value = parseDecimalText(cell.text);
  return value === undefined ? NO : { ok: true, value };
}

export function parseDecimalText(raw: string): number | undefined {
  const text = normalizeSpaces(raw).replace(/ /g, "");
  let plain: string | undefined;
  if (/^[+-]?(\d+|\d*[.,]\d+)$/.test(text)) plain = text.replace(",", ".");
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) plain = text.replace(/\./g, "").replace(",", ".");
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) plain = text.replace(/,/g, "");
  else if (/^[+-]?\d+([.,]\d+)?[eE][+-]?\d+$/.test(text)) plain = text.replace(",", ".");
  if (plain === undefined) return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * An identifier of `length` digits (e.g. a 6-digit Vlimpers number) as text, restoring the
 * leading zeros Excel drops from numbers: 12345 -> "012345". Text keeps its zeros ("012345");
 * "12345.0", "12345,0" and "1.2345E4" are read as 12345. Fractions, negative numbers, letters
 * and more than `length` significant digits are refused.
 */
export function parseDigitsCell(cell: NormalizedCell | undefined, length: number): ParsedDigits {
  if (!cell) return NO;
  if (cell.kind === "number") return fromNumber(cell.value, length);
  if (cell.kind !== "text") return NO;
  const text = normalizeSpaces(cell.text).replace(/ /g, "");
  if (/^\d+$/.test(text)) return padded(text, length);
  const wholeWithZeros = /^(\d+)[.,]0+$/.exec(text);
  if (wholeWithZeros) return padded(wholeWithZeros[1]!, length);
  if (/^\d+([.,]\d+)?[eE]\+?\d+$/.test(text)) return fromNumber(Number(text.replace(",", ".")), length);
  return NO;
}

function fromNumber(value: number, length: number): ParsedDigits {
  const whole = Math.round(value);
  if (!Number.isSafeInteger(whole) || whole < 0 || Math.abs(value - whole) > 1e-9) return NO;
  return padded(String(whole), length);
}

function padded(digits: string, length: number): ParsedDigits {
  const significant = digits.replace(/^0+(?=\d)/, "");
  if (significant.length > length) return NO;
  return { ok: true, digits: digits.length > length ? significant.padStart(length, "0") : digits.padStart(length, "0") };
}
