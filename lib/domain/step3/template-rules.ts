import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { problemCollector, TEMPLATE_HEADER_OF, type ProblemAt, type TemplateColumnIndexes, type TemplateRowValues } from "./parse-template-row";
import type { TemplateDecision } from "./template-format";

export interface ReferenceRecord {
  id: string;
  active: boolean;
}

/** The reference data a template row may use: shared records and the entity's own units and cost centres, by upper-case code. */
export interface TemplateReference {
  functions: Map<string, ReferenceRecord & { title: string }>;
  grades: Map<string, ReferenceRecord>;
  units: Map<string, ReferenceRecord>;
  costCentres: Map<string, ReferenceRecord>;
  dutyLocations: Map<string, ReferenceRecord>;
}

export interface GreenLine {
  relationId: string;
  vlimpers: string;
  relationNumber: number;
  name: string;
}

/** What the rows are checked against: the entity's green lines, its other relations, its reference data. */
export interface TemplateContext {
  reference: TemplateReference;
  /** By relationKey(). */
  greenLines: Map<string, GreenLine>;
  /** Relations of the entity that already have a position (blue lines and later links), by relationKey(). */
  linkedKeys: Set<string>;
}

/** A row as it will be stored: references resolved to ids. */
export interface ResolvedRequest {
  rowNumber: number;
  relationId: string | null;
  decision: TemplateDecision;
  notNeededReason: string | null;
  functionProfileId: string | null;
  gradeId: string | null;
  orgUnitId: string | null;
  costCentreId: string | null;
  dutyLocationId: string | null;
  fte: string | null;
  validFrom: string | null;
  note: string | null;
}

export function relationKey(vlimpers: string, relationNumber: number): string {
  return `${vlimpers}/${relationNumber}`;
}

/** Position dates before this are refused: a typing error rather than a position. */
const EARLIEST_VALID_FROM = "2000-01-01";

/**
 * The rules of one template row, after its cells were read. Reports every problem of the row to
 * `problem` and returns the row with its references resolved, or null when it has an error.
 * - The row names a green line of this entity (Vlimpers number and relation), or neither (a free row).
 * - A green line says Ja or Nee; Nee needs a reason. A free row is a request (Nee makes no sense there).
 * - A request has a function code that exists, is active and has a title (Profielbeheer rule), a
 *   grade and a unit, and optionally a cost centre and duty location, each existing and active;
 *   an FTE in (0, 1]; a start date, when given, from 2000 on.
 */
export function checkTemplateRow(values: TemplateRowValues, context: TemplateContext, problem: ProblemAt, readErrors = 0): ResolvedRequest | null {
  let errors = readErrors;
  const error: ProblemAt = (key, severity, message) => {
    if (severity === "error") errors++;
    problem(key, severity, message);
  };

  let relationId: string | null = null;
  if (values.vlimpers && values.relationNumber !== null) {
    const key = relationKey(values.vlimpers, values.relationNumber);
    const green = context.greenLines.get(key);
    if (green) relationId = green.relationId;
    else if (context.linkedKeys.has(key)) {
      error("vlimpers", "error", `Arbeidsrelatie ${key} heeft al een arbeidsplaats (een blauwe lijn of een latere koppeling). Vraag enkel arbeidsplaatsen aan voor groene lijnen, of laat Vlimpersnummer en Arbeidsrelatie leeg voor een vrije rij.`);
    } else {
      error("vlimpers", "error", `Arbeidsrelatie ${key} is geen groene lijn van deze entiteit. Controleer het Vlimpersnummer en het nummer van de arbeidsrelatie, of laat beide leeg voor een vrije rij.`);
    }
  } else if (values.unreadable.includes("vlimpers") || values.unreadable.includes("relationNumber")) {
    // The unreadable cell has its error; which green line is meant is unknown.
  } else if (values.vlimpers && values.relationNumber === null) {
    error("relationNumber", "error", "Arbeidsrelatie ontbreekt. Vul het nummer van de arbeidsrelatie in, of laat ook het Vlimpersnummer leeg voor een vrije rij.");
  } else if (!values.vlimpers && values.relationNumber !== null) {
    error("vlimpers", "error", "Vlimpersnummer ontbreekt. Vul het in, of laat ook de arbeidsrelatie leeg voor een vrije rij.");
  }
  const isFreeRow = !values.vlimpers && values.relationNumber === null && !values.unreadable.includes("vlimpers") && !values.unreadable.includes("relationNumber");

  let decision = values.decision;
  if (isFreeRow) {
    if (decision === "not_needed") {
      error("decision", "error", "Nee heeft geen zin op een vrije rij (zonder groene lijn). Maak de rij leeg, of kies Ja om een arbeidsplaats aan te vragen.");
    }
    decision ??= "requested";
  } else if (!decision) {
    if (!values.unreadable.includes("decision")) error("decision", "error", `Kies Ja of Nee in ${TEMPLATE_HEADER_OF.decision}: elke groene lijn krijgt een beslissing.`);
    // Without a decision, whether the position's columns are needed is not known: no more messages.
    return null;
  }

  if (decision === "not_needed") {
    if (!values.notNeededReason && !values.unreadable.includes("notNeededReason")) {
      error("notNeededReason", "error", "Geef een reden waarom deze arbeidsrelatie geen arbeidsplaats nodig heeft, bijvoorbeeld: niet-werknemer buiten de personeelsformatie.");
    }
    if (errors > 0) return null;
    return { ...emptyRequest(values.rowNumber, relationId, "not_needed"), notNeededReason: values.notNeededReason, note: values.note };
  }

  const lookUp = (key: "grade" | "unit" | "costCentre" | "dutyLocation", code: string | null, map: Map<string, ReferenceRecord>, what: string, required: boolean) => {
    if (!code) {
      if (required) error(key, "error", `${TEMPLATE_HEADER_OF[key]} ontbreekt. Kies een ${what} uit de lijst.`);
      return null;
    }
    const found = map.get(code.toUpperCase());
    if (!found) error(key, "error", `"${code}" is geen bekende ${what}${key === "unit" || key === "costCentre" ? " van deze entiteit" : ""}. Kies een code uit de lijst.`);
    else if (!found.active) error(key, "error", `De ${what} "${code}" is niet meer actief. Kies een actieve code uit de lijst.`);
    return found?.active ? found.id : null;
  };

  let functionProfileId: string | null = null;
  if (!values.functionCode) error("functionCode", "error", "Functiecode ontbreekt. Elke arbeidsplaats heeft een functiecode uit Profielbeheer nodig.");
  else {
    const profile = context.reference.functions.get(values.functionCode.toUpperCase());
    if (!profile) error("functionCode", "error", `"${values.functionCode}" is geen bekende functiecode. Kies een code uit de lijst (Profielbeheer).`);
    else if (!profile.active) error("functionCode", "error", `De functiecode "${values.functionCode}" is niet meer actief. Kies een actieve code.`);
    else if (!profile.title.trim()) error("functionCode", "error", `De functiecode "${values.functionCode}" heeft geen functietitel in Profielbeheer, en zonder titel kan er geen arbeidsplaats zijn.`);
    else functionProfileId = profile.id;
  }
  const gradeId = lookUp("grade", values.gradeCode, context.reference.grades, "graad", true);
  const orgUnitId = lookUp("unit", values.unitCode, context.reference.units, "organisatie-eenheid", true);
  const costCentreId = lookUp("costCentre", values.costCentreCode, context.reference.costCentres, "kostenplaats", false);
  const dutyLocationId = lookUp("dutyLocation", values.dutyLocationCode, context.reference.dutyLocations, "standplaats", false);
  if (!values.fte && !values.unreadable.includes("fte")) error("fte", "error", "VTE ontbreekt. Vul een getal groter dan 0 en hoogstens 1 in, bijvoorbeeld 0,8.");
  if (values.validFrom && values.validFrom < EARLIEST_VALID_FROM) {
    error("validFrom", "error", `De ingangsdatum ${values.validFrom} ligt voor 2000. Vul de datum in waarop de arbeidsplaats ingaat, of laat de cel leeg (dan geldt de dag van stap 4).`);
  }
  if (decision === "requested" && values.notNeededReason) {
    problem("notNeededReason", "warning", "Er wordt een arbeidsplaats aangevraagd; de reden geen arbeidsplaats wordt niet bewaard.");
  }
  if (errors > 0 || !decision) return null;
  return {
    rowNumber: values.rowNumber,
    relationId,
    decision,
    notNeededReason: null,
    functionProfileId,
    gradeId,
    orgUnitId,
    costCentreId,
    dutyLocationId,
    fte: values.fte,
    validFrom: values.validFrom,
    note: values.note,
  };
}

function emptyRequest(rowNumber: number, relationId: string | null, decision: TemplateDecision): ResolvedRequest {
  return {
    rowNumber,
    relationId,
    decision,
    notNeededReason: null,
    functionProfileId: null,
    gradeId: null,
    orgUnitId: null,
    costCentreId: null,
    dutyLocationId: null,
    fte: null,
    validFrom: null,
    note: null,
  };
}

export interface TemplateCheck {
  /** Rows without errors; complete only when `problems` has no error. */
  resolved: ResolvedRequest[];
  problems: CellProblem[];
  /** Green lines of the entity that no row names. */
  missingGreenLines: GreenLine[];
}

/**
 * The rules over the whole file: each row's own rules, a green line named on two rows (the second
 * is an error), and green lines that no row names (a warning: they get no position and no decision).
 */
export function checkTemplateRows(
  rows: { values: TemplateRowValues; readProblems: CellProblem[] }[],
  context: TemplateContext,
  columns: TemplateColumnIndexes,
  headerRowNumber: number,
): TemplateCheck {
  const problems: CellProblem[] = [];
  const resolved: ResolvedRequest[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { values, readProblems } of rows) {
    problems.push(...readProblems);
    const problem = problemCollector(values.rowNumber, columns, problems);
    let duplicate = 0;
    if (values.vlimpers && values.relationNumber !== null) {
      const key = relationKey(values.vlimpers, values.relationNumber);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problem("vlimpers", "error", `Arbeidsrelatie ${key} staat al op rij ${first}. Vraag per groene lijn hoogstens één arbeidsplaats aan; voor een extra arbeidsplaats gebruik je een vrije rij.`);
        duplicate = 1;
      } else firstRowOf.set(key, values.rowNumber);
    }
    const readErrors = readProblems.filter((p) => p.severity === "error").length + duplicate;
    const request = checkTemplateRow(values, context, problem, readErrors);
    if (request) resolved.push(request);
  }
  const missingGreenLines = [...context.greenLines.entries()].filter(([key]) => !firstRowOf.has(key)).map(([, line]) => line);
  if (missingGreenLines.length > 0) {
    const shown = missingGreenLines.slice(0, 10).map((l) => `${l.name} (${relationKey(l.vlimpers, l.relationNumber)})`);
    const more = missingGreenLines.length > shown.length ? ` en nog ${missingGreenLines.length - shown.length}` : "";
    problems.push({
      rowNumber: headerRowNumber,
      severity: "warning",
      message: `${missingGreenLines.length} groene ${missingGreenLines.length === 1 ? "lijn staat" : "lijnen staan"} niet in het bestand en ${missingGreenLines.length === 1 ? "krijgt" : "krijgen"} dus geen arbeidsplaats: ${shown.join(", ")}${more}. Download het sjabloon opnieuw als dat niet de bedoeling is.`,
    });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0));
  return { resolved, problems, missingGreenLines };
}
