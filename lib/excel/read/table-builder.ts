import { cellText, EMPTY_CELL, type NormalizedCell } from "./normalize-cell";
import { applyMerges, type MergeRange } from "./sheet-merges";
import type { UploadLimits } from "./upload-limits";
import { reject } from "./upload-rejected-error";

export interface RawRow {
  /** The row number as Excel shows it, 1-based. */
  rowNumber: number;
  /** Index 0 is column A; at least as long as the header row. */
  cells: NormalizedCell[];
}

export interface RawTable {
  sheetName: string;
  headerRowNumber: number;
  headers: string[];
  rows: RawRow[];
  date1904: boolean;
}

/**
 * Turns rows, in sheet order, into a table: the first row with anything in it is the header
 * row; rows with nothing in them (also between data rows, and so also trailing ones) are
 * left out, and the others keep their own row numbers. Refuses content beyond the row and
 * column limits the moment it appears.
 */
export class TableBuilder {
  private header: RawRow | undefined;
  private readonly rows: RawRow[] = [];

  constructor(
    private readonly sheetName: string,
    private readonly limits: Pick<UploadLimits, "maxRows" | "maxColumns">,
    /** False for a CSV: messages then speak of "het bestand", not of a sheet. */
    private readonly isSheet = true,
  ) {}

  private get where(): string | undefined {
    return this.isSheet ? this.sheetName : undefined;
  }

  add(rowNumber: number, cells: NormalizedCell[]): void {
    let last = -1;
    for (let i = cells.length - 1; i >= 0; i--) {
      if (cells[i]!.kind !== "empty") {
        last = i;
        break;
      }
    }
    if (last < 0) return;
    if (rowNumber > this.limits.maxRows) throw reject.tooManyRows(this.where, rowNumber, this.limits.maxRows);
    if (last + 1 > this.limits.maxColumns) throw reject.tooManyColumns(this.where, last + 1, this.limits.maxColumns);
    if (cells.length > last + 1) cells.length = last + 1;
    if (this.header) this.rows.push({ rowNumber, cells });
    else this.header = { rowNumber, cells };
  }

  /** The table, with merged ranges filled (their values sit in the top-left cell only). */
  finish(date1904: boolean, merges: MergeRange[] = []): RawTable {
    const header = this.header;
    if (!header) throw reject.empty(this.where ?? "");
    if (merges.length) applyMerges([header, ...this.rows], merges, this.limits.maxColumns);
    const headers = header.cells.map(cellText);
    for (const row of this.rows) {
      while (row.cells.length < headers.length) row.cells.push(EMPTY_CELL);
    }
    return { sheetName: this.sheetName, headerRowNumber: header.rowNumber, headers, rows: this.rows, date1904 };
  }
}
