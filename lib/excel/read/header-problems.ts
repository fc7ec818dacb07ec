import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import type { ColumnSpec, HeaderMatch } from "./match-headers";

/**
 * What the header row says about a file, in Dutch: the one message that refuses it when required
 * columns are missing (null when none are), and a problem per unknown column (warning) and per
 * column given twice (error).
 */
export function headerProblems(
  match: HeaderMatch,
  specs: readonly ColumnSpec[],
  headerRowNumber: number,
  hint: string,
): { rejection: string | null; problems: CellProblem[] } {
  if (match.missingRequired.length) {
    const names = match.missingRequired.map((c) => `"${c.header}"`).join(", ");
    return { rejection: `Kolommen ontbreken: ${names}. Voeg ze toe in de koprij (rij ${headerRowNumber}) en laad het bestand opnieuw op. ${hint}`, problems: [] };
  }
  const problems: CellProblem[] = match.unknown.map((unknown) => ({
    rowNumber: headerRowNumber,
    column: unknown.index + 1,
    columnLabel: unknown.header,
    severity: "warning" as const,
    message: `Onbekende kolom "${unknown.header}": ze wordt niet ingelezen.`,
  }));
  for (const duplicate of match.duplicated) {
    const header = specs.find((spec) => spec.key === duplicate.key)?.header;
    problems.push({ rowNumber: headerRowNumber, column: duplicate.indexes[1]! + 1, severity: "error", message: `De kolom "${header}" staat er meer dan eens. Houd er één.` });
  }
  return { rejection: null, problems };
}
