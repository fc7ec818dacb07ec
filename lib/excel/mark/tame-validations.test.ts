import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { patchZip, readZipParts } from "@/lib/excel/read/test-support/zip-writer";
import { xlsxFrom } from "@/lib/excel/read/test-support/workbooks";
import { markProblems } from "./mark-problems";
import { tameDataValidations } from "./tame-validations";

type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

async function withValidations(sqrefs: string[]): Promise<Buffer> {
  const file = await xlsxFrom((workbook) => {
    const sheet = workbook.addWorksheet("Blad1");
    for (let r = 1; r <= 20; r++) sheet.addRow([`code${r}`, r]);
  });
  const elements = sqrefs.map((ref) => `<dataValidation type="list" allowBlank="1" sqref="${ref}"><formula1>"Ja,Nee"</formula1></dataValidation>`).join("");
  return patchZip(file, (name, xml) =>
    name === "xl/worksheets/sheet1.xml" ? xml.replace("</sheetData>", `</sheetData><dataValidations count="${sqrefs.length}">${elements}</dataValidations>`) : xml,
  );
}

const sqrefsOf = async (xlsx: Buffer) => {
  const sheet = (await readZipParts(xlsx)).find((p) => p.name === "xl/worksheets/sheet1.xml")!.data.toString("utf8");
  return [...sheet.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]);
};

describe("tameDataValidations", () => {
  it("clamps validations over whole columns or the whole sheet to the rows with content, plus room", async () => {
    const tamed = await tameDataValidations(await withValidations(["A1:A1048576", "B2:XFD1048576", "C5"]));
    expect(await sqrefsOf(tamed)).toEqual(["A1:A1020", "B2:GR1020", "C5"]);
  });

  it("leaves out a validation past the budget, and keeps a workbook without any as it is", async () => {
    const tamed = await tameDataValidations(await withValidations(["A1:GR1020", "A1:GR1020", "B3:B9"]));
    expect(await sqrefsOf(tamed)).toEqual(["A1:GR1020", "B3:B9"]);
    const plain = await xlsxFrom((workbook) => void workbook.addWorksheet("Blad1").addRow(["x"]));
    expect(await tameDataValidations(plain)).toBe(plain);
  });

  it("lets the problems be marked in a file with a drop-down list over the whole sheet, quickly", async () => {
    const hostile = await withValidations(["A1:XFD1048576"]);
    const started = performance.now();
    const marked = await markProblems(hostile, "xlsx", [{ rowNumber: 3, column: 2, severity: "error", message: "fout" }]);
    expect(performance.now() - started).toBeLessThan(3_000);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(marked as unknown as ArrayBuffer);
    expect(book.getWorksheet("Blad1")!.getCell("B3").note).toBeDefined();
  });
});
