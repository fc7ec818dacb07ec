import type ExcelJS from "exceljs";
import { printableSheetOptions } from "@/lib/excel/print-setup";
import { columnLetters } from "@/lib/excel/read/workbook-parts";
import { SEVERITY_LABEL, type CellProblem } from "./cell-problem";

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A sheet name not yet in the workbook: "Problemen", else "Problemen (2)", ... */
export function freeSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(INVALID_SHEET_CHARS, " ").trim().slice(0, 31) || "Problemen";
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** By row, then column (whole-row problems first), then errors before warnings; stable otherwise. */
export function sortProblems(problems: readonly CellProblem[]): CellProblem[] {
  const rank = { error: 0, warning: 1 } as const;
  return [...problems].sort(
    (a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0) || rank[a.severity] - rank[b.severity],
  );
}

function columnText(problem: CellProblem): string {
  if (problem.column === undefined) return "hele rij";
  const letters = columnLetters(problem.column);
  return problem.columnLabel ? `${letters} (${problem.columnLabel})` : letters;
}

/**
 * Adds a sheet listing every problem: Rij, Kolom, Ernst, Melding, with a frozen header row and
 * an auto-filter. Every value is a plain string or number cell, so no user text can become a
 * formula.
 */
export function addProblemsSheet(workbook: ExcelJS.Workbook, problems: readonly CellProblem[], wantedName: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(freeSheetName(workbook, wantedName), printableSheetOptions({ headerRow: 1 }));
  sheet.columns = [
    { header: "Rij", key: "row", width: 8 },
    { header: "Kolom", key: "column", width: 28 },
    { header: "Ernst", key: "severity", width: 14 },
    { header: "Melding", key: "message", width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const problem of sortProblems(problems)) {
    const row = sheet.addRow([
      problem.rowNumber,
      String(columnText(problem)),
      SEVERITY_LABEL[problem.severity],
      String(problem.message),
    ]);
    row.getCell(4).alignment = { wrapText: true, vertical: "top" };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, problems.length + 1), column: 4 } };
  return sheet;
}
