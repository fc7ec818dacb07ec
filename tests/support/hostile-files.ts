/**
 * Hostile and broken files, built on a real upload of each kind: what an attacker or an unlucky
 * user could send. Each case says how its refusal should read (a fragment of the Dutch message).
 */
import { buildZip, deflatedZeros, patchZip, readZipParts } from "@/lib/excel/read/test-support/zip-writer";
import { compoundFile } from "@/lib/excel/read/test-support/workbooks";

export interface HostileCase {
  name: string;
  fileName: string;
  content: Buffer;
  /** A fragment of the message the user gets. */
  message: RegExp;
}

const sheetPart = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

export async function hostileCases(base: Buffer): Promise<HostileCase[]> {
  const parts = await readZipParts(base);
  const zeros = await deflatedZeros(300 * 1024 * 1024);
  const names = Array.from({ length: 10_000 }, (_, i) => `<definedName name="naam${i}">Blad1!$A$1</definedName>`).join("");
  const withDimension = (ref: string) =>
    patchZip(base, (name, xml) => (sheetPart(name) ? (/<dimension ref="[^"]*"\/>/.test(xml) ? xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`) : xml.replace("<sheetData", `<dimension ref="${ref}"/><sheetData`)) : xml));
  return [
    {
      name: "zip bomb (300 MB of zeros in 300 kB)",
      fileName: "lijst.xlsx",
      content: buildZip([...parts, { name: "xl/media/image1.png", deflated: zeros, uncompressedSize: 300 * 1024 * 1024 }]),
      message: /groot|beschadigd/,
    },
    {
      name: "zip bomb that lies about its size",
      fileName: "lijst.xlsx",
      content: buildZip([...parts, { name: "xl/extra.xml", deflated: zeros, uncompressedSize: 1000 }]),
      message: /beschadigd/,
    },
    { name: "a sheet declaring 1,048,576 rows", fileName: "lijst.xlsx", content: await withDimension("A1:J1048576"), message: /1\.048\.576/ },
    { name: "a sheet declaring 16,384 columns", fileName: "lijst.xlsx", content: await withDimension("A1:XFD10"), message: /kolommen/ },
    {
      name: "10,000 defined names",
      fileName: "lijst.xlsx",
      content: await patchZip(base, (name, xml) =>
        name === "xl/workbook.xml" ? xml.replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>|<calcPr/, (m) => `<definedNames>${names}</definedNames>${m.startsWith("<calcPr") ? m : ""}`) : xml,
      ),
      message: /namen/,
    },
    {
      name: "malformed sheet XML",
      fileName: "lijst.xlsx",
      content: await patchZip(base, (name, xml) => (sheetPart(name) ? xml.slice(0, Math.floor(xml.length * 0.7)) : xml)),
      message: /beschadigd/,
    },
    { name: "a truncated zip", fileName: "lijst.xlsx", content: base.subarray(0, Math.floor(base.length * 0.6)), message: /beschadigd/ },
    { name: "a PDF renamed .xlsx", fileName: "lijst.xlsx", content: Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"), message: /PDF/ },
    { name: "a legacy .xls", fileName: "lijst.xls", content: compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]), message: /\.xls/ },
    {
      name: "a macro-enabled .xlsm",
      fileName: "lijst.xlsm",
      content: await patchZip(base, (name, xml) => (name === "[Content_Types].xml" ? xml.replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml") : xml)),
      message: /macro/,
    },
    {
      name: "a binary .xlsb",
      fileName: "lijst.xlsb",
      content: buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.bin", data: "bin" }]),
      message: /\.xlsb/,
    },
    { name: "an encrypted workbook", fileName: "lijst.xlsx", content: compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), message: /wachtwoord/ },
    { name: "a part with a path-like name", fileName: "lijst.xlsx", content: buildZip([...parts, { name: "../../etc/passwd", data: "x" }]), message: /beschadigd/ },
  ];
}

/** The same file with a data validation (a drop-down list) over every cell of the sheet. */
export function withWholeSheetValidation(base: Buffer): Promise<Buffer> {
  const validation =
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="A1:XFD1048576">' +
    '<formula1>"Ja,Nee"</formula1></dataValidation></dataValidations>';
  return patchZip(base, (name, xml) => {
    if (!sheetPart(name)) return xml;
    const cleaned = xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "");
    return cleaned.replace(/<\/sheetData>/, `</sheetData>${validation}`);
  });
}
