import { randomUUID } from "node:crypto";
import { requireEntityAccess } from "@/lib/auth/guards";
import { previewPersonnelImport } from "@/lib/domain/personnel/preview-personnel-import";
import { DEFAULT_UPLOAD_LIMITS } from "@/lib/excel/read/inspect-upload";
import { readUploadedFile } from "@/lib/server/read-upload";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Uploads a personnel list (multipart field "file") and answers its preview. Writes no personnel data. */
export async function POST(request: Request, { params }: { params: Promise<{ entityId: string }> }) {
  try {
    const { entityId } = await params;
    const principal = await requireEntityAccess("personnel.import", entityId);
    const file = await readUploadedFile(request, DEFAULT_UPLOAD_LIMITS.maxBytes);
    const outcome = await previewPersonnelImport(await db(), {
      entityId,
      file,
      actorId: principal.userId,
      requestId: request.headers.get("x-request-id") ?? randomUUID(),
    });
    return Response.json(outcome, { status: outcome.state === "rejected" ? 422 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
