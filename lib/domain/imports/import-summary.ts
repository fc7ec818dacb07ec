import type { ImportSummary } from "@/db/schema";

/**
 * Whether confirming this preview would change nothing. Records missing from the file count as a
 * change for the personnel list (they get flagged) but not for reference data (left as they are).
 */
export function importChangesNothing(summary: ImportSummary, missingRecords: "flagged" | "leftAlone"): boolean {
  return summary.added + summary.changed + (missingRecords === "flagged" ? summary.gone : 0) === 0;
}
