import { describe, expect, it } from "vitest";
import { DEFAULT_UPLOAD_LIMITS, UploadRejectedError } from "./inspect-upload";
import { cellText, parseDecimalCell, parseDigitsCell } from "./normalize-cell";
import { detectDelimiter } from "./read-csv";
import { readTable } from "./read-table";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const texts = (table: Awaited<ReturnType<typeof readTable>>) => table.rows.map((row) => row.cells.map(cellText));

async function rejectionOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRejectedError);
    return error as UploadRejectedError;
  }
  throw new Error("expected a rejection");
}

describe("readTable (csv)", () => {
  it("reads a Belgian Excel export: ';', BOM, quoted fields with ';', quotes and line breaks", async () => {
    const csv = 'Vlimpersnummer;Naam;VTE;Opmerking\r\n012345;"Peeters; Jan";0,8;"zegt ""hallo""\r\nen gaat"\r\n23456;An;1;\r\n\r\n\r\n';
    const table = await readTable(Buffer.concat([BOM, Buffer.from(csv)]), "csv", {});
    expect(table).toMatchObject({ sheetName: "CSV", headerRowNumber: 1, date1904: false });
    expect(table.headers).toEqual(["Vlimpersnummer", "Naam", "VTE", "Opmerking"]);
    expect(texts(table)).toEqual([
      ["012345", "Peeters; Jan", "0,8", 'zegt "hallo" en gaat'],
      ["23456", "An", "1", ""],
    ]);
    // A record spanning two lines is one row, as in Excel; trailing empty lines are gone.
    expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 3]);
    expect(table.rows[0]!.cells[0]).toEqual({ kind: "text", text: "012345" });
    expect(parseDecimalCell(table.rows[0]!.cells[2])).toEqual({ ok: true, value: 0.8 });
    expect(parseDigitsCell(table.rows[1]!.cells[0], 6)).toEqual({ ok: true, digits: "023456" });
  });

  it("detects ',' and tab, and honours Excel's sep= line", async () => {
    expect(texts(await readTable(Buffer.from("a,b\n1,2\n"), "csv", {}))).toEqual([["1", "2"]]);
    expect(texts(await readTable(Buffer.from("a\tb\n1,5\t2\n"), "csv", {}))).toEqual([["1,5", "2"]]);
    const withSep = await readTable(Buffer.from("sep=,\nNaam;x,VTE\nJan;y,1\n"), "csv", {});
    expect(withSep.headers).toEqual(["Naam;x", "VTE"]);
    expect(withSep.headerRowNumber).toBe(1);
    expect(detectDelimiter('"Naam, voornaam";VTE\n').delimiter).toBe(";");
    expect(detectDelimiter("Naam;Voornaam,Roepnaam\n").delimiter).toBe(";");
  });

  it("falls back to Windows-1252 and reads UTF-16 with BOM", async () => {
    const latin = Buffer.from("Naam;Dienst\nZoë;Financiën\n", "latin1");
    expect(texts(await readTable(latin, "csv", {}))).toEqual([["Zoë", "Financiën"]]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Naam\tDienst\r\nZoë\tFinanciën\r\n", "utf16le")]);
    expect(texts(await readTable(utf16, "csv", {}))).toEqual([["Zoë", "Financiën"]]);
  });

  it("skips leading and interior empty lines, treats NBSP-only cells as empty, keeps row numbers", async () => {
    const table = await readTable(Buffer.from("\n;;\nNaam;VTE\nJan;\u00a0\n\nAn;1\n;\n"), "csv", {});
    expect(table.headerRowNumber).toBe(3);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([4, 6]);
    expect(table.rows[0]!.cells[1]).toEqual({ kind: "empty" });
  });

  it("refuses an unclosed quote with the line, and content beyond the limits", async () => {
    const broken = await rejectionOf(readTable(Buffer.from('Naam;VTE\nJan;1\n"An;1\nPiet;1\n'), "csv", {}));
    expect(broken.reason).toBe("corrupt");
    expect(broken.message).toContain("(rond regel 3): waarschijnlijk opent daar een aanhalingsteken");
    const lines = ["Nr", ...Array.from({ length: 30 }, (_, i) => String(i))].join("\n");
    const many = await rejectionOf(readTable(Buffer.from(lines), "csv", { limits: { ...DEFAULT_UPLOAD_LIMITS, maxRows: 20 } }));
    expect(many.reason).toBe("too_many_rows");
    expect(many.message).toMatch(/^Het bestand telt 21 rijen of meer; het maximum is 20\./);
    const afterSep = await rejectionOf(readTable(Buffer.from('sep=;\nNaam;VTE\n"Jan;1\n'), "csv", {}));
    expect(afterSep.message).toContain("(rond regel 3)");
    const wide = await rejectionOf(readTable(Buffer.from("a;b;c;d\n"), "csv", { limits: { ...DEFAULT_UPLOAD_LIMITS, maxColumns: 3 } }));
    expect(wide.reason).toBe("too_many_columns");
  });

  it("refuses a CSV with nothing in it", async () => {
    expect((await rejectionOf(readTable(Buffer.from(";;\n\n"), "csv", {}))).reason).toBe("empty");
  });
});
