import type { ImportSummary } from "@/db/schema";

/** What was uploaded: each kind of file has its own words for the same summary figures. */
export type UploadKind = "personnel" | "reference" | "template" | "control";

type SummaryFigure = keyof Pick<ImportSummary, "rows" | "added" | "changed" | "unchanged" | "gone" | "errors" | "warnings">;

/**
 * The figures shown for an upload, each with the message key (namespace "imports") that names it
 * for this kind of file: a control report counts positions given a person, not new relations.
 */
export function summaryFigures(upload: UploadKind): { figure: SummaryFigure; label: string }[] {
  const between = FIGURE_LABELS[upload];
  return [{ figure: "rows", label: "rows" }, ...between, { figure: "errors", label: "errors" }, { figure: "warnings", label: "warnings" }];
}

const FIGURE_LABELS: Record<UploadKind, { figure: SummaryFigure; label: string }[]> = {
  personnel: [
    { figure: "added", label: "added" },
    { figure: "changed", label: "changed" },
    { figure: "unchanged", label: "unchanged" },
    { figure: "gone", label: "gone" },
  ],
  reference: [
    { figure: "added", label: "added" },
    { figure: "changed", label: "changed" },
    { figure: "unchanged", label: "unchanged" },
    { figure: "gone", label: "goneReference" },
  ],
  template: [
    { figure: "added", label: "requested" },
    { figure: "unchanged", label: "notNeeded" },
    { figure: "gone", label: "missingGreen" },
  ],
  control: [
    { figure: "added", label: "assigned" },
    { figure: "unchanged", label: "vacant" },
    { figure: "gone", label: "missingPositions" },
  ],
};

/** The line shown while nothing of this kind has been uploaded yet. */
export function noUploadYetLabel(upload: UploadKind): string {
  return `noImports_${upload}`;
}
