import { relationKey, type ResolvedRelationRow } from "./validate-personnel-list";

/** A relation as stored, in the same terms as an imported row. */
export interface StoredRelation {
  id: string;
  vlimpers: string;
  lastName: string;
  firstName: string;
  relationNumber: number;
  kind: ResolvedRelationRow["kind"];
  nonEmployeeCategory: string | null;
  legalStatus: ResolvedRelationRow["legalStatus"];
  status: ResolvedRelationRow["status"];
  startDate: string;
  endDate: string | null;
  gradeId: string | null;
  functionProfileId: string | null;
  fte: string;
  unitId: string | null;
  costCentreId: string | null;
  inPersonnelList: boolean;
}

/** The fields compared, with the Dutch column name shown in the preview. */
export const COMPARED_FIELDS = {
  lastName: "Naam",
  firstName: "Voornaam",
  kind: "Soort",
  nonEmployeeCategory: "Categorie niet-werknemer",
  legalStatus: "Statuut",
  status: "Status",
  startDate: "Datum in dienst",
  endDate: "Einddatum",
  gradeId: "Graad",
  functionProfileId: "Functiecode",
  fte: "VTE",
  unitId: "Organisatie-eenheid",
  costCentreId: "Kostenplaats",
} as const satisfies Partial<Record<keyof StoredRelation & keyof ResolvedRelationRow, string>>;

export type ComparedField = keyof typeof COMPARED_FIELDS;

export interface RelationsDiff {
  added: ResolvedRelationRow[];
  changed: { row: ResolvedRelationRow; stored: StoredRelation; fields: (ComparedField | "inPersonnelList")[] }[];
  unchanged: number;
  /** In the personnel list before, not in this file: flagged, never deleted. */
  gone: StoredRelation[];
}

/** Compares an imported list with what is stored for the entity. Pure: no database. */
export function diffRelations(
  rows: readonly ResolvedRelationRow[],
  stored: readonly StoredRelation[],
  /** Keys present in the file on rows that could not be used; they are not "gone". */
  alsoPresent: ReadonlySet<string> = new Set(),
): RelationsDiff {
  const storedByKey = new Map(stored.map((s) => [relationKey(s.vlimpers, s.relationNumber), s]));
  const seen = new Set<string>();
  const diff: RelationsDiff = { added: [], changed: [], unchanged: 0, gone: [] };
  for (const row of rows) {
    const key = relationKey(row.vlimpers, row.relationNumber);
    seen.add(key);
    const existing = storedByKey.get(key);
    if (!existing) {
      diff.added.push(row);
      continue;
    }
    const fields: (ComparedField | "inPersonnelList")[] = (Object.keys(COMPARED_FIELDS) as ComparedField[]).filter(
      (field) => normalise(row[field]) !== normalise(existing[field]),
    );
    if (!existing.inPersonnelList) fields.push("inPersonnelList");
    if (fields.length) diff.changed.push({ row, stored: existing, fields });
    else diff.unchanged++;
  }
  diff.gone = stored.filter((s) => {
    const key = relationKey(s.vlimpers, s.relationNumber);
    return s.inPersonnelList && !seen.has(key) && !alsoPresent.has(key);
  });
  return diff;
}

function normalise(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value)) return Number(value).toFixed(3);
  return String(value);
}
