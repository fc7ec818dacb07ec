import { PassThrough, Readable } from "node:stream";
import { auditDownload } from "@/lib/audit/audit-download";
import { requireEntityAccess } from "@/lib/auth/guards";
import { prepareTemplate } from "@/lib/domain/step3/template-download";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The position template of step 3 as .xlsx, pre-filled with the entity's green lines, streamed as it is written. */
export async function GET(_request: Request, { params }: { params: Promise<{ entityId: string }> }) {
  try {
    const { entityId } = await params;
    // The template names people: for those who take part in the entity's steps and may see personnel data.
    await requireEntityAccess("onboarding.entityStep", entityId);
    await requireEntityAccess("personnel.read", entityId);
    const template = await prepareTemplate(await db(), entityId);
    const stream = new PassThrough();
    template.write(stream).catch((error: unknown) => {
      console.error("[position-template] writing failed", error);
      stream.destroy(error as Error);
    });
    await auditDownload("position-template", { fileName: template.fileName, entityId: entityId });
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${template.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
