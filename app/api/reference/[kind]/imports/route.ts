import { previewReferenceImport } from "@/lib/domain/reference/reference-import";
import { requireReferenceAccess } from "@/lib/domain/reference/reference-access";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";
import { uploadPreviewResponse } from "@/lib/server/upload-preview-response";

export const dynamic = "force-dynamic";

/** Uploads one kind of reference data (multipart field "file"; ?entityId= for units and cost centres) and answers its preview. */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const entityParam = new URL(request.url).searchParams.get("entityId");
    const { principal, kind, entityId } = await requireReferenceAccess("reference.write", (await params).kind, entityParam);
    return await uploadPreviewResponse(request, async (file, requestId) =>
      previewReferenceImport(await db(), { kind, entityId, file, actorId: principal.userId, requestId }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
