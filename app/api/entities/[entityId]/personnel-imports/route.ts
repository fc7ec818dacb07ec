import { requireEntityAccess } from "@/lib/auth/guards";
import { previewPersonnelImport } from "@/lib/domain/personnel/preview-personnel-import";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";
import { uploadPreviewResponse } from "@/lib/server/upload-preview-response";

export const dynamic = "force-dynamic";

/** Uploads a personnel list (multipart field "file") and answers its preview. Writes no personnel data. */
export async function POST(request: Request, { params }: { params: Promise<{ entityId: string }> }) {
  try {
    const { entityId } = await params;
    const principal = await requireEntityAccess("personnel.import", entityId);
    return await uploadPreviewResponse(request, async (file, requestId) =>
      previewPersonnelImport(await db(), { entityId, file, actorId: principal.userId, requestId }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
