import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { cellText, parseDigitsCell, type NormalizedCell } from "@/lib/excel/read/normalize-cell";
import type { RawRow } from "@/lib/excel/read/read-table";
import { CONTROL_REPORT_COLUMNS, type ControlReportColumnKey } from "@/lib/domain/step4/control-report-format";
import { occupantsFit } from "@/lib/domain/positions/occupant-fit";

/** One row of the filled control report: which position, and who goes into it (both empty: vacant). */
export interface ControlRowValues {
  rowNumber: number;
  positionNumber: number | null;
  vlimpers: string | null;
  relationNumber: number | null;
  /** Columns with text that could not be read (their error is reported). */
  unreadable: ControlReportColumnKey[];
}

export interface ControlRelation {
  relationId: string;
  fte: number;
  /** The positions the relation is linked to today (step 6 may already have linked it to its row's). */
  linkedTo: readonly string[];
  inPersonnelList: boolean;
}

/** What the rows are checked against: the positions step 4 made for the entity, and its staff. */
export interface ControlContext {
  /** Step-4 positions of the entity, by number. */
  positions: Map<number, { requestId: string; positionId: string; fte: number }>;
  /** The entity's persons by Vlimpers number, with their relations by number. */
  persons: Map<string, { name: string; relations: Map<number, ControlRelation> }>;
}

export interface ResolvedAssignment {
  rowNumber: number;
  requestId: string;
  /** null: the position stays vacant. */
  relationId: string | null;
}

export type ControlColumnIndexes = Partial<Record<ControlReportColumnKey, number>>;
type ProblemAt = (key: ControlReportColumnKey, severity: CellProblem["severity"], message: string) => void;

const HEADER_OF = Object.fromEntries(CONTROL_REPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<ControlReportColumnKey, string>;

export function controlProblemCollector(rowNumber: number, columns: ControlColumnIndexes, problems: CellProblem[]): ProblemAt {
  return (key, severity, message) => {
    const index = columns[key];
    problems.push({ rowNumber, column: index === undefined ? undefined : index + 1, columnLabel: HEADER_OF[key], severity, message });
  };
}

/** Reads the three columns step 5 uses; the other columns of the report are for reading only. */
export function parseControlRow(row: RawRow, columns: ControlColumnIndexes): { values: ControlRowValues; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const unreadable: ControlReportColumnKey[] = [];
  const collect = controlProblemCollector(row.rowNumber, columns, problems);
  const cellOf = (key: ControlReportColumnKey): NormalizedCell => {
    const index = columns[key];
    return index === undefined ? { kind: "empty" } : (row.cells[index] ?? { kind: "empty" });
  };
  const wholeNumber = (key: ControlReportColumnKey, max: number, what: string): number | null => {
    const text = cellText(cellOf(key));
    if (!text) return null;
    const value = /^\d+([.,]0+)?$/.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
    if (Number.isInteger(value) && value >= 1 && value <= max) return value;
    unreadable.push(key);
    collect(key, "error", `"${text}" is geen ${what}: gebruik een geheel getal.`);
    return null;
  };
  const positionNumber = wholeNumber("positionNumber", Number.MAX_SAFE_INTEGER, "nummer van een arbeidsplaats");
  let vlimpers: string | null = null;
  const vlimpersText = cellText(cellOf("vlimpers"));
  if (vlimpersText) {
    const parsed = parseDigitsCell(cellOf("vlimpers"), 6);
    if (parsed.ok) vlimpers = parsed.digits;
    else {
      unreadable.push("vlimpers");
      collect("vlimpers", "error", `"${vlimpersText}" is geen Vlimpersnummer: dat zijn precies 6 cijfers, bijvoorbeeld 012345.`);
    }
  }
  const relationNumber = wholeNumber("relationNumber", 999, "nummer van een arbeidsrelatie");
  return { values: { rowNumber: row.rowNumber, positionNumber, vlimpers, relationNumber, unreadable }, problems };
}

/**
 * The rules of one row (PRODUCT.md, step 5): the position is one step 4 made for this entity; both
 * orange columns empty means vacant; otherwise the person exists in this entity, the relation is
 * that person's, it is not linked to another position, and its FTE fits the position's. A relation
 * no longer in the personnel list is allowed with a warning. Returns null when the row has an error.
 */
export function checkControlRow(values: ControlRowValues, context: ControlContext, problem: ProblemAt, readErrors = 0): ResolvedAssignment | null {
  let errors = readErrors;
  const error = (key: ControlReportColumnKey, message: string) => {
    errors++;
    problem(key, "error", message);
  };
  const position = values.positionNumber === null ? undefined : context.positions.get(values.positionNumber);
  if (values.positionNumber === null) {
    if (!values.unreadable.includes("positionNumber")) error("positionNumber", "Arbeidsplaats ontbreekt. Laat de kolom Arbeidsplaats staan zoals ze in het controlerapport stond.");
  } else if (!position) {
    error("positionNumber", `Arbeidsplaats ${values.positionNumber} is geen arbeidsplaats die stap 4 voor deze entiteit maakte. Gebruik het controlerapport van stap 4.`);
  }
  const gave = { vlimpers: values.vlimpers !== null || values.unreadable.includes("vlimpers"), relation: values.relationNumber !== null || values.unreadable.includes("relationNumber") };
  if (!gave.vlimpers && !gave.relation) return errors === 0 && position ? { rowNumber: values.rowNumber, requestId: position.requestId, relationId: null } : null;
  if (gave.vlimpers && !gave.relation) error("relationNumber", "Arbeidsrelatie ontbreekt. Vul het nummer van de arbeidsrelatie in, of laat ook het Vlimpersnummer leeg als de arbeidsplaats vacant blijft.");
  if (!gave.vlimpers && gave.relation) error("vlimpers", "Vlimpersnummer ontbreekt. Vul het in, of laat ook de arbeidsrelatie leeg als de arbeidsplaats vacant blijft.");
  if (values.vlimpers === null || values.relationNumber === null) return null;

  const person = context.persons.get(values.vlimpers);
  if (!person) {
    error("vlimpers", `Er is geen personeelslid met Vlimpersnummer ${values.vlimpers} in deze entiteit. Controleer het nummer in de personeelslijst.`);
    return null;
  }
  const relation = person.relations.get(values.relationNumber);
  if (!relation) {
    const known = [...person.relations.keys()].sort((a, b) => a - b).join(", ");
    error("relationNumber", `${person.name} (${values.vlimpers}) heeft geen arbeidsrelatie ${values.relationNumber} in deze entiteit; wel: ${known}.`);
    return null;
  }
  // Its link to this very position is step 6's (the step was reopened after it ran): that stays valid.
  if (relation.linkedTo.some((positionId) => positionId !== position?.positionId)) {
    error("relationNumber", `Arbeidsrelatie ${values.vlimpers}/${values.relationNumber} (${person.name}) is al gekoppeld aan een andere arbeidsplaats.`);
  }
  if (position && !occupantsFit(position.fte, relation.fte)) {
    error("relationNumber", `De arbeidsrelatie (${dutch(relation.fte)} VTE) past niet in arbeidsplaats ${values.positionNumber} (${dutch(position.fte)} VTE). Kies een arbeidsplaats met minstens ${dutch(relation.fte)} VTE.`);
  }
  if (!relation.inPersonnelList) {
    problem("relationNumber", "warning", `Arbeidsrelatie ${values.vlimpers}/${values.relationNumber} staat niet meer in de personeelslijst. Klopt het dat ze deze arbeidsplaats krijgt?`);
  }
  if (errors > 0 || !position) return null;
  return { rowNumber: values.rowNumber, requestId: position.requestId, relationId: relation.relationId };
}

function dutch(value: number): string {
  return value.toLocaleString("nl-BE", { maximumFractionDigits: 3 });
}

/**
 * The rules over the whole file: each row's own, a position or relation named on two rows (the
 * second is an error), and step-4 positions missing from the file (a warning: they stay vacant).
 */
export function checkControlRows(
  rows: { values: ControlRowValues; readProblems: CellProblem[] }[],
  context: ControlContext,
  columns: ControlColumnIndexes,
  headerRowNumber: number,
): { resolved: ResolvedAssignment[]; problems: CellProblem[]; missingPositions: number } {
  const problems: CellProblem[] = [];
  const resolved: ResolvedAssignment[] = [];
  const positionRow = new Map<number, number>();
  const relationRow = new Map<string, number>();
  for (const { values, readProblems } of rows) {
    problems.push(...readProblems);
    const problem = controlProblemCollector(values.rowNumber, columns, problems);
    let duplicates = 0;
    if (values.positionNumber !== null) {
      const first = positionRow.get(values.positionNumber);
      if (first !== undefined) {
        problem("positionNumber", "error", `Arbeidsplaats ${values.positionNumber} staat al op rij ${first}. Elke arbeidsplaats staat één keer in het controlerapport.`);
        duplicates++;
      } else positionRow.set(values.positionNumber, values.rowNumber);
    }
    if (values.vlimpers && values.relationNumber !== null) {
      const key = `${values.vlimpers}/${values.relationNumber}`;
      const first = relationRow.get(key);
      if (first !== undefined) {
        problem("relationNumber", "error", `Arbeidsrelatie ${key} staat al op rij ${first}: één arbeidsrelatie gaat naar één arbeidsplaats.`);
        duplicates++;
      } else relationRow.set(key, values.rowNumber);
    }
    const readErrors = readProblems.filter((p) => p.severity === "error").length + duplicates;
    const assignment = checkControlRow(values, context, problem, readErrors);
    if (assignment) resolved.push(assignment);
  }
  const missingPositions = [...context.positions.keys()].filter((n) => !positionRow.has(n));
  if (missingPositions.length > 0) {
    const shown = missingPositions.slice(0, 10).join(", ");
    problems.push({
      rowNumber: headerRowNumber,
      severity: "warning",
      message: `${missingPositions.length} ${missingPositions.length === 1 ? "arbeidsplaats staat" : "arbeidsplaatsen staan"} niet in het bestand en ${missingPositions.length === 1 ? "blijft" : "blijven"} vacant: ${shown}${missingPositions.length > 10 ? ", …" : ""}.`,
    });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0));
  return { resolved, problems, missingPositions: missingPositions.length };
}
