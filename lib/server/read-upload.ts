import { AppError } from "@/lib/errors/app-error";

const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Reads the one file of a multipart upload, refusing a body over the limit before reading it
 * (by Content-Length) or as soon as it grows past it (without one). Over the limit: 413.
 */
export async function readUploadedFile(request: Request, maxBytes: number) {
  const tooLarge = () =>
    new AppError("invalid_input", `Het bestand is groter dan ${Math.round(maxBytes / 1024 / 1024)} MB. Verklein het of splits het op.`, {
      status: 413,
    });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge();
  const body = await readBounded(request, maxBytes + MULTIPART_OVERHEAD, tooLarge);
  const form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "Kies een bestand om op te laden.");
  if (file.size > maxBytes) throw tooLarge();
  // Browsers send the bare name; a path, a control character or an endless name comes from a crafted request.
  if (/[\\/\u0000-\u001f\u007f]/.test(file.name) || file.name.length > 255 || /^\.+$/.test(file.name.trim())) {
    throw new AppError("invalid_input", "De bestandsnaam is ongeldig. Geef het bestand een gewone naam (zonder mappen of speciale tekens) en laad het opnieuw op.");
  }
  return {
    fileName: file.name.trim().slice(0, 200) || "upload",
    contentType: file.type,
    content: Buffer.from(await file.arrayBuffer()),
  };
}

async function readBounded(request: Request, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
