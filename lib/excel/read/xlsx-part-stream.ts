import { crc32 } from "node:zlib";
import type { ZipArchive, ZipEntry } from "./zip-archive";

/** A part of the upload fed under the name exceljs expects, or a small part we make up. */
export type FedPart = { entry: ZipEntry; as: string } | { name: string; data: string };

/**
 * The zip records exceljs's streaming reader needs, in the order it reads best, as slices of
 * the original bytes (nothing is unpacked or copied, except renamed headers).
 *
 * exceljs reads local headers front to back. A sheet that comes before the shared strings
 * (the order Excel itself writes) is copied to a temporary file first, and every other sheet
 * is unpacked too. Fed workbook, styles and shared strings first and then only the one sheet,
 * it streams that sheet straight through. A sheet part with another name than
 * xl/worksheets/sheetN.xml (which exceljs would not recognise) is fed under such a name.
 * Returns undefined when the layout is not known, to fall back on the whole file.
 */
export function partStream(archive: ZipArchive, content: Buffer, parts: FedPart[]): Buffer[] | undefined {
  const directory = archive.centralDirectoryOffset;
  if (directory === undefined) return undefined;
  const starts = archive.entries.map((entry) => entry.raw.relativeOffsetOfLocalHeader).sort((a, b) => a - b);
  const endOf = (start: number) => {
    const next = starts.find((offset) => offset > start);
    return next ?? directory;
  };

  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (!("entry" in part)) {
      chunks.push(storedRecord(part.name, Buffer.from(part.data, "utf8")));
      continue;
    }
    const { entry, as } = part;
    const start = entry.raw.relativeOffsetOfLocalHeader;
    const nameLength = content.readUInt16LE(start + 26);
    const record = content.subarray(start, endOf(start));
    if (as === entry.name) {
      chunks.push(record);
      continue;
    }
    const header = Buffer.from(record.subarray(0, 30));
    const name = Buffer.from(as, "utf8");
    header.writeUInt16LE(name.length, 26);
    chunks.push(header, name, record.subarray(30 + nameLength));
  }
  return chunks;
}

function storedRecord(fileName: string, data: Buffer): Buffer {
  const name = Buffer.from(fileName, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}
