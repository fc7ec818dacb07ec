import type { TableColumn, TableSheet } from "@/lib/excel/write-table";
import { REPORT_REASONS, type ReportReason } from "./report-filters";
import type { ReportLine } from "./report-queries";

/** Light blue and light green, the colours of the report lines online. */
export const REPORT_FILLS = { blue: "FFD0E7FF", green: "FFD3F9D8" } as const;

export const REASON_LABELS: Record<ReportReason, string> = {
  already_linked: "Al gekoppeld aan een arbeidsplaats",
  not_in_personnel_list: "Niet meer in personeelslijst",
  non_employee: "Niet-werknemer",
  inactive: "Inactief (bv. terugvalpositie van een mandaathouder)",
  leave: "Met verlof",
  ended: "Uit dienst vóór de rundatum",
  not_yet_in_service: "Nog niet in dienst op de rundatum",
  no_function_code: "Geen functiecode (Profielbeheer)",
  requested_in_step3: "Arbeidsplaats al aangevraagd in het sjabloon (stap 3)",
  after_run: "Niet behandeld: toegevoegd of ontkoppeld na de run van stap 1",
};

const COLUMNS: TableColumn<ReportLine>[] = [
  { header: "Kleur", width: 9, value: (l) => (l.colour === "blue" ? "blauw" : "groen") },
  { header: "Reden", width: 34, value: (l) => (l.reason ? REASON_LABELS[l.reason] : "") },
  { header: "Vlimpersnummer", width: 15, value: (l) => l.vlimpers },
  { header: "Naam", width: 28, value: (l) => l.name },
  { header: "Arbeidsrelatie", width: 13, value: (l) => l.relationNumber },
  { header: "Soort", width: 14, value: (l) => (l.kind === "employee" ? "werknemer" : "niet-werknemer") },
  { header: "Status", width: 10, value: (l) => ({ active: "actief", leave: "verlof", inactive: "inactief" })[l.status] },
  { header: "Arbeidsplaats", width: 13, value: (l) => l.positionNumber },
  { header: "Functiecode", width: 14, value: (l) => l.functionCode },
  { header: "Functietitel", width: 30, value: (l) => l.functionTitle },
  { header: "Graad", width: 10, value: (l) => l.gradeCode },
  { header: "Organisatie-eenheid", width: 18, value: (l) => l.unitCode },
  { header: "Naam organisatie-eenheid", width: 30, value: (l) => l.unitName },
  { header: "Kostenplaats", width: 13, value: (l) => l.costCentreCode },
  { header: "Standplaats", width: 13, value: (l) => l.dutyLocationCode },
  { header: "VTE", width: 7, numFmt: "0.0##", value: (l) => l.fte },
];

/** The step-2 report as workbook sheets: the lines in their colours, and a legend. */
export function step2ReportSheets(input: { entityName: string; runDateLabel: string; lines: AsyncIterable<ReportLine> }): TableSheet<any>[] {
  const legend: { term: string; meaning: string }[] = [
    { term: "blauw", meaning: "De arbeidsrelatie kreeg in stap 1 een arbeidsplaats en is eraan gekoppeld. Kijk de gegevens na; correcties gebeuren online." },
    { term: "groen", meaning: "De arbeidsrelatie werd in stap 1 niet behandeld, om de reden in de kolom Reden. Vraag in stap 3 een arbeidsplaats aan waar nodig." },
    ...REPORT_REASONS.map((reason) => ({ term: REASON_LABELS[reason], meaning: "Reden van een groene lijn." })),
  ];
  return [
    {
      sheetName: "Rapport",
      title: `Rapport stap 2 – ${input.entityName} – rundatum ${input.runDateLabel}`,
      columns: COLUMNS,
      // Colour, reason, Vlimpers number and name stay in view when scrolling sideways.
      frozenColumns: 4,
      rows: input.lines,
      rowFill: (line: ReportLine) => REPORT_FILLS[line.colour],
    },
    {
      sheetName: "Legende",
      frozenColumns: 1,
      columns: [
        { header: "Kleur of reden", width: 40, value: (r: (typeof legend)[number]) => r.term },
        { header: "Betekenis", width: 110, value: (r: (typeof legend)[number]) => r.meaning },
      ],
      rows: legend,
      rowFill: (r: (typeof legend)[number]) => (r.term === "blauw" ? REPORT_FILLS.blue : r.term === "groen" ? REPORT_FILLS.green : undefined),
    },
  ];
}
