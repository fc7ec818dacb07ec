import JSZip from "jszip";

/** Cells that data validations may cover, in all, once clamped. exceljs keeps one entry per cell. */
const VALIDATION_CELL_BUDGET = 250_000;
/** Rows below the last row with content that a validation keeps (room to add lines). */
const ROWS_BELOW_CONTENT = 1_000;
const MAX_COLUMNS = 200;

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const VALIDATION = /<(?:[\w.-]+:)?dataValidation\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?dataValidation>)/g;
const REF = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string => (n <= 0 ? "" : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/**
 * exceljs, loading a whole workbook, expands every data validation into one entry per cell: a
 * drop-down list over a whole column (1,048,576 cells) or sheet (17 billion) would never finish.
 * Before such a load, each validation's ranges are clamped to the rows that hold content (plus
 * some room) and to the columns we read; a validation that would still pass the budget is left out.
 * Workbooks without validations come back as they are.
 */
export async function tameDataValidations(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let changed = false;
  let budget = VALIDATION_CELL_BUDGET;
  for (const name of Object.keys(zip.files).filter((n) => SHEET_PART.test(n))) {
    const xml = await zip.file(name)!.async("string");
    if (!/<(?:[\w.-]+:)?dataValidation\b/.test(xml)) continue;
    const lastRow = lastRowNumber(xml);
    const tamed = xml.replace(VALIDATION, (element) => {
      const sqref = /\bsqref="([^"]*)"/.exec(element);
      if (!sqref) return element;
      const { ranges, cells } = clampRanges(sqref[1]!, lastRow + ROWS_BELOW_CONTENT);
      if (cells === 0 || cells > budget) return "";
      budget -= cells;
      return element.replace(sqref[0], `sqref="${ranges}"`);
    });
    if (tamed !== xml) {
      zip.file(name, tamed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) : xlsx;
}

function lastRowNumber(xml: string): number {
  let last = 0;
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?row\b[^>]*\br="(\d+)"/g)) last = Math.max(last, Number(match[1]));
  return last;
}

function clampRanges(sqref: string, maxRow: number): { ranges: string; cells: number } {
  const kept: string[] = [];
  let cells = 0;
  for (const ref of sqref.trim().split(/\s+/)) {
    const match = REF.exec(ref);
    if (!match) continue;
    const [left, top] = [columnNumber(match[1]!), Number(match[2])];
    const [right, bottom] = match[3] ? [columnNumber(match[3]), Number(match[4])] : [left, top];
    const [r1, r2] = [Math.min(top, bottom), Math.min(Math.max(top, bottom), maxRow)];
    const [c1, c2] = [Math.min(left, right), Math.min(Math.max(left, right), MAX_COLUMNS)];
    if (r1 > r2 || c1 > c2) continue;
    cells += (r2 - r1 + 1) * (c2 - c1 + 1);
    kept.push(r1 === r2 && c1 === c2 ? `${columnLetters(c1)}${r1}` : `${columnLetters(c1)}${r1}:${columnLetters(c2)}${r2}`);
  }
  return { ranges: kept.join(" "), cells };
}
