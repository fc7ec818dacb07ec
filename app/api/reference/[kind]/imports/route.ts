import { randomUUID } from "node:crypto";
import { previewReferenceImport } from "@/lib/domain/reference/reference-import";
import { requireReferenceAccess } from "@/lib/domain/reference/reference-access";
import { DEFAULT_UPLOAD_LIMITS } from "@/lib/excel/read/inspect-upload";
import { readUploadedFile } from "@/lib/server/read-upload";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Uploads one kind of reference data (multipart field "file"; ?entityId= for units and cost centres) and answers its preview. */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const entityParam = new URL(request.url).searchParams.get("entityId");
    const { principal, kind, entityId } = await requireReferenceAccess("reference.write", (await params).kind, entityParam);
    const file = await readUploadedFile(request, DEFAULT_UPLOAD_LIMITS.maxBytes);
    const outcome = await previewReferenceImport(await db(), {
      kind,
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
