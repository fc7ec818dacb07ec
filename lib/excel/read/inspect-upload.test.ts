import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_UPLOAD_LIMITS, inspectUpload, UploadRejectedError, type UploadRejectionReason } from "./inspect-upload";
import { buildZip, deflatedZeros, patchZip, readZipParts } from "./test-support/zip-writer";
import { compoundFile, simpleXlsx, xlsxFrom } from "./test-support/workbooks";

async function rejection(content: Buffer, name = "lijst.xlsx", limits = DEFAULT_UPLOAD_LIMITS) {
  const started = performance.now();
  try {
    await inspectUpload(content, name, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRejectedError);
    const rejected = error as UploadRejectedError;
    expect(rejected.code).toBe("invalid_input");
    return { reason: rejected.reason, message: rejected.message, detail: rejected.details?.detail, ms: performance.now() - started };
  }
  throw new Error("expected the upload to be refused");
}

const expectReason = async (content: Buffer, reason: UploadRejectionReason) =>
  expect((await rejection(content)).reason).toBe(reason);

let goodXlsx: Buffer;
beforeAll(async () => {
  goodXlsx = await simpleXlsx([["Vlimpersnummer", "Naam"], ["012345", "Jan"]]);
});

describe("inspectUpload: accepted files", () => {
  it("accepts an .xlsx by content, whatever its name", async () => {
    expect(await inspectUpload(goodXlsx, "lijst.xlsx")).toEqual({ kind: "xlsx" });
    expect(await inspectUpload(goodXlsx, "../../etc/passwd.csv")).toEqual({ kind: "xlsx" });
  });

  it("accepts CSV in UTF-8 with and without BOM, and in Windows-1252", async () => {
    const text = "Vlimpersnummer;Naam\n012345;Zoë\n";
    expect(await inspectUpload(Buffer.from(text), "x.csv")).toEqual({ kind: "csv" });
    expect(await inspectUpload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "x")).toEqual({ kind: "csv" });
    expect(await inspectUpload(Buffer.from(text, "latin1"), "x.xlsx")).toEqual({ kind: "csv" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/;/g, "\t"), "utf16le")]);
    expect(await inspectUpload(utf16, "x.txt")).toEqual({ kind: "csv" });
  });

  it("treats '../../etc/passwd.xlsx' as just a name: CSV content is CSV", async () => {
    expect(await inspectUpload(Buffer.from("a;b\n1;2\n"), "../../etc/passwd.xlsx")).toEqual({ kind: "csv" });
  });
});

describe("inspectUpload: refused files", () => {
  it("refuses an empty file and a file of blanks", async () => {
    await expectReason(Buffer.alloc(0), "empty");
    await expectReason(Buffer.from(" \r\n \n"), "empty");
  });

  it("refuses a file over maxBytes before looking inside", async () => {
    const { reason, message } = await rejection(goodXlsx, "x.xlsx", { ...DEFAULT_UPLOAD_LIMITS, maxBytes: 1000 });
    expect(reason).toBe("too_large");
    expect(message).toMatch(/^Het bestand is [\d,]+ MB groot; het maximum is 0 MB\./);
  });

  it("refuses a PDF renamed to .xlsx", async () => {
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
    const { reason, message } = await rejection(pdf, "lijst.xlsx");
    expect(reason).toBe("unsupported_type");
    expect(message).toContain("PDF");
  });

  it("refuses other binaries (PNG) and HTML saved with an Excel name", async () => {
    await expectReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "unsupported_type");
    await expectReason(Buffer.from("<html><body><table><tr><td>1</td></tr></table></body></html>"), "unsupported_type");
    await expectReason(Buffer.from([1, 2, 3, 0, 5, 6, 7, 8, 9, 10]), "unsupported_type");
  });

  it("tells a legacy .xls from a password-protected workbook", async () => {
    const xls = await rejection(compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]), "oud.xls");
    expect(xls.reason).toBe("xls");
    expect(xls.message).toContain("Excel-werkmap (*.xlsx)");
    const encrypted = await rejection(compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]));
    expect(encrypted.reason).toBe("encrypted");
    expect(encrypted.message).toContain("wachtwoord");
    await expectReason(compoundFile(["Root Entry", "WordDocument"]), "unsupported_type");
  });

  it("refuses a macro-enabled workbook (xlsm content type) and an .xlsb", async () => {
    const xlsm = await patchZip(goodXlsx, (name, xml) =>
      name === "[Content_Types].xml"
        ? xml.replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml")
        : xml,
    );
    const { reason, message } = await rejection(xlsm);
    expect(reason).toBe("xlsm");
    expect(message).toContain("macro");
    await expectReason(buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.bin", data: "bin" }]), "xlsb");
  });

  it("refuses a zip that is not a workbook (e.g. a .docx) and an OpenDocument sheet", async () => {
    await expectReason(buildZip([{ name: "word/document.xml", data: "<w:document/>" }]), "unsupported_type");
    const ods = buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true }]);
    await expectReason(ods, "ods");
  });

  it("refuses a truncated zip and malformed zip structures as corrupt", async () => {
    await expectReason(goodXlsx.subarray(0, Math.floor(goodXlsx.length * 0.6)), "corrupt");
    const garbageInside = Buffer.from(goodXlsx);
    garbageInside.fill(0x41, 40, 400);
    await expectReason(garbageInside, "corrupt");
  });

  it("refuses a part with a path-like name ('../') as corrupt", async () => {
    const parts = await readZipParts(goodXlsx);
    await expectReason(buildZip([...parts, { name: "../../etc/passwd", data: "x" }]), "corrupt");
  });

  it("refuses a strict Open XML workbook", async () => {
    const strict = await patchZip(goodXlsx, (name, xml) =>
      name === "xl/workbook.xml"
        ? xml.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
        : xml,
    );
    await expectReason(strict, "strict_ooxml");
  });
});

describe("inspectUpload: hostile workbooks are refused fast", () => {
  let bombParts: { name: string; data: Buffer }[];
  let zeros300mb: Buffer;
  beforeAll(async () => {
    bombParts = await readZipParts(goodXlsx);
    zeros300mb = await deflatedZeros(300 * 1024 * 1024);
  }, 20_000);

  it("refuses a zip bomb (one part of 300 MB of zeros) from the directory, in < 200 ms", async () => {
    const bomb = buildZip([
      ...bombParts,
      { name: "xl/media/image1.png", deflated: zeros300mb, uncompressedSize: 300 * 1024 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const { reason, ms } = await rejection(bomb);
    expect(reason).toBe("zip_bomb");
    expect(ms).toBeLessThan(200);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a part that is compressed far beyond the ratio limit", async () => {
    const zeros = await deflatedZeros(20 * 1024 * 1024);
    const bomb = buildZip([...bombParts, { name: "xl/media/a.bin", deflated: zeros, uncompressedSize: 20 * 1024 * 1024 }]);
    await expectReason(bomb, "zip_bomb");
  });

  it("refuses a bomb that lies about its size as soon as it unpacks more, with flat memory", async () => {
    const liar = buildZip([...bombParts, { name: "xl/sharedStrings2.xml", deflated: zeros300mb, uncompressedSize: 1000 }]);
    const rssBefore = process.memoryUsage().rss;
    const { reason, detail, ms } = await rejection(liar);
    expect(reason).toBe("corrupt");
    expect(detail).toMatch(/too many bytes/);
    expect(ms).toBeLessThan(200);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a part hidden between the parts the directory lists", async () => {
    const normal = buildZip(bombParts);
    const hidden = buildZip([{ name: "xl/hidden.xml", data: "<x/>" }]);
    // Put the hidden part's local header before the real parts without listing it.
    const hiddenLocal = hidden.subarray(0, hidden.readUInt32LE(hidden.length - 22 + 16));
    const shifted = Buffer.concat([hiddenLocal, normal]);
    // Fix the directory offsets: EOCD offset and every central entry offset move by the insert.
    const eocd = shifted.length - 22;
    const cdStart = shifted.readUInt32LE(eocd + 16) + hiddenLocal.length;
    shifted.writeUInt32LE(cdStart, eocd + 16);
    for (let at = cdStart; shifted.readUInt32LE(at) === 0x02014b50; at += 46 + shifted.readUInt16LE(at + 28)) {
      shifted.writeUInt32LE(shifted.readUInt32LE(at + 42) + hiddenLocal.length, at + 42);
    }
    const { reason, detail } = await rejection(shifted);
    expect(reason).toBe("corrupt");
    expect(detail).toMatch(/unexpected bytes before/);
  });

  it("refuses a sheet whose <dimension> declares A1:XFD1048576", async () => {
    const huge = await patchZip(goodXlsx, (name, xml) =>
      name === "xl/worksheets/sheet1.xml" ? xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>') : xml,
    );
    const { reason, message, ms } = await rejection(huge);
    expect(reason).toBe("too_many_rows");
    expect(message).toContain('"Blad1"');
    expect(message).toContain("1.048.576");
    expect(ms).toBeLessThan(200);
    const wide = await patchZip(goodXlsx, (name, xml) =>
      name === "xl/worksheets/sheet1.xml" ? xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD10"/>') : xml,
    );
    await expectReason(wide, "too_many_columns");
  });

  it("refuses a workbook with 10,000 defined names", async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `<definedName name="naam${i}">Blad1!$A$1</definedName>`).join("");
    const many = await patchZip(goodXlsx, (name, xml) =>
      name === "xl/workbook.xml" ? xml.replace(/<definedNames\/>|<calcPr/, (m) => `<definedNames>${names}</definedNames>${m.startsWith("<calcPr") ? m : ""}`) : xml,
    );
    const { reason, ms } = await rejection(many);
    expect(reason).toBe("too_many_names");
    expect(ms).toBeLessThan(200);
  });

  it("leaves malformed sheet XML to readTable, which refuses it (see its tests)", async () => {
    // inspectUpload unpacks but does not parse every part; a full XML parse is readTable's work.
    const broken = await patchZip(goodXlsx, (name, xml) => (name === "xl/worksheets/sheet1.xml" ? xml.slice(0, -40) : xml));
    expect(await inspectUpload(broken, "x.xlsx")).toEqual({ kind: "xlsx" });
  });
});
