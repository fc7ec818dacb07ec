import { requireEntityAccess } from "@/lib/auth/guards";
import { previewControlUpload } from "@/lib/domain/step5/control-import";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";
import { uploadPreviewResponse } from "@/lib/server/upload-preview-response";

export const dynamic = "force-dynamic";

/** Uploads a filled-in control report (multipart field "file") and answers its preview. Writes no assignment. */
export async function POST(request: Request, { params }: { params: Promise<{ entityId: string }> }) {
  try {
    const { entityId } = await params;
    const principal = await requireEntityAccess("onboarding.entityStep", entityId);
    return await uploadPreviewResponse(request, async (file, requestId) =>
      previewControlUpload(await db(), { entityId, file, actorId: principal.userId, requestId }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
