import { reject } from "./upload-rejected-error";
import type { ZipArchive } from "./zip-archive";

/** The smallest local file header; a gap shorter than this cannot hide a part. */
const LOCAL_HEADER_MIN = 30;

/**
 * exceljs reads an .xlsx front to back by its local headers, while we check the central
 * directory. So both must describe the same parts: every local header matches its central
 * entry (name, compression method, packed size), the parts follow each other without gaps that could hold
 * another part, and none overlap (the trick of "overlapping" zip bombs).
 */
export async function checkZipLayout(archive: ZipArchive): Promise<void> {
  const parts: { start: number; end: number; name: string }[] = [];
  for (const entry of archive.entries) {
    let header;
    try {
      header = await archive.zip.readLocalFileHeaderPromise(entry.raw);
    } catch {
      throw reject.corrupt(`unreadable local header of ${entry.name}`);
    }
    // exceljs trusts the local sizes when they are filled in: they must be the checked ones.
    const localSize = header.compressedSize;
    const sizeAgrees = localSize === entry.compressedSize || localSize === 0xffffffff || (localSize === 0 && (header.generalPurposeBitFlag & 8) !== 0);
    if (header.compressionMethod !== entry.raw.compressionMethod || !header.fileName.equals(entry.raw.fileNameRaw) || !sizeAgrees) {
      throw reject.corrupt(`local header of ${entry.name} differs from the central directory`);
    }
    parts.push({
      start: entry.raw.relativeOffsetOfLocalHeader,
      end: header.fileDataStart + entry.compressedSize,
      name: entry.name,
    });
  }
  parts.sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  for (const part of parts) {
    const gap = part.start - previousEnd;
    // A data descriptor (12 to 24 bytes) may follow a part; nothing else fits.
    if (gap < 0 || gap >= LOCAL_HEADER_MIN) throw reject.corrupt(`unexpected bytes before ${part.name}`);
    previousEnd = part.end;
  }
  const directory = archive.centralDirectoryOffset;
  if (directory !== undefined) {
    const gap = directory - previousEnd;
    if (gap < 0 || gap >= LOCAL_HEADER_MIN) throw reject.corrupt("unexpected bytes before the central directory");
  }
}
