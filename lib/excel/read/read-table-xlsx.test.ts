import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, parseDateCell, parseDigitsCell } from "./normalize-cell";
import { readTable } from "./read-table";
import { DEFAULT_UPLOAD_LIMITS, UploadRejectedError } from "./inspect-upload";
import { simpleXlsx, xlsxFrom } from "./test-support/workbooks";
import { buildZip, patchZip, readZipParts } from "./test-support/zip-writer";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function rejectionOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRejectedError);
    return error as UploadRejectedError;
  }
  throw new Error("expected a rejection");
}

function quirkyWorkbook() {
  return xlsxFrom((workbook) => {
    const sheet = workbook.addWorksheet("Personeel");
    // Rows 1-2 empty; the header is row 3, with a non-breaking space and odd spacing.
    sheet.getRow(3).values = ["Vlimpers\u00a0nummer", " Naam ", "Datum in dienst", "VTE", "Dienst", "Info", "Functie"];
    sheet.getRow(4).values = ["012345", { richText: [{ text: "Jan " }, { font: { bold: true }, text: "Peeters" }] }, utc(2024, 1, 15), 0.8, "HR", { text: "Profiel", hyperlink: "https://example.org/p" }, { formula: 'UPPER("ab")', result: "AB" }];
    sheet.getRow(5).values = [12345, "Zoë\u00a0De\u00a0Smet", "15/01/2024", "0,8", "ICT", { error: "#N/A" }, { formula: "D5*2", result: 1.6 }];
    sheet.getRow(6).values = [23456, "Piet", 45306, { formula: "D5/2", result: 0.4 }, null, true, { formula: "TODAY()", result: 45306 }];
    sheet.getCell("G6").numFmt = "dd/mm/yyyy";
    sheet.getCell("C4").numFmt = "dd/mm/yyyy";
    sheet.mergeCells("E6:E7"); // no value in E6: nothing to fill
    sheet.getRow(7).values = [34567, "An", utc(2023, 9, 1), 1];
    sheet.getCell("C7").numFmt = "d-mmm-yy";
    sheet.getRow(8).values = []; // empty row between data rows
    sheet.getCell("A9").value = 45678;
    sheet.getCell("B9").value = "Merge";
    sheet.getCell("E9").value = "Financiën";
    sheet.mergeCells("E9:E11");
    sheet.getCell("A10").value = 45679;
    sheet.getCell("A11").value = 45680;
    // Trailing rows with formatting only, and one with a space.
    sheet.getCell("A15").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    sheet.getCell("B16").value = " ";
  });
}

describe("readTable (xlsx)", () => {
  it("finds the header row and reads every quirk of real files", async () => {
    const table = await readTable(await quirkyWorkbook(), "xlsx", {});
    expect(table.sheetName).toBe("Personeel");
    expect(table.headerRowNumber).toBe(3);
    expect(table.date1904).toBe(false);
    expect(table.headers).toEqual(["Vlimpers nummer", "Naam", "Datum in dienst", "VTE", "Dienst", "Info", "Functie"]);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([4, 5, 6, 7, 9, 10, 11]);

    const [r4, r5, r6, r7, r9, r10, r11] = table.rows;
    expect(r4!.cells).toEqual([
      { kind: "text", text: "012345" },
      { kind: "text", text: "Jan Peeters" },
      { kind: "date", iso: "2024-01-15", text: "2024-01-15" },
      { kind: "number", value: 0.8, text: "0.8" },
      { kind: "text", text: "HR" },
      { kind: "text", text: "Profiel" },
      { kind: "text", text: "AB" },
    ]);
    expect(parseDigitsCell(r5!.cells[0], 6)).toEqual({ ok: true, digits: "012345" });
    expect(cellText(r5!.cells[1])).toBe("Zoë De Smet");
    expect(parseDateCell(r5!.cells[2], table)).toEqual({ ok: true, iso: "2024-01-15" });
    expect(r5!.cells[3]).toEqual({ kind: "text", text: "0,8" });
    expect(r5!.cells[5]).toEqual({ kind: "error", text: "#N/A" });
    expect(r5!.cells[6]).toEqual({ kind: "number", value: 1.6, text: "1.6" });
    expect(r6!.cells[2]).toEqual({ kind: "number", value: 45306, text: "45306" });
    expect(parseDateCell(r6!.cells[2], table)).toEqual({ ok: true, iso: "2024-01-15" });
    expect(r6!.cells[3]).toEqual({ kind: "number", value: 0.4, text: "0.4" });
    expect(r6!.cells[4]).toEqual({ kind: "empty" });
    expect(r6!.cells[5]).toEqual({ kind: "boolean", value: true, text: "WAAR" });
    expect(r6!.cells[6]).toEqual({ kind: "date", iso: "2024-01-15", text: "2024-01-15" });
    expect(r7!.cells[2]).toEqual({ kind: "date", iso: "2023-09-01", text: "2023-09-01" });
    expect(r7!.cells).toHaveLength(7); // padded to the header's width
    expect(r7!.cells[4]).toEqual({ kind: "empty" });
    // The merged E9:E11 gives its value to each row of the range.
    for (const row of [r9, r10, r11]) expect(row!.cells[4]).toEqual({ kind: "text", text: "Financiën" });
    expect(JSON.stringify(table)).not.toContain("[object Object]");
  });

  it("reads shared formulas by their cached results", async () => {
    const file = await xlsxFrom((workbook) => {
      const sheet = workbook.addWorksheet("Blad1");
      sheet.getRow(1).values = ["Waarde", "Dubbel"];
      for (let r = 2; r <= 4; r++) sheet.getCell(`A${r}`).value = r;
      sheet.getCell("B2").value = { formula: "A2*2", result: 4, shareType: "shared", ref: "B2:B4" } as ExcelJS.CellValue;
      sheet.getCell("B3").value = { sharedFormula: "B2", result: 6 };
      sheet.getCell("B4").value = { sharedFormula: "B2", result: 8 };
    });
    const table = await readTable(file, "xlsx", {});
    expect(table.rows.map((row) => row.cells[1])).toEqual([4, 6, 8].map((value) => ({ kind: "number", value, text: String(value) })));
  });

  it("fills horizontally merged header cells and a merged block", async () => {
    const file = await xlsxFrom((workbook) => {
      const sheet = workbook.addWorksheet("Blad1");
      sheet.getRow(1).values = ["Naam", "Adres", null, "Code"];
      sheet.mergeCells("B1:C1");
      sheet.getRow(2).values = ["a", "x", "y", "c1"];
      sheet.getRow(3).values = ["b", "Blok"];
      sheet.getRow(4).values = ["c"]; // before merging: setting values afterwards drops the merge
      sheet.mergeCells("B3:C4");
    });
    const table = await readTable(file, "xlsx", {});
    expect(table.headers).toEqual(["Naam", "Adres", "Adres", "Code"]);
    expect(table.rows.map((row) => row.cells.map(cellText))).toEqual([
      ["a", "x", "y", "c1"],
      ["b", "Blok", "Blok", ""],
      ["c", "Blok", "Blok", ""],
    ]);
  });

  it("reads the 1904 date system, also when written as date1904=\"true\"", async () => {
    const file = await xlsxFrom((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet("Blad1");
      sheet.getRow(1).values = ["Datum", "Serieel"];
      sheet.getRow(2).values = [utc(2024, 1, 15), 45306 - 1462];
      sheet.getCell("A2").numFmt = "dd/mm/yyyy";
    });
    const parts = await readZipParts(file);
    expect(parts.find((part) => part.name === "xl/workbook.xml")!.data.toString()).toMatch(/date1904="1"/);
    for (const variant of [file, await patchZip(file, (name, xml) => xml.replace('date1904="1"', 'date1904="true"'))]) {
      const table = await readTable(variant, "xlsx", {});
      expect(table.date1904).toBe(true);
      expect(table.rows[0]!.cells[0]).toEqual({ kind: "date", iso: "2024-01-15", text: "2024-01-15" });
      expect(parseDateCell(table.rows[0]!.cells[1], table)).toEqual({ ok: true, iso: "2024-01-15" });
    }
  });

  it("reads the named sheet or else the first visible one", async () => {
    const file = await xlsxFrom((workbook) => {
      workbook.addWorksheet("Lijsten", { state: "hidden" }).addRow(["verborgen"]);
      workbook.addWorksheet("Personeel").addRow(["eerste zichtbare"]);
      workbook.addWorksheet("Graden").addRow(["Graad"]);
    });
    expect((await readTable(file, "xlsx", {})).headers).toEqual(["eerste zichtbare"]);
    expect((await readTable(file, "xlsx", { sheetName: "Graden" })).headers).toEqual(["Graad"]);
    expect((await readTable(file, "xlsx", { sheetName: " graden " })).sheetName).toBe("Graden");
    const missing = await rejectionOf(readTable(file, "xlsx", { sheetName: "Kostenplaatsen" }));
    expect(missing.reason).toBe("sheet_not_found");
    expect(missing.message).toBe(
      'Het werkblad "Kostenplaatsen" ontbreekt in het bestand. Aanwezige werkbladen: "Personeel", "Graden". Geef het werkblad de naam "Kostenplaatsen" of gebruik het sjabloon.',
    );
  });

  it("reads files whose shared strings come before the sheet (no temporary file)", async () => {
    const file = await simpleXlsx([["Code", "Naam"], ["A1", "Eén"]]);
    const parts = await readZipParts(file);
    const order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"];
    const sorted = [...parts].sort((a, b) => rank(a.name) - rank(b.name));
    function rank(name: string) {
      const i = order.indexOf(name);
      return i < 0 ? order.length : i;
    }
    const table = await readTable(buildZip(sorted), "xlsx", {});
    expect(table.rows[0]!.cells).toEqual([{ kind: "text", text: "A1" }, { kind: "text", text: "Eén" }]);
  });

  it("reads a sheet part with an unusual name and a workbook without shared strings", async () => {
    const file = await xlsxFrom((workbook) => {
      workbook.addWorksheet("Eerste").addRow(["x"]);
      const sheet = workbook.addWorksheet("Getallen");
      sheet.addRow([1, 2]);
      sheet.addRow([3, 4]);
    });
    const renamed = (await readZipParts(file))
      .filter((part) => part.name !== "xl/sharedStrings.xml")
      .map((part) => {
        const rename = (text: string) => text.replaceAll("worksheets/sheet2.xml", "worksheets/Getallen.xml");
        const data = part.name.endsWith("sheet1.xml") ? Buffer.from(part.data.toString().replace(/t="s"/g, 't="n"')) : part.data;
        return { name: rename(part.name), data: /\.(xml|rels)$/.test(part.name) ? Buffer.from(rename(data.toString()).replace(/<Override[^>]*sharedStrings[^>]*\/>|<Relationship[^>]*sharedStrings[^>]*\/>/g, "")) : data };
      });
    expect(renamed.map((part) => part.name)).toContain("xl/worksheets/Getallen.xml");
    const table = await readTable(buildZip(renamed), "xlsx", { sheetName: "Getallen" });
    expect(table.headers).toEqual(["1", "2"]);
    expect(table.rows[0]!.cells).toEqual([{ kind: "number", value: 3, text: "3" }, { kind: "number", value: 4, text: "4" }]);
  });

  it("refuses content beyond the row and column limits while streaming", async () => {
    const rows = [["Nr"], ...Array.from({ length: 100 }, (_, i) => [i + 1])];
    const tooMany = await rejectionOf(readTable(await simpleXlsx(rows), "xlsx", { limits: { ...DEFAULT_UPLOAD_LIMITS, maxRows: 50 } }));
    expect(tooMany.reason).toBe("too_many_rows");
    expect(tooMany.message).toContain('"Blad1" telt 51 rijen');
    const wide = await simpleXlsx([Array.from({ length: 12 }, (_, i) => `K${i}`)]);
    const tooWide = await rejectionOf(readTable(wide, "xlsx", { limits: { ...DEFAULT_UPLOAD_LIMITS, maxColumns: 10 } }));
    expect(tooWide.reason).toBe("too_many_columns");
  });

  it("refuses a sheet part cut off in the middle, which the streaming reader would read as a shorter sheet", async () => {
    const file = await simpleXlsx(Array.from({ length: 50 }, (_, i) => [`Code${i}`, i]));
    for (const fraction of [0.5, 0.7, 0.95]) {
      const cut = await patchZip(file, (name, xml) => (name === "xl/worksheets/sheet1.xml" ? xml.slice(0, Math.floor(xml.length * fraction)) : xml));
      const refused = await rejectionOf(readTable(cut, "xlsx", {}));
      expect(refused.reason).toBe("corrupt");
    }
    expect((await readTable(file, "xlsx", {})).rows.length).toBe(49);
  });

  it("refuses malformed sheet XML and an empty sheet", async () => {
    const file = await simpleXlsx([["Code"], ["A"]]);
    const broken = await patchZip(file, (name, xml) => (name === "xl/worksheets/sheet1.xml" ? xml.replace("<sheetData>", "<sheetData><row r=\"1\"><c r=\"A1\"") : xml));
    expect((await rejectionOf(readTable(broken, "xlsx", {}))).reason).toBe("corrupt");
    const empty = await xlsxFrom((workbook) => void workbook.addWorksheet("Leeg"));
    const refused = await rejectionOf(readTable(empty, "xlsx", {}));
    expect(refused.reason).toBe("empty");
    expect(refused.message).toContain('"Leeg"');
  });
});
