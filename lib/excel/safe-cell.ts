/**
 * Values we put in generated spreadsheets. Strings are always written as text cells, never as
 * formulas; objects are flattened to text so user data can never become a `{ formula }` cell.
 * For CSV output, text that a spreadsheet would evaluate (= + - @ tab CR) gets a leading quote.
 */
export type SafeCellValue = string | number | boolean | Date | null;

export function safeCell(value: unknown): SafeCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  return String(value);
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function neutraliseFormulaText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}
