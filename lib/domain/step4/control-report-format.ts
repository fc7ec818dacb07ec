import type { ColumnSpec } from "@/lib/excel/read/match-headers";

/**
 * The control report ("controlerapport") of step 4: every position step 4 created, with its new
 * number, and the two orange columns the entity fills in step 5 (who goes into the position). Read back
 * by header name, so a file in an older column order still reads.
 * Documented for users in docs/formats.md; keep both in step.
 */
export const CONTROL_REPORT_COLUMNS = [
  { key: "positionNumber", header: "Arbeidsplaats", aliases: ["Arbeidsplaatsnummer", "Nummer arbeidsplaats"], required: true },
  // The two orange columns, filled by the entity in step 5: first, beside the position they are about.
  // Written already holding the person named in step 3, so the entity confirms rather than retypes.
  { key: "vlimpers", header: "Vlimpersnummer", aliases: ["Vlimpers nr", "Vlimpers"], required: true },
  { key: "relationNumber", header: "Arbeidsrelatie", aliases: ["Nr arbeidsrelatie", "Relatienummer"], required: true },
  { key: "requestedForName", header: "Aangevraagd voor: naam", required: false },
  { key: "requestedForVlimpers", header: "Aangevraagd voor: Vlimpersnummer", required: false },
  { key: "requestedForRelation", header: "Aangevraagd voor: arbeidsrelatie", required: false },
  { key: "functionCode", header: "Functiecode", required: false },
  { key: "functionTitle", header: "Functietitel", required: false },
  { key: "grade", header: "Graad", required: false },
  { key: "unit", header: "Organisatie-eenheid", required: false },
  { key: "unitName", header: "Naam organisatie-eenheid", required: false },
  { key: "costCentre", header: "Kostenplaats", required: false },
  { key: "dutyLocation", header: "Standplaats", required: false },
  { key: "fte", header: "VTE", required: false },
  { key: "validFrom", header: "Ingangsdatum", required: false },
  { key: "note", header: "Opmerking", required: false },
] as const satisfies readonly ColumnSpec[];

export type ControlReportColumnKey = (typeof CONTROL_REPORT_COLUMNS)[number]["key"];

/** The columns the entity fills in step 5, in orange. */
export const CONTROL_REPORT_ENTITY_COLUMNS: readonly ControlReportColumnKey[] = ["vlimpers", "relationNumber"];

export const CONTROL_REPORT_SHEET = "Controlerapport";
export const CONTROL_REPORT_INSTRUCTIONS_SHEET = "Instructies";

/** Excel's light orange: the cells the entity fills. */
export const ORANGE_FILL = "FFFFD8A8";
