import ExcelJS from "exceljs";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import { writeTablesXlsx } from "@/lib/excel/write-table";
import en from "@/messages/en.json";
import nl from "@/messages/nl-BE.json";
import { compareOccupancy, type OccupancyGroup } from "./occupancy-report";
import { occupancySheets, type ReportsTranslator } from "./occupancy-xlsx";

const group = (key: string, positions: number, fte: number, occupiedFte: number): OccupancyGroup => ({
  key,
  label: `Entiteit ${key}`,
  positions,
  fte,
  occupiedFte,
  vacantFte: Math.max(fte - occupiedFte, 0),
  overOccupied: 0,
  frozen: 0,
});

// The page shows 5 December 2026 and compares with 1 January 2027, when one position starts.
const shown = { date: "2026-12-05", groups: [group("A", 10, 9, 8), group("B", 3, 2.5, 2.5)] };
const compared = { date: "2027-01-01", groups: [group("A", 11, 9.8, 8), group("B", 3, 2.5, 2.5)] };
const totals = { positions: 13, fte: 11.5, occupiedFte: 10.5, vacantFte: 1, overOccupied: 0, frozen: 0 };

async function workbook(locale: "nl-BE" | "en", withComparison: boolean) {
  const messages: AbstractIntlMessages = locale === "en" ? en : nl;
  // The messages as the app loads them (untyped), so any key of the namespace may be asked for.
  const t = createTranslator({ locale, messages, namespace: "reports" }) as ReportsTranslator;
  const comparison = withComparison ? compareOccupancy(shown, compared) : null;
  const sheets = occupancySheets({ t, by: "entity", date: shown.date, groups: shown.groups, totals, comparison });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writeTablesXlsx(sheets)) as unknown as ArrayBuffer);
  return book;
}

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe("the occupancy report as xlsx", () => {
  it("has the comparison as a sheet of its own, from the earlier date to the later, with the columns and figures of the page", async () => {
    const book = await workbook("nl-BE", true);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Bezetting", "Verschil"]);
    const sheet = book.getWorksheet("Verschil")!;
    expect(sheet.getCell("A1").value).toBe("Verschil van 05/12/2026 tot 01/01/2027");
    expect(values(sheet.getRow(3))).toEqual(["Groep", "Arbeidsplaatsen", "VTE formatie", "VTE bezet", "VTE vacant"]);
    expect(values(sheet.getRow(4))).toEqual(["Entiteit A", 1, 0.8, 0, 0.8]);
    expect(values(sheet.getRow(5))).toEqual(["Entiteit B", 0, 0, 0, 0]);
    expect(sheet.rowCount).toBe(5);
    // Written with a sign, as on the page: + more, − fewer.
    expect(sheet.getCell("B4").numFmt).toMatch(/^\+/);
    expect(sheet.getCell("C4").numFmt).toMatch(/^\+/);
  });

  it("has only the report when no comparison date is chosen", async () => {
    const book = await workbook("nl-BE", false);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Bezetting"]);
    expect(book.getWorksheet("Bezetting")!.getCell("A3").value).toBe("Groep");
  });

  it("speaks English to a user whose locale is en", async () => {
    const book = await workbook("en", true);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Occupancy", "Change"]);
    expect(book.getWorksheet("Occupancy")!.getCell("A3").value).toBe("Group");
    const sheet = book.getWorksheet("Change")!;
    expect(sheet.getCell("A1").value).toBe("Change from 05/12/2026 to 01/01/2027");
    expect(values(sheet.getRow(3))).toEqual(["Group", "Positions", "FTE needed", "FTE occupied", "FTE vacant"]);
  });
});
