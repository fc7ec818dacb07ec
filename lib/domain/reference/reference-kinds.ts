import type { ColumnSpec } from "@/lib/excel/read/match-headers";

/**
 * The five kinds of reference data a central expert keeps, described once: the form, the list,
 * the spreadsheet import and export all follow these descriptions. Documented for users in
 * docs/formats.md; keep both in step.
 */
export const REFERENCE_KIND_KEYS = ["grades", "function-profiles", "duty-locations", "org-units", "cost-centres"] as const;
export type ReferenceKindKey = (typeof REFERENCE_KIND_KEYS)[number];

/** How a field's text is checked and normalised. */
export type FieldType =
  | "code"
  | "text"
  | "optionalText"
  | "level"
  | "rank"
  /** The code of a function family that must exist. */
  | "familyCode"
  /** The code of another unit of the same entity (in the file or stored), without cycles. */
  | "parentCode"
  | "active";

export interface ReferenceField extends ColumnSpec {
  type: FieldType;
  /** Example value, for the documentation and the form's placeholder. */
  example: string;
}

export interface ReferenceKind {
  key: ReferenceKindKey;
  /** "global" kinds are shared by all entities; "entity" kinds belong to one entity. */
  scope: "global" | "entity";
  sheetName: string;
  fileStem: string;
  /** The field that is shown as the record's name in lists and messages. */
  nameField: string;
  fields: readonly ReferenceField[];
}

const code = (header: string, aliases: string[], example: string): ReferenceField => ({
  key: "code",
  header,
  aliases: ["Code", ...aliases],
  required: true,
  type: "code",
  example,
});
const active: ReferenceField = { key: "active", header: "Actief", aliases: ["In gebruik"], required: false, type: "active", example: "ja" };

export const REFERENCE_KINDS: Record<ReferenceKindKey, ReferenceKind> = {
  grades: {
    key: "grades",
    scope: "global",
    sheetName: "Graden",
    fileStem: "graden",
    nameField: "title",
    fields: [
      code("Graadcode", ["Graad", "Code graad"], "A1-ATT"),
      { key: "title", header: "Titel", aliases: ["Benaming", "Titel graad"], required: true, type: "text", example: "attaché" },
      { key: "rank", header: "Rang", required: true, type: "rank", example: "A1" },
      { key: "level", header: "Niveau", required: true, type: "level", example: "A" },
      { key: "payScale", header: "Salarisschaal", aliases: ["Weddeschaal", "Schaal"], required: false, type: "optionalText", example: "A111" },
      active,
    ],
  },
  "function-profiles": {
    key: "function-profiles",
    scope: "global",
    sheetName: "Functieprofielen",
    fileStem: "functieprofielen",
    nameField: "title",
    fields: [
      code("Functiecode", ["Code functie", "Code functieprofiel"], "FP-A-0001"),
      { key: "title", header: "Functietitel", aliases: ["Titel", "Benaming"], required: true, type: "text", example: "Beleidsmedewerker" },
      { key: "family", header: "Functiefamilie", aliases: ["Code functiefamilie", "Familie"], required: true, type: "familyCode", example: "FF-BELEID" },
      { key: "level", header: "Niveau", required: true, type: "level", example: "A" },
      active,
    ],
  },
  "duty-locations": {
    key: "duty-locations",
    scope: "global",
    sheetName: "Standplaatsen",
    fileStem: "standplaatsen",
    nameField: "name",
    fields: [
      code("Code standplaats", ["Standplaats"], "BXL-HAC"),
      { key: "name", header: "Naam", aliases: ["Benaming", "Naam standplaats"], required: true, type: "text", example: "Herman Teirlinckgebouw" },
      { key: "municipality", header: "Gemeente", aliases: ["Plaats", "Stad"], required: false, type: "optionalText", example: "Brussel" },
      active,
    ],
  },
  "org-units": {
    key: "org-units",
    scope: "entity",
    sheetName: "Organisatie-eenheden",
    fileStem: "organisatie-eenheden",
    nameField: "name",
    fields: [
      code("Code organisatie-eenheid", ["Organisatie-eenheid", "Code eenheid"], "AFD-HR"),
      { key: "name", header: "Naam", aliases: ["Benaming", "Naam organisatie-eenheid"], required: true, type: "text", example: "Afdeling HR" },
      {
        key: "parent",
        header: "Bovenliggende eenheid",
        aliases: ["Code bovenliggende eenheid", "Valt onder"],
        required: false,
        type: "parentCode",
        example: "DIR-ORG",
      },
      active,
    ],
  },
  "cost-centres": {
    key: "cost-centres",
    scope: "entity",
    sheetName: "Kostenplaatsen",
    fileStem: "kostenplaatsen",
    nameField: "name",
    fields: [
      code("Code kostenplaats", ["Kostenplaats"], "KP-1000"),
      { key: "name", header: "Naam", aliases: ["Benaming", "Naam kostenplaats"], required: true, type: "text", example: "Centrale diensten" },
      active,
    ],
  },
};

export function isReferenceKindKey(value: string): value is ReferenceKindKey {
  return (REFERENCE_KIND_KEYS as readonly string[]).includes(value);
}

/** The fields a record carries besides its code and its active flag. */
export function dataFields(kind: ReferenceKind): readonly ReferenceField[] {
  return kind.fields.filter((f) => f.key !== "code" && f.key !== "active");
}

export const LEVELS = ["A", "B", "C", "D"] as const;
export const ACTIVE_WORDS: Readonly<Record<string, boolean>> = {
  ja: true,
  j: true,
  yes: true,
  y: true,
  x: true,
  "1": true,
  waar: true,
  true: true,
  actief: true,
  nee: false,
  n: false,
  no: false,
  "0": false,
  onwaar: false,
  false: false,
  inactief: false,
};
export const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,39}$/u;
export const MAX_TEXT_LENGTH = 200;
