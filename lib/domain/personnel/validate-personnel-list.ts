import type { CellProblem } from "@/lib/excel/mark/mark-problems";
import type { ColumnIndexes, ParsedRelationRow, ReferenceCodes } from "./parse-personnel-row";
import { PERSONNEL_COLUMNS, type PersonnelColumnKey } from "./personnel-list-format";

/** What the checks need to know of the database, loaded once per import. Codes are upper-cased. */
export interface PersonnelReference {
  gradeIdByCode: ReadonlyMap<string, string>;
  functionProfileIdByCode: ReadonlyMap<string, string>;
  unitIdByCode: ReadonlyMap<string, string>;
  costCentreIdByCode: ReadonlyMap<string, string>;
  /** "vlimpers/relationNumber" of relations in another entity's current personnel list -> that entity's name. */
  foreignRelations: ReadonlyMap<string, string>;
}

/** A row with its codes resolved to ids, ready to compare and write. */
export interface ResolvedRelationRow extends ParsedRelationRow {
  gradeId: string | null;
  functionProfileId: string | null;
  unitId: string | null;
  costCentreId: string | null;
}

export const relationKey = (vlimpers: string, relationNumber: number) => `${vlimpers}/${relationNumber}`;

const HEADER_OF = Object.fromEntries(PERSONNEL_COLUMNS.map((c) => [c.key, c.header])) as Record<PersonnelColumnKey, string>;

/**
 * Checks across rows and against the reference data: duplicates, one name per person, codes that
 * exist, relations that belong to another entity. Rows with an error are left out of the result;
 * the codes of rows that already failed parsing are still checked, so every problem shows at once.
 */
export function validatePersonnelList(
  rows: readonly ParsedRelationRow[],
  reference: PersonnelReference,
  columns: ColumnIndexes,
  rowsWithErrors: readonly ReferenceCodes[] = [],
): { resolved: ResolvedRelationRow[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const failed = new Set<number>();
  const problem = (row: { rowNumber: number }, key: PersonnelColumnKey, message: string, severity: CellProblem["severity"] = "error") => {
    const index = columns[key];
    problems.push({ rowNumber: row.rowNumber, column: index === undefined ? undefined : index + 1, columnLabel: HEADER_OF[key], severity, message });
    if (severity === "error") failed.add(row.rowNumber);
  };

  const checkCodes = (row: Omit<ReferenceCodes, "relationKey">) => {
    if (row.gradeCode && !reference.gradeIdByCode.has(row.gradeCode.toUpperCase())) {
      problem(row, "grade", `Graad "${row.gradeCode}" bestaat niet in de referentiegegevens. Gebruik een bestaande graadcode.`);
    }
    if (row.functionCode && !reference.functionProfileIdByCode.has(row.functionCode.toUpperCase())) {
      problem(row, "functionCode", `Functiecode "${row.functionCode}" bestaat niet in Profielbeheer. Gebruik een bestaande functiecode of laat de cel leeg.`);
    }
    if (row.unitCode && !reference.unitIdByCode.has(row.unitCode.toUpperCase())) {
      problem(row, "unit", `Organisatie-eenheid "${row.unitCode}" bestaat niet voor deze entiteit. Gebruik een bestaande code.`);
    }
    if (row.costCentreCode && !reference.costCentreIdByCode.has(row.costCentreCode.toUpperCase())) {
      problem(row, "costCentre", `Kostenplaats "${row.costCentreCode}" bestaat niet voor deze entiteit. Gebruik een bestaande code.`);
    }
  };
  for (const row of rowsWithErrors) checkCodes(row);

  const firstRowOfRelation = new Map<string, number>();
  const nameOfPerson = new Map<string, { name: string; rowNumber: number }>();
  for (const row of rows) {
    const key = relationKey(row.vlimpers, row.relationNumber);
    const earlier = firstRowOfRelation.get(key);
    if (earlier !== undefined) {
      problem(row, "relationNumber", `Arbeidsrelatie ${row.relationNumber} van ${row.vlimpers} staat al op rij ${earlier}. Elke arbeidsrelatie mag maar één keer voorkomen.`);
    } else {
      firstRowOfRelation.set(key, row.rowNumber);
    }
    const name = `${row.lastName} ${row.firstName}`;
    const known = nameOfPerson.get(row.vlimpers);
    if (known && known.name.toLowerCase() !== name.toLowerCase()) {
      problem(row, "lastName", `Vlimpersnummer ${row.vlimpers} heet op rij ${known.rowNumber} "${known.name}" en hier "${name}". Eén persoon heeft één naam.`);
    } else if (!known) {
      nameOfPerson.set(row.vlimpers, { name, rowNumber: row.rowNumber });
    }
    const foreign = reference.foreignRelations.get(key);
    if (foreign) {
      problem(row, "vlimpers", `Arbeidsrelatie ${row.relationNumber} van ${row.vlimpers} hoort bij ${foreign}. Een arbeidsrelatie hoort bij één entiteit.`);
    }
    checkCodes(row);
  }

  const resolved = rows
    .filter((row) => !failed.has(row.rowNumber))
    .map((row) => ({
      ...row,
      gradeId: row.gradeCode ? reference.gradeIdByCode.get(row.gradeCode.toUpperCase())! : null,
      functionProfileId: row.functionCode ? reference.functionProfileIdByCode.get(row.functionCode.toUpperCase())! : null,
      unitId: row.unitCode ? reference.unitIdByCode.get(row.unitCode.toUpperCase())! : null,
      costCentreId: row.costCentreCode ? reference.costCentreIdByCode.get(row.costCentreCode.toUpperCase())! : null,
    }));
  return { resolved, problems };
}
