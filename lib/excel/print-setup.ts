import type ExcelJS from "exceljs";

export interface PrintLayout {
  /** The row holding the column names: repeated on every printed page, and the last frozen row. None on a sheet of prose. */
  headerRow?: number;
  /** Columns kept in view when scrolling sideways (the key that names each line). */
  frozenColumns?: number;
}

const A4 = 9;
const NARROW_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * How every sheet we generate prints: landscape A4, all columns on the width of one page and as
 * many pages down as it takes, the header row on top of every page. Give it to `addWorksheet`
 * (the stream writer writes the sheet properties before the first row).
 */
export function printPageSetup(layout: PrintLayout): Partial<ExcelJS.PageSetup> {
  return {
    orientation: "landscape",
    paperSize: A4,
    fitToPage: true,
    fitToWidth: 1,
    // 0: no limit on the number of pages down, so long lists stay readable.
    fitToHeight: 0,
    margins: NARROW_MARGINS,
    ...(layout.headerRow ? { printTitlesRow: `${layout.headerRow}:${layout.headerRow}` } : {}),
  };
}

/** Header row (and the rows above it) and the key columns frozen. */
export function frozenView(layout: PrintLayout): Partial<ExcelJS.WorksheetView> {
  const xSplit = layout.frozenColumns ?? 0;
  return { state: "frozen", ySplit: layout.headerRow ?? 0, ...(xSplit > 0 ? { xSplit } : {}) };
}

/** Both, as the options of `addWorksheet`. */
export function printableSheetOptions(layout: PrintLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const frozen = Boolean(layout.headerRow || layout.frozenColumns);
  return { ...(frozen ? { views: [frozenView(layout)] } : {}), pageSetup: printPageSetup(layout) };
}
