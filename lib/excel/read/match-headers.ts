import { normalizeSpaces } from "./text-spaces";

/** One column of a spreadsheet format: the header users see and the other names we accept. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  aliases?: readonly string[];
  required: boolean;
}

export interface HeaderMatch<K extends string = string> {
  /** 0-based column index of each recognised key (the first one, when duplicated). */
  columns: Partial<Record<K, number>>;
  /** Headers that match no column (empty headers are not listed). */
  unknown: { index: number; header: string }[];
  missingRequired: ColumnSpec<K>[];
  /** Keys matched by more than one column, with all their indexes in sheet order. */
  duplicated: { key: K; indexes: number[] }[];
}

/**
 * The comparison key of a header: case, accents (é = e), spaces of any kind, punctuation
 * (. - _ / : * ' etc.) and remarks in parentheses ("Datum in dienst (dd/mm/jjjj)") do not
 * count, and "nummer", "n°" and "nr" are the same word ("Vlimpers nr." = "Vlimpersnummer").
 */
export function headerKey(header: string): string {
  const base = (text: string) =>
    normalizeSpaces(text)
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/\bn[°º]/g, "nr")
      .replace(/[^\p{L}\p{N}]+/gu, "")
      .replace(/nummer/g, "nr");
  const withoutRemarks = base(header.replace(/\([^)]*\)|\[[^\]]*\]/g, " "));
  return withoutRemarks || base(header);
}

/**
 * Finds each spec's column in a header row, in any order. A spec's header comes before its
 * aliases, and an earlier spec before a later one, when two specs would claim the same name.
 */
export function matchHeaders<K extends string>(headers: readonly string[], specs: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const specByKey = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) {
    for (const name of [spec.header, ...(spec.aliases ?? [])]) {
      const key = headerKey(name);
      if (key && !specByKey.has(key)) specByKey.set(key, spec);
    }
  }

  const indexes = new Map<K, number[]>();
  const unknown: { index: number; header: string }[] = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (!key) return;
    const spec = specByKey.get(key);
    if (!spec) {
      unknown.push({ index, header: normalizeSpaces(header) });
      return;
    }
    const found = indexes.get(spec.key) ?? [];
    found.push(index);
    indexes.set(spec.key, found);
  });

  const columns: Partial<Record<K, number>> = {};
  const duplicated: { key: K; indexes: number[] }[] = [];
  for (const [key, found] of indexes) {
    columns[key] = found[0]!;
    if (found.length > 1) duplicated.push({ key, indexes: found });
  }
  const missingRequired = specs.filter((spec) => spec.required && !indexes.has(spec.key));
  return { columns, unknown, missingRequired, duplicated };
}
