import type { ColumnSpec } from "@/lib/excel/read/match-headers";

/**
 * The personnel list ("personeelslijst") as users see it: one row per employment relation.
 * Documented for users in docs/formats.md; keep both in step. The export of the personnel list
 * writes these same columns, so an exported list imports again without changes.
 */
export const PERSONNEL_COLUMNS = [
  { key: "vlimpers", header: "Vlimpersnummer", aliases: ["Vlimpers nr", "Vlimpers", "Personeelsnummer"], required: true },
  { key: "lastName", header: "Naam", aliases: ["Achternaam", "Familienaam"], required: true },
  { key: "firstName", header: "Voornaam", required: true },
  { key: "relationNumber", header: "Arbeidsrelatie", aliases: ["Nr arbeidsrelatie", "Arbeidsrelatienummer", "Relatienummer"], required: true },
  { key: "kind", header: "Soort", aliases: ["Soort arbeidsrelatie", "Werknemer"], required: true },
  { key: "nonEmployeeCategory", header: "Categorie niet-werknemer", aliases: ["Categorie"], required: false },
  { key: "legalStatus", header: "Statuut", required: true },
  { key: "status", header: "Status", aliases: ["Status arbeidsrelatie"], required: true },
  { key: "startDate", header: "Datum in dienst", aliases: ["Startdatum", "Begindatum", "In dienst"], required: true },
  { key: "endDate", header: "Einddatum", aliases: ["Datum uit dienst"], required: false },
  { key: "grade", header: "Graad", aliases: ["Graadcode"], required: false },
  { key: "functionCode", header: "Functiecode", aliases: ["Code functie"], required: false },
  { key: "functionTitle", header: "Functietitel", required: false },
  { key: "fte", header: "VTE", aliases: ["Tewerkstellingsbreuk", "FTE", "Prestatiebreuk"], required: true },
  { key: "unit", header: "Organisatie-eenheid", aliases: ["Code organisatie-eenheid", "Org. eenheid", "Dienst"], required: false },
  { key: "unitName", header: "Naam organisatie-eenheid", required: false },
  { key: "costCentre", header: "Kostenplaats", aliases: ["Code kostenplaats"], required: false },
] as const satisfies readonly ColumnSpec[];

export type PersonnelColumnKey = (typeof PERSONNEL_COLUMNS)[number]["key"];

/** Columns the export adds for reading convenience; the import takes its data from the codes. */
export const INFORMATIVE_COLUMNS: readonly PersonnelColumnKey[] = ["functionTitle", "unitName"];

export const KIND_VALUES = { werknemer: "employee", "niet-werknemer": "non_employee" } as const;
export const LEGAL_STATUS_VALUES = { statutair: "statutory", contractueel: "contractual", mandaat: "mandate" } as const;
export const STATUS_VALUES = { actief: "active", verlof: "leave", inactief: "inactive" } as const;

export const KIND_LABELS = { employee: "werknemer", non_employee: "niet-werknemer" } as const;
export const LEGAL_STATUS_LABELS = { statutory: "statutair", contractual: "contractueel", mandate: "mandaat" } as const;
export const STATUS_LABELS = { active: "actief", leave: "verlof", inactive: "inactief" } as const;

/** FTE values that are common; others are allowed but flagged for a second look. */
export const USUAL_FTE = [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1] as const;
/** Start dates before this year are allowed but flagged. */
export const EARLIEST_PLAUSIBLE_START_YEAR = 1965;
