import type ExcelJS from "exceljs";

/** exceljs's model of a sheet's validations: one entry per cell address (as loaded) or per range. */
export type ValidationModel = Record<string, ExcelJS.DataValidation>;

const CELL = /^([A-Z]{1,3})(\d+)$/;

const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string => (n <= 0 ? "" : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

interface Rectangle {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A loaded workbook holds one validation entry per cell. exceljs, writing it again, squeezes
 * alike cells into ranges, but visits the cells in text order (E10 before E2) and lets a later
 * range run over an earlier one: E2:E251 beside E10:E251, which Excel reports as a damaged file.
 * Here each validation's cells become disjoint rectangles (down a column first, then across
 * columns with the same rows), written as ranges exceljs keeps as they are; a cell belongs to one
 * validation only, so no two ranges overlap. A validation over one rectangle (our control report,
 * most files) comes back exactly as it was. One spread over several rectangles becomes one per
 * rectangle: a relative formula in it (rare in a validation) is then read from each rectangle's
 * own top-left cell.
 */
export function compactValidations(model: ValidationModel): ValidationModel {
  // exceljs gives every cell of one <dataValidation> the same object: that identity is the group.
  const cellsByValidation = new Map<ExcelJS.DataValidation, Map<number, number[]>>();
  const kept: ValidationModel = {};
  for (const [address, validation] of Object.entries(model)) {
    const match = CELL.exec(address);
    if (!match) {
      kept[address] = validation;
      continue;
    }
    const columns = cellsByValidation.get(validation) ?? new Map<number, number[]>();
    cellsByValidation.set(validation, columns);
    const column = columnNumber(match[1]!);
    columns.set(column, [...(columns.get(column) ?? []), Number(match[2])]);
  }
  const compacted: ValidationModel = {};
  for (const [validation, columns] of cellsByValidation) {
    for (const rectangle of rectangles(columns)) compacted[rangeText(rectangle)] = validation;
  }
  return { ...compacted, ...withoutOverlaps(kept, compacted) };
}

/** Runs of consecutive rows per column, then runs with the same rows in neighbouring columns joined. */
function rectangles(columns: Map<number, number[]>): Rectangle[] {
  const runs: Rectangle[] = [];
  for (const [column, rows] of columns) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let top = sorted[0]!;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      runs.push({ top, bottom: sorted[i - 1]!, left: column, right: column });
      top = sorted[i]!;
    }
  }
  runs.sort((a, b) => a.top - b.top || a.left - b.left);
  const joined: Rectangle[] = [];
  for (const run of runs) {
    const neighbour = joined.find((r) => r.top === run.top && r.bottom === run.bottom && r.right === run.left - 1);
    if (neighbour) neighbour.right = run.right;
    else joined.push({ ...run });
  }
  return joined;
}

/** Always "from:to", also for one cell ("E5:E5"): exceljs would grow a lone "E5" into its neighbours again. */
function rangeText({ top, bottom, left, right }: Rectangle): string {
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}

/** Entries that were ranges already (set by code, not loaded) stay, unless a compacted range covers them. */
function withoutOverlaps(ranges: ValidationModel, compacted: ValidationModel): ValidationModel {
  const taken = Object.keys(compacted).map(parseRange);
  return Object.fromEntries(
    Object.entries(ranges).filter(([address]) => {
      const range = parseRange(address);
      return range !== null && !taken.some((other) => other !== null && intersects(range, other));
    }),
  );
}

export function parseRange(address: string): Rectangle | null {
  const [from, to = from] = address.replace(/\$/g, "").toUpperCase().split(":");
  const a = CELL.exec(from ?? "");
  const b = CELL.exec(to ?? "");
  if (!a || !b) return null;
  const [c1, c2] = [columnNumber(a[1]!), columnNumber(b[1]!)];
  const [r1, r2] = [Number(a[2]), Number(b[2])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

export function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
