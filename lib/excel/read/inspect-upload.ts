import { decodeText, looksLikeText } from "./decode-text";
import { classifyCompoundFile, looksLikeMarkup, sniffSignature } from "./sniff-content";
import { DEFAULT_UPLOAD_LIMITS, MAX_ZIP_ENTRIES, type UploadLimits } from "./upload-limits";
import { reject } from "./upload-rejected-error";
import { findEntry, openZip, readEntryPrefix, scanEntry, type ZipArchive } from "./zip-archive";
import { checkZipLayout } from "./zip-layout";
import { parseDimension, parseWorkbook, parseWorkbookRels } from "./workbook-parts";

export { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./upload-limits";
export { UploadRejectedError, type UploadRejectionReason } from "./upload-rejected-error";

/** Parts over this size are checked against the compression ratio; small ones cannot hurt. */
const RATIO_CHECK_FROM = 1024 * 1024;
/** The `<dimension>` element sits near the start of a worksheet part. */
const DIMENSION_WINDOW = 64 * 1024;
const MAX_WORKBOOK_XML = 16 * 1024 * 1024;

/**
 * Decides by content (never by file name) whether an upload is an .xlsx or a CSV we are willing
 * to read, and refuses everything else with an UploadRejectedError whose Dutch message says what
 * to do. Zip bombs are refused from the central directory before anything is unpacked; the rest
 * of the file is unpacked once as a stream (memory stays at one chunk) to check that no part
 * unpacks to more than it declares.
 */
export async function inspectUpload(
  content: Buffer,
  // Only for logs: a name like "../../etc/passwd.xlsx" changes nothing.
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<{ kind: "xlsx" | "csv" }> {
  void fileName;
  if (content.length > limits.maxBytes) throw reject.tooLarge(content.length, limits.maxBytes);
  if (content.length === 0) throw reject.empty();

  switch (sniffSignature(content)) {
    case "zip":
      await inspectXlsx(content, limits);
      return { kind: "xlsx" };
    case "cfb": {
      const kind = classifyCompoundFile(content);
      if (kind === "encrypted") throw reject.encrypted();
      if (kind === "xls") throw reject.xls();
      throw reject.unsupported();
    }
    case "pdf":
      throw reject.unsupported("pdf");
    case "binary":
      throw reject.unsupported();
    case "other":
      inspectText(content);
      return { kind: "csv" };
  }
}

function inspectText(content: Buffer): void {
  const text = decodeText(content);
  if (!looksLikeText(text)) throw reject.unsupported();
  if (text.trim() === "") throw reject.empty();
  if (looksLikeMarkup(text)) throw reject.unsupported("html");
}

async function inspectXlsx(content: Buffer, limits: UploadLimits): Promise<void> {
  const archive = await openZip(content, MAX_ZIP_ENTRIES);
  if (archive.entries.length === 0) throw reject.corrupt("no parts");
  if (archive.entries.some((entry) => entry.raw.isEncrypted())) throw reject.encrypted();
  await checkKind(archive);
  checkDeclaredSizes(archive, limits);
  await checkZipLayout(archive);

  const contentTypes = findEntry(archive, "[Content_Types].xml");
  if (contentTypes && /macroEnabled/i.test(await readEntryPrefix(archive, contentTypes, 1024 * 1024))) {
    throw reject.xlsm();
  }

  const workbookEntry = findEntry(archive, "xl/workbook.xml")!;
  const relsEntry = findEntry(archive, "xl/_rels/workbook.xml.rels");
  const rels = parseWorkbookRels(relsEntry ? await readEntryPrefix(archive, relsEntry, 1024 * 1024) : "");
  const workbook = parseWorkbook(await readEntryPrefix(archive, workbookEntry, MAX_WORKBOOK_XML), rels);
  if (workbook.strict) throw reject.strict();
  if (workbook.sheets.length === 0) throw reject.corrupt("no sheets in xl/workbook.xml");
  if (workbook.definedNames > limits.maxDefinedNames) {
    throw reject.tooManyNames(workbook.definedNames, limits.maxDefinedNames);
  }
  if (workbookEntry.uncompressedSize > MAX_WORKBOOK_XML) throw reject.corrupt("xl/workbook.xml over 16 MB");

  // Unpack every part once; of worksheets keep the start, where <dimension> is.
  const sheetNames = new Map(workbook.sheets.map((sheet) => [sheet.path?.toLowerCase(), sheet.name]));
  for (const entry of archive.entries) {
    const isWorksheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    let start = Buffer.alloc(0);
    await scanEntry(archive, entry, (chunk) => {
      if (isWorksheet && start.length < DIMENSION_WINDOW) start = Buffer.concat([start, chunk]);
    });
    if (!isWorksheet) continue;
    const dimension = parseDimension(start.subarray(0, DIMENSION_WINDOW).toString("utf8"));
    const sheetName = sheetNames.get(entry.name.toLowerCase()) ?? entry.name;
    if (dimension && dimension.rows > limits.maxRows) throw reject.tooManyRows(sheetName, dimension.rows, limits.maxRows);
    if (dimension && dimension.columns > limits.maxColumns) {
      throw reject.tooManyColumns(sheetName, dimension.columns, limits.maxColumns);
    }
  }
}

async function checkKind(archive: ZipArchive): Promise<void> {
  if (findEntry(archive, "xl/workbook.bin")) throw reject.xlsb();
  const mimetype = findEntry(archive, "mimetype");
  if (mimetype && (await readEntryPrefix(archive, mimetype, 256)).includes("opendocument.spreadsheet")) throw reject.ods();
  if (!findEntry(archive, "xl/workbook.xml")) {
    // A zip, .docx or .pptx with a spreadsheet name; or an Excel file with its workbook part missing.
    throw findEntry(archive, "[Content_Types].xml") && findEntry(archive, "xl/styles.xml")
      ? reject.corrupt("xl/workbook.xml missing")
      : reject.unsupported();
  }
}

function checkDeclaredSizes(archive: ZipArchive, limits: UploadLimits): void {
  let total = 0;
  for (const entry of archive.entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw reject.zipBomb(total, limits.maxUncompressedBytes);
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_CHECK_FROM && ratio > limits.maxCompressionRatio) {
      throw reject.compressionRatio(Math.round(ratio), limits.maxCompressionRatio);
    }
  }
}
