import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable } from "@/lib/excel/read/read-table";
import { xlsxFrom } from "@/lib/excel/read/test-support/workbooks";
import { markProblems, type CellProblem } from "./mark-problems";

const RED = "FFFFC7CE";
const YELLOW = "FFFFEB9C";

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined);
const noteOf = (cell: ExcelJS.Cell) =>
  typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((run) => run.text).join("");

function original() {
  return xlsxFrom((workbook) => {
    workbook.addWorksheet("Uitleg").getCell("A1").value = "Lees mij";
    const sheet = workbook.addWorksheet("Personeel");
    sheet.addRow(["Vlimpersnummer", "Naam", "Datum in dienst", "VTE"]);
    sheet.addRow(["012345", "Jan", new Date(Date.UTC(2024, 0, 15)), 0.8]);
    sheet.addRow(["23456", "An", new Date(Date.UTC(2023, 8, 1)), 1.5]);
    sheet.addRow(["34567", "Piet", new Date(Date.UTC(2022, 1, 1)), 1]);
    for (let r = 2; r <= 4; r++) {
      sheet.getCell(`B${r}`).font = { bold: true }; // one shared style for B2:B4
      sheet.getCell(`C${r}`).numFmt = "dd/mm/yyyy";
    }
    sheet.getCell("D3").note = "Nagekeken door HR";
  });
}

const PROBLEMS: CellProblem[] = [
  { rowNumber: 3, column: 4, severity: "error", message: "VTE 1,5 is te groot: gebruik een getal tot en met 1.", columnLabel: "VTE" },
  { rowNumber: 2, column: 2, severity: "warning", message: "Naam is kort." },
  { rowNumber: 2, column: 2, severity: "error", message: "Naam bestaat al." },
  { rowNumber: 2, column: 3, severity: "warning", message: "Datum in dienst ligt ver in het verleden." },
  { rowNumber: 4, severity: "error", message: "Deze rij komt twee keer voor." },
  { rowNumber: 4, column: 1, severity: "warning", message: '=HYPERLINK("http://evil.example","klik")', columnLabel: "=1+1" },
];

describe("markProblems (xlsx)", () => {
  it("fills faulty cells red or yellow (error wins) with notes, and leaves the rest as it was", async () => {
    const marked = await load(await markProblems(await original(), "xlsx", PROBLEMS, { sheetName: "Personeel" }));
    expect(marked.worksheets.map((sheet) => sheet.name)).toEqual(["Uitleg", "Personeel", "Problemen"]);
    const sheet = marked.getWorksheet("Personeel")!;

    expect(fillOf(sheet.getCell("B2"))).toBe(RED);
    expect(noteOf(sheet.getCell("B2"))).toBe("Fout: Naam bestaat al.\nWaarschuwing: Naam is kort.");
    expect(fillOf(sheet.getCell("C2"))).toBe(YELLOW);
    expect(fillOf(sheet.getCell("D3"))).toBe(RED);
    expect(noteOf(sheet.getCell("D3"))).toBe("Fout: VTE 1,5 is te groot: gebruik een getal tot en met 1.\n\nNagekeken door HR");
    expect(fillOf(sheet.getCell("A4"))).toBe(RED);
    expect(noteOf(sheet.getCell("A4"))).toContain("Fout (hele rij): Deze rij komt twee keer voor.");
    // Neighbours sharing a style with a marked cell are untouched.
    expect(fillOf(sheet.getCell("B3"))).toBeUndefined();
    expect(sheet.getCell("B3").font?.bold).toBe(true);
    expect(fillOf(sheet.getCell("A2"))).toBeUndefined();
    // Values and formats kept; other sheets kept.
    expect(sheet.getCell("A2").value).toBe("012345");
    expect(sheet.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    expect((sheet.getCell("C2").value as Date).toISOString()).toBe("2024-01-15T00:00:00.000Z");
    expect(sheet.getCell("B2").font?.bold).toBe(true);
    expect(marked.getWorksheet("Uitleg")!.getCell("A1").value).toBe("Lees mij");
  });

  it("adds a problems sheet with a frozen header and auto-filter, all plain strings", async () => {
    const marked = await load(await markProblems(await original(), "xlsx", PROBLEMS, { sheetName: "Personeel" }));
    const list = marked.getWorksheet("Problemen")!;
    const rows = list.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ["Rij", "Kolom", "Ernst", "Melding"],
      [2, "B", "Fout", "Naam bestaat al."],
      [2, "B", "Waarschuwing", "Naam is kort."],
      [2, "C", "Waarschuwing", "Datum in dienst ligt ver in het verleden."],
      [3, "D (VTE)", "Fout", "VTE 1,5 is te groot: gebruik een getal tot en met 1."],
      [4, "hele rij", "Fout", "Deze rij komt twee keer voor."],
      [4, "A (=1+1)", "Waarschuwing", '=HYPERLINK("http://evil.example","klik")'],
    ]);
    expect(list.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(list.autoFilter).toBeTruthy();
    for (let r = 2; r <= 7; r++) {
      expect(list.getCell(r, 4).type).toBe(ExcelJS.ValueType.String);
      expect(list.getCell(r, 2).type).toBe(ExcelJS.ValueType.String);
    }
  });

  it("picks a free name for the problems sheet and marks the named sheet", async () => {
    const file = await xlsxFrom((workbook) => {
      workbook.addWorksheet("Problemen").getCell("A1").value = "van de gebruiker";
      workbook.addWorksheet("Graden").addRow(["Code"]);
    });
    const marked = await load(
      await markProblems(file, "xlsx", [{ rowNumber: 1, column: 1, severity: "warning", message: "x" }], { sheetName: "Graden" }),
    );
    expect(marked.worksheets.map((sheet) => sheet.name)).toEqual(["Problemen", "Graden", "Problemen (2)"]);
    expect(fillOf(marked.getWorksheet("Graden")!.getCell("A1"))).toBe(YELLOW);
    expect(fillOf(marked.getWorksheet("Problemen")!.getCell("A1"))).toBeUndefined();
  });

  it("gives a file that reads back to the same table, in the same date system", async () => {
    const file = await xlsxFrom((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet("Blad1");
      sheet.addRow(["Datum", "Nr"]);
      sheet.addRow([new Date(Date.UTC(2024, 0, 15)), 12345]);
      sheet.getCell("A2").numFmt = "dd/mm/yyyy";
    });
    const marked = await markProblems(file, "xlsx", [{ rowNumber: 2, column: 2, severity: "error", message: "x" }], {});
    const [before, after] = [await readTable(file, "xlsx"), await readTable(marked, "xlsx")];
    expect(after).toEqual(before);
    expect(after.rows[0]!.cells[0]).toEqual({ kind: "date", iso: "2024-01-15", text: "2024-01-15" });
  });
});

describe("markProblems (csv)", () => {
  it("makes a workbook of text cells from the CSV and marks it the same way", async () => {
    const csv = Buffer.from("Vlimpersnummer;VTE;Opmerking\r\n012345;0,8;=1+1\r\n23456;1,5;\r\n", "utf8");
    const problems: CellProblem[] = [{ rowNumber: 3, column: 2, severity: "error", message: "VTE te groot." }];
    const marked = await load(await markProblems(csv, "csv", problems, {}));
    expect(marked.worksheets.map((sheet) => sheet.name)).toEqual(["Gegevens", "Problemen"]);
    const sheet = marked.getWorksheet("Gegevens")!;
    expect(sheet.getCell("A2").value).toBe("012345");
    expect(sheet.getCell("B2").value).toBe("0,8");
    expect(sheet.getCell("C2").value).toBe("=1+1");
    expect(sheet.getCell("C2").type).toBe(ExcelJS.ValueType.String);
    expect(fillOf(sheet.getCell("B3"))).toBe(RED);
    expect(noteOf(sheet.getCell("B3"))).toBe("Fout: VTE te groot.");
    expect(fillOf(sheet.getCell("B2"))).toBeUndefined();
  });
});
