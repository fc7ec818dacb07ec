import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** Test-only: a personnel-like sheet of `rows` x 15 columns, written with the streaming writer. */
export async function largeXlsx(rows: number): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => stream.on("end", resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Personeel");
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const row = sheet.addRow(largeRow(i));
    row.getCell(9).numFmt = "dd/mm/yyyy";
    row.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

export function largeCsv(rows: number): Buffer {
  const lines = [HEADERS.join(";")];
  for (let i = 0; i < rows; i++) {
    lines.push(largeRow(i).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value))).join(";"));
  }
  return Buffer.from(lines.join("\r\n"));
}

const HEADERS = [
  "Vlimpersnummer", "Naam", "Voornaam", "Arbeidsrelatie", "Soort", "Categorie niet-werknemer", "Statuut", "Status",
  "Datum in dienst", "Einddatum", "Graad", "Functiecode", "VTE", "Organisatie-eenheid", "Kostenplaats",
];

function largeRow(i: number): (string | number | Date)[] {
  return [
    String(100000 + i).padStart(6, "0"), `Achternaam ${i}`, `Voornaam ${i % 997}`, 1 + (i % 3), "werknemer", "",
    i % 2 ? "statutair" : "contractueel", "actief", new Date(Date.UTC(2000 + (i % 24), i % 12, 1 + (i % 28))), "",
    `A${1 + (i % 4)}${1 + (i % 2)}`, `F${(i % 500).toString().padStart(4, "0")}`, [1, 0.8, 0.5][i % 3]!, `OE${i % 120}`, `KP${i % 40}`,
  ];
}
