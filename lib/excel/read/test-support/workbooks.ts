import ExcelJS from "exceljs";

/** Test-only: an .xlsx built in memory with exceljs. */
export async function xlsxFrom(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function simpleXlsx(rows: unknown[][], sheetName = "Blad1"): Promise<Buffer> {
  return xlsxFrom((workbook) => {
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  });
}

/** A CFB (OLE) header followed by directory-like UTF-16LE stream names. */
export function compoundFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const names = streamNames.map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, "utf16le");
    return entry;
  });
  return Buffer.concat([header, Buffer.alloc(512), ...names]);
}
