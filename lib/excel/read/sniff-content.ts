/** What the first bytes say a file is, whatever its name. */
export type ContentSignature = "zip" | "cfb" | "pdf" | "binary" | "other";

const startsWith = (content: Buffer, bytes: readonly number[]) => bytes.every((byte, i) => content[i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** PNG, JPEG, GIF, RAR, 7z, gzip, bzip2, Windows executables. */
const OTHER_BINARIES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x1f, 0x8b],
  [0x42, 0x5a, 0x68],
  [0x4d, 0x5a],
];

export function sniffSignature(content: Buffer): ContentSignature {
  if (startsWith(content, ZIP) || startsWith(content, EMPTY_ZIP)) return "zip";
  if (startsWith(content, CFB)) return "cfb";
  if (startsWith(content, PDF)) return "pdf";
  if (OTHER_BINARIES.some((magic) => startsWith(content, magic))) return "binary";
  return "other";
}

/**
 * An OLE compound file is either a legacy .xls (a "Workbook" or "Book" stream) or an Office
 * file encrypted with a password (Office wraps the encrypted .xlsx in an "EncryptedPackage"
 * stream with "EncryptionInfo"). Stream names are UTF-16LE in the directory sectors, so a byte
 * search finds them without a CFB parser.
 */
export function classifyCompoundFile(content: Buffer): "encrypted" | "xls" | "other" {
  const has = (name: string) => content.includes(Buffer.from(name, "utf16le"));
  if (has("EncryptionInfo") || has("EncryptedPackage")) return "encrypted";
  if (has("Workbook") || has("Book")) return "xls";
  return "other";
}

/** Excel "xls" exports from web applications are often HTML or SpreadsheetML 2003 XML. */
export function looksLikeMarkup(text: string): boolean {
  const start = text.slice(0, 2048).trimStart().toLowerCase();
  return /^<(\?xml|!doctype|html|table|head|body|meta|workbook|style)\b/.test(start);
}
