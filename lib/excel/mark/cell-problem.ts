/** A problem found in an upload, pointing at a cell (or a whole row) as Excel numbers it. */
export interface CellProblem {
  /** 1-based, as shown in Excel. */
  rowNumber: number;
  /** 1-based sheet column; absent = the whole row. */
  column?: number;
  severity: "error" | "warning";
  /** Dutch, for the user: what is wrong and how to fix it. */
  message: string;
  /** The column's header, to show next to its letter. */
  columnLabel?: string;
}

export const SEVERITY_LABEL = { error: "Fout", warning: "Waarschuwing" } as const;

/** Light red and yellow, Excel's own "Bad" and "Neutral" fills: the text stays readable. */
export const FILL_ARGB = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const;
