import {
  ACTIVE_WORDS,
  CODE_PATTERN,
  dataFields,
  LEVELS,
  MAX_TEXT_LENGTH,
  type ReferenceField,
  type ReferenceKind,
} from "./reference-kinds";

/** A record as typed in a form or a spreadsheet row: the text of each field, by field key. */
export interface ReferenceRowInput {
  /** The spreadsheet row (1-based); 0 for a form. */
  rowNumber: number;
  texts: Readonly<Record<string, string>>;
}

/** A checked record. Field values are normalised (trimmed, upper-cased where codes or levels). */
export interface ReferenceRecord {
  rowNumber: number;
  code: string;
  active: boolean;
  values: Record<string, string | null>;
}

export interface FieldProblem {
  rowNumber: number;
  field: string;
  severity: "error" | "warning";
  message: string;
}

/** What the checks need from the database. Codes are upper-cased. */
export interface ReferenceContext {
  /** Function family codes that exist (function profiles only). */
  familyCodes: ReadonlySet<string>;
  /** The stored units of the entity: code -> parent code (org units only). */
  storedParents: ReadonlyMap<string, string | null>;
}

export const EMPTY_CONTEXT: ReferenceContext = { familyCodes: new Set(), storedParents: new Map() };

export const codeKey = (code: string) => code.trim().toUpperCase();

/**
 * Checks records of one kind, each on its own and against each other and the stored data:
 * required fields, formats, a rank within its level, codes unique, families that exist, parents
 * that exist without cycles. Every problem is returned (not just the first); records with an
 * error are left out.
 */
export function checkReferenceRecords(
  kind: ReferenceKind,
  rows: readonly ReferenceRowInput[],
  context: ReferenceContext,
): { records: ReferenceRecord[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const failed = new Set<number>();
  const problem = (rowNumber: number, field: string, message: string, severity: FieldProblem["severity"] = "error") => {
    problems.push({ rowNumber, field, severity, message });
    if (severity === "error") failed.add(rowNumber);
  };

  const records: ReferenceRecord[] = [];
  for (const row of rows) {
    const record: ReferenceRecord = { rowNumber: row.rowNumber, code: "", active: true, values: {} };
    for (const field of kind.fields) {
      const result = readField(field, row.texts[field.key] ?? "");
      if ("error" in result) {
        problem(row.rowNumber, field.key, result.error);
        continue;
      }
      if (field.key === "code") record.code = result.value ?? "";
      else if (field.key === "active") record.active = result.value !== "nee";
      else record.values[field.key] = result.value;
    }
    const { level, rank } = record.values;
    if (kind.key === "grades" && level && rank && !rank.startsWith(level)) {
      problem(row.rowNumber, "rank", `Rang ${rank} hoort niet bij niveau ${level}: een rang begint met de letter van zijn niveau, bijvoorbeeld ${level}1.`);
    }
    const family = record.values.family;
    if (family && !context.familyCodes.has(family)) {
      problem(row.rowNumber, "family", `Functiefamilie "${family}" bestaat niet in Profielbeheer. Gebruik een bestaande code.`);
    }
    records.push(record);
  }

  const firstRowOfCode = new Map<string, number>();
  for (const record of records) {
    if (!record.code) continue;
    const earlier = firstRowOfCode.get(codeKey(record.code));
    if (earlier !== undefined) {
      problem(record.rowNumber, "code", `Code ${record.code} staat al op rij ${earlier}. Elke code mag maar één keer voorkomen.`);
    } else {
      firstRowOfCode.set(codeKey(record.code), record.rowNumber);
    }
  }

  if (kind.fields.some((f) => f.type === "parentCode")) checkParents(records, context.storedParents, problem);

  return { records: records.filter((r) => !failed.has(r.rowNumber)), problems };
}

function checkParents(
  records: readonly ReferenceRecord[],
  storedParents: ReadonlyMap<string, string | null>,
  problem: (rowNumber: number, field: string, message: string) => void,
) {
  const parentOf = new Map(storedParents);
  for (const record of records) if (record.code) parentOf.set(codeKey(record.code), record.values.parent ? codeKey(record.values.parent) : null);
  for (const record of records) {
    const parent = record.values.parent;
    if (!parent || !record.code) continue;
    const own = codeKey(record.code);
    if (codeKey(parent) === own) {
      problem(record.rowNumber, "parent", "Een eenheid kan niet onder zichzelf vallen. Kies een andere bovenliggende eenheid of laat de cel leeg.");
    } else if (!parentOf.has(codeKey(parent))) {
      problem(record.rowNumber, "parent", `Bovenliggende eenheid "${parent}" bestaat niet voor deze entiteit. Gebruik een bestaande code of voeg ze toe.`);
    } else if (leadsBackTo(own, parentOf)) {
      problem(record.rowNumber, "parent", `Met "${parent}" als bovenliggende eenheid valt ${record.code} (onrechtstreeks) onder zichzelf. Doorbreek die kring.`);
    }
  }
}

function leadsBackTo(start: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  let current = parentOf.get(start) ?? null;
  while (current) {
    if (current === start) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}

type FieldResult = { value: string | null } | { error: string };

function readField(field: ReferenceField, raw: string): FieldResult {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) {
    if (field.type === "active") return { value: "ja" };
    if (field.required) return { error: `${field.header} ontbreekt. Vul deze kolom in, bijvoorbeeld ${field.example}.` };
    return { value: null };
  }
  switch (field.type) {
    case "code":
    case "familyCode":
    case "parentCode":
      if (!CODE_PATTERN.test(text)) {
        return {
          error: `"${text}" is geen geldige code voor ${field.header}: gebruik letters, cijfers, punt, koppelteken, liggend streepje of schuine streep, zonder spaties, hoogstens 40 tekens (bijvoorbeeld ${field.example}).`,
        };
      }
      return { value: field.type === "code" ? text : text.toUpperCase() };
    case "text":
    case "optionalText":
      if (text.length > MAX_TEXT_LENGTH) return { error: `${field.header} is te lang (${text.length} tekens). Houd het op hoogstens ${MAX_TEXT_LENGTH} tekens.` };
      return { value: text };
    case "level": {
      const level = text.toUpperCase();
      if (!(LEVELS as readonly string[]).includes(level)) return { error: `"${text}" is geen niveau. Kies uit A, B, C of D.` };
      return { value: level };
    }
    case "rank": {
      const rank = text.toUpperCase().replace(/\s/g, "");
      // The level's letter, a number, and for some ranks a letter for the track: A2A, A2E, A2L, A2M.
      if (!/^[A-D]\d{1,2}[A-Z]?$/.test(rank)) return { error: `"${text}" is geen rang: gebruik de letter van het niveau, een cijfer en eventueel een letter, bijvoorbeeld A1, A2E of C2.` };
      return { value: rank };
    }
    case "active": {
      const word = ACTIVE_WORDS[text.toLowerCase()];
      if (word === undefined) return { error: `"${text}" is geen geldige waarde voor Actief. Vul ja of nee in (leeg betekent ja).` };
      return { value: word ? "ja" : "nee" };
    }
  }
}

/** The fields in which a checked record differs from a stored one (codes compared case-insensitively). */
export function changedFields(kind: ReferenceKind, record: ReferenceRecord, stored: ReferenceRecord): string[] {
  const changed = dataFields(kind)
    .filter((field) => {
      const a = record.values[field.key] ?? null;
      const b = stored.values[field.key] ?? null;
      return field.type === "familyCode" || field.type === "parentCode" ? (a && codeKey(a)) !== (b && codeKey(b)) : a !== b;
    })
    .map((field) => field.key);
  if (record.code !== stored.code) changed.unshift("code");
  if (record.active !== stored.active) changed.push("active");
  return changed;
}
