import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import yauzl from "yauzl";

/** Test-only: a minimal zip writer, so tests can build files exceljs would never write. */
export interface ZipPart {
  name: string;
  data?: Buffer | string;
  /** Already deflated bytes (e.g. a bomb); `uncompressedSize` must then be given. */
  deflated?: Buffer;
  uncompressedSize?: number;
  /** Store instead of deflate. */
  store?: boolean;
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : (part.data ?? Buffer.alloc(0));
    const method = part.store ? 0 : 8;
    const body = part.deflated ?? (part.store ? raw : deflateRawSync(raw));
    const size = part.uncompressedSize ?? raw.length;
    const crc = part.deflated ? 0 : crc32(raw);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** All parts of a zip (e.g. one exceljs wrote), to patch and rebuild with buildZip. */
export async function readZipParts(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts: { name: string; data: Buffer }[] = [];
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  return parts;
}

export async function patchZip(zip: Buffer, patch: (name: string, text: string) => string): Promise<Buffer> {
  const parts = await readZipParts(zip);
  return buildZip(parts.map(({ name, data }) => ({ name, data: name.endsWith(".xml") || name.endsWith(".rels") ? patch(name, data.toString("utf8")) : data })));
}

/** Raw-deflated zeros, fed in 1 MB chunks so the test itself stays small in memory. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => output.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= zeros.length) {
    const chunk = left >= zeros.length ? zeros : zeros.subarray(0, left);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(output);
}
