import { loadReference } from "@/lib/domain/reference/reference-store";
import { auditDownload } from "@/lib/audit/audit-download";
import { buildReferenceWorkbook } from "@/lib/domain/reference/export-reference";
import { REFERENCE_KINDS } from "@/lib/domain/reference/reference-kinds";
import { requireReferenceAccess } from "@/lib/domain/reference/reference-access";
import { todayInBrussels } from "@/lib/dates";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Downloads one kind of reference data (?entityId= for units and cost centres) as the .xlsx its import reads. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const entityParam = new URL(request.url).searchParams.get("entityId");
    const { kind, entityId } = await requireReferenceAccess("reference.read", (await params).kind, entityParam);
    const records = await loadReference(await db(), kind, entityId);
    const content = await buildReferenceWorkbook(REFERENCE_KINDS[kind], records);
    const fileName = `${REFERENCE_KINDS[kind].fileStem}-${todayInBrussels()}.xlsx`;
    await auditDownload("reference-export", { fileName, entityId });
    return new Response(new Uint8Array(content), {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-length": String(content.byteLength),
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
