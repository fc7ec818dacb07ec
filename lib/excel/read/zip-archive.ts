import yauzl from "yauzl";
import { reject, UploadRejectedError } from "./upload-rejected-error";

/** One part of a zip as its central directory declares it. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  raw: yauzl.Entry;
}

export interface ZipArchive {
  zip: yauzl.ZipFile;
  entries: ZipEntry[];
  /** Part names are case-insensitive in OOXML; keys are lower case. */
  byName: Map<string, ZipEntry>;
  /** Where the central directory starts, when yauzl exposes it. */
  centralDirectoryOffset: number | undefined;
}

/**
 * Reads only the central directory (no part is unpacked). Anything yauzl cannot make sense of,
 * including "../" part names and duplicate names, is a corrupt file.
 */
export async function openZip(content: Buffer, maxEntries: number): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw reject.corrupt(describe(error));
  }
  if (zip.entryCount > maxEntries) throw reject.tooManyParts(zip.entryCount);
  // yauzl keeps the central directory offset here until the first entry is read.
  const cursor: unknown = zip.readEntryCursor;
  const centralDirectoryOffset = typeof cursor === "number" ? cursor : undefined;

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  try {
    for await (const raw of zip.eachEntry()) {
      const entry = { name: raw.fileName, compressedSize: raw.compressedSize, uncompressedSize: raw.uncompressedSize, raw };
      const key = raw.fileName.toLowerCase();
      if (byName.has(key)) throw reject.corrupt(`duplicate part ${raw.fileName}`);
      byName.set(key, entry);
      entries.push(entry);
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw reject.corrupt(describe(error));
  }
  return { zip, entries, byName, centralDirectoryOffset };
}

/**
 * Streams one part through `visit` (chunks of unpacked bytes). `visit` returns "stop" to end
 * early. yauzl checks that the unpacked size equals the declared size, so a part that lies about
 * its size fails as soon as it unpacks more than it declared.
 */
export async function scanEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  visit: (chunk: Buffer) => "stop" | void,
): Promise<void> {
  if (entry.raw.isEncrypted()) throw reject.encrypted();
  try {
    const stream = await archive.zip.openReadStreamPromise(entry.raw);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (visit(chunk) === "stop") {
        stream.destroy();
        break;
      }
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw reject.corrupt(`${entry.name}: ${describe(error)}`);
  }
}

/** The first `maxBytes` unpacked bytes of a part (all of it when smaller), as UTF-8 text. */
export async function readEntryPrefix(archive: ZipArchive, entry: ZipEntry, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  await scanEntry(archive, entry, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    return size >= maxBytes ? "stop" : undefined;
  });
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
}

export function findEntry(archive: ZipArchive, name: string): ZipEntry | undefined {
  return archive.byName.get(name.toLowerCase());
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
