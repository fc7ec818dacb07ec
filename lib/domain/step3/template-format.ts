import type { ColumnSpec } from "@/lib/excel/read/match-headers";

/**
 * The position template ("arbeidsplaatssjabloon") as users see it: one row per green line of the
 * step-2 report, plus empty rows for positions not tied to a green line. Documented for users in
 * docs/formats.md; keep both in step. The template is generated with these headers and read back
 * with them (in any order, also under the aliases).
 */
export const TEMPLATE_COLUMNS = [
  { key: "vlimpers", header: "Vlimpersnummer", aliases: ["Vlimpers nr", "Vlimpers"], required: true },
  { key: "name", header: "Naam", required: false },
  { key: "relationNumber", header: "Arbeidsrelatie", aliases: ["Nr arbeidsrelatie", "Relatienummer"], required: true },
  { key: "reason", header: "Reden niet behandeld", aliases: ["Reden"], required: false },
  { key: "decision", header: "Arbeidsplaats nodig", aliases: ["Aanvraag", "Arbeidsplaats aanvragen"], required: true },
  { key: "notNeededReason", header: "Reden geen arbeidsplaats", required: false },
  { key: "functionCode", header: "Functiecode", aliases: ["Code functie"], required: true },
  { key: "functionTitle", header: "Functietitel", required: false },
  { key: "grade", header: "Graad", aliases: ["Graadcode"], required: true },
  { key: "unit", header: "Organisatie-eenheid", aliases: ["Code organisatie-eenheid"], required: true },
  { key: "costCentre", header: "Kostenplaats", aliases: ["Code kostenplaats"], required: false },
  { key: "dutyLocation", header: "Standplaats", aliases: ["Code standplaats"], required: false },
  { key: "fte", header: "VTE", aliases: ["FTE", "Tewerkstellingsbreuk"], required: true },
  { key: "validFrom", header: "Ingangsdatum", aliases: ["Geldig vanaf", "Startdatum"], required: false },
  { key: "note", header: "Opmerking", aliases: ["Opmerkingen"], required: false },
] as const satisfies readonly ColumnSpec[];

export type TemplateColumnKey = (typeof TEMPLATE_COLUMNS)[number]["key"];

/** Columns the template fills for reading convenience; the upload takes nothing from them. */
export const TEMPLATE_INFORMATIVE_COLUMNS: readonly TemplateColumnKey[] = ["name", "reason", "functionTitle"];

/** The sheet the upload reads; the workbook also holds "Instructies" and "Lijsten". */
export const TEMPLATE_SHEET = "Sjabloon";
export const TEMPLATE_LISTS_SHEET = "Lijsten";
export const TEMPLATE_INSTRUCTIONS_SHEET = "Instructies";

/** Empty rows after the green lines, for positions not tied to a green line. */
export const TEMPLATE_FREE_ROWS = 200;

/** What the "Arbeidsplaats nodig" column accepts; the drop-down offers the first two. */
export const DECISION_VALUES = { ja: "requested", nee: "not_needed", j: "requested", n: "not_needed", yes: "requested", no: "not_needed" } as const;
export const DECISION_LABELS = { requested: "Ja", not_needed: "Nee" } as const;
export type TemplateDecision = keyof typeof DECISION_LABELS;

/** Highest number of characters of the free-text columns (reason, note). */
export const TEMPLATE_TEXT_MAX = 500;
