import ExcelJS from "exceljs";
import { printableSheetOptions } from "@/lib/excel/print-setup";
import { safeCell } from "@/lib/excel/safe-cell";
import type { StoredReference } from "./reference-store";
import type { ReferenceKind } from "./reference-kinds";

/**
 * The reference data of one kind as the spreadsheet its import reads: same sheet name, same
 * headers, codes as text. Exported, edited and imported again, it changes only what was edited.
 */
export async function buildReferenceWorkbook(kind: ReferenceKind, records: readonly StoredReference[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Arbeidsplaatsbeheer";
  const sheet = workbook.addWorksheet(kind.sheetName, printableSheetOptions({ headerRow: 1, frozenColumns: 1 }));
  sheet.columns = kind.fields.map((field) => ({
    header: field.header,
    key: field.key,
    width: Math.max(12, field.header.length + 4, field.type === "text" ? 40 : 0),
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) {
    sheet.addRow(
      Object.fromEntries(
        kind.fields.map((field) => [
          field.key,
          safeCell(field.key === "code" ? record.code : field.key === "active" ? (record.active ? "ja" : "nee") : record.values[field.key]),
        ]),
      ),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: kind.fields.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
