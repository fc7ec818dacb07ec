import ExcelJS from "exceljs";
import { forEachCsvRecord } from "@/lib/excel/read/read-csv";
import { reject, UploadRejectedError } from "@/lib/excel/read/upload-rejected-error";
import { FILL_ARGB, SEVERITY_LABEL, type CellProblem } from "./cell-problem";
import { compactValidations, type ValidationModel } from "./compact-validations";
import { addProblemsSheet, sortProblems } from "./problems-sheet";
import { tameDataValidations } from "./tame-validations";

export type { CellProblem } from "./cell-problem";

/** exceljs's typings leave the loaded sheet's validations out. */
type SheetWithValidations = ExcelJS.Worksheet & { dataValidations: { model: ValidationModel } };

export interface MarkOptions {
  /** The sheet the problems refer to; default the first visible one (as readTable). */
  sheetName?: string;
  problemsSheetName?: string;
}

/**
 * The user's own file back with its problems marked, as .xlsx: each faulty cell filled red
 * (error) or yellow (warning; an error wins) with a note holding its messages, whole-row
 * problems on the row's first cell, and an added sheet listing every problem.
 * xlsx: the user's workbook, loaded in memory (fine up to the upload limits), other values,
 * formats and sheets kept as far as exceljs keeps them. csv: a new workbook with the CSV's
 * content as text cells, marked the same way.
 */
export async function markProblems(
  original: Buffer,
  kind: "xlsx" | "csv",
  problems: CellProblem[],
  options: MarkOptions = {},
): Promise<Buffer> {
  const workbook = kind === "xlsx" ? await loadWorkbook(original) : csvWorkbook(original, options.sheetName);
  const sheet = kind === "xlsx" ? targetSheet(workbook, options.sheetName) : workbook.worksheets[0]!;
  markCells(sheet, problems);
  for (const worksheet of workbook.worksheets as SheetWithValidations[]) {
    worksheet.dataValidations.model = compactValidations(worksheet.dataValidations.model);
  }
  addProblemsSheet(workbook, problems, options.problemsSheetName ?? "Problemen");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function loadWorkbook(original: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await tameDataValidations(original)) as unknown as ArrayBuffer);
  } catch (error) {
    throw reject.corrupt(error instanceof Error ? error.message : String(error));
  }
  return workbook;
}

function targetSheet(workbook: ExcelJS.Workbook, wanted: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const key = (name: string) => name.trim().toLocaleLowerCase("nl-BE");
  const found =
    wanted === undefined
      ? (sheets.find((sheet) => sheet.state === "visible") ?? sheets[0])
      : (sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => key(sheet.name) === key(wanted)));
  if (!found) throw reject.sheetNotFound(wanted ?? "", sheets.map((sheet) => sheet.name));
  return found;
}

function csvWorkbook(original: Buffer, sheetName: string | undefined): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet((sheetName ?? "Gegevens").slice(0, 31));
  try {
    forEachCsvRecord(original, (record, rowNumber) => {
      const row = sheet.getRow(rowNumber);
      // Strings stay text cells: "0,8" and "012345" as the user typed them, "=..." never a formula.
      record.forEach((value, index) => {
        if (value !== "") row.getCell(index + 1).value = String(value);
      });
    });
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw reject.corrupt(error instanceof Error ? error.message : String(error));
  }
  for (let column = 1; column <= sheet.columnCount; column++) sheet.getColumn(column).width = 18;
  return workbook;
}

function markCells(sheet: ExcelJS.Worksheet, problems: readonly CellProblem[]): void {
  const byCell = new Map<string, CellProblem[]>();
  for (const problem of sortProblems(problems)) {
    if (!(problem.rowNumber >= 1) || (problem.column !== undefined && !(problem.column >= 1))) continue;
    const address = `${problem.rowNumber}:${problem.column ?? 1}`;
    byCell.set(address, [...(byCell.get(address) ?? []), problem]);
  }
  for (const [address, cellProblems] of byCell) {
    const [row, column] = address.split(":").map(Number) as [number, number];
    const cell = sheet.getCell(row, column);
    const severity = cellProblems.some((problem) => problem.severity === "error") ? "error" : "warning";
    // A new style object: loaded cells share theirs, and changing one would colour its neighbours too.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILL_ARGB[severity] } },
    };
    const lines = cellProblems.map((problem) =>
      problem.column === undefined ? `${SEVERITY_LABEL[problem.severity]} (hele rij): ${problem.message}` : `${SEVERITY_LABEL[problem.severity]}: ${problem.message}`,
    );
    const existing = noteText(cell.note);
    cell.note = [...lines, ...(existing ? ["", existing] : [])].join("\n");
  }
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((run) => run.text ?? "").join("");
}
