import { requireUser } from "@/lib/auth/guards";
import { auditDownload } from "@/lib/audit/audit-download";
import { AppError } from "@/lib/errors/app-error";
import { mayDownload } from "@/lib/files/file-access";
import { findFileMeta, readFileContent } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Downloads a stored file. A file the user may not see answers 404, exactly like a missing one. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  try {
    const principal = await requireUser();
    const { fileId } = await params;
    const database = await db();
    const meta = await findFileMeta(database, fileId);
    if (!meta || !mayDownload(principal, meta)) throw new AppError("not_found", "Bestand niet gevonden.");
    const content = await readFileContent(database, meta.id);
    if (!content) throw new AppError("not_found", "Bestand niet gevonden.");
    await auditDownload("file", { fileName: meta.fileName, entityId: meta.entityId, objectId: meta.id });
    return new Response(new Uint8Array(content), {
      headers: {
        "content-type": meta.contentType,
        "content-length": String(content.byteLength),
        "content-disposition": `attachment; filename="${meta.fileName.replace(/[^\w.\-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
