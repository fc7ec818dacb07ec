import { formatDutchDate } from "@/lib/dates";
import { auditDownload } from "@/lib/audit/audit-download";
import { PassThrough, Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { entities } from "@/db/schema";
import { requireEntityAccess } from "@/lib/auth/guards";
import { reportFiltersSchema } from "@/lib/domain/step2/report-filters";
import { allReportLines, latestStep1RunDate } from "@/lib/domain/step2/report-queries";
import { step2ReportSheets } from "@/lib/domain/step2/report-xlsx";
import { AppError } from "@/lib/errors/app-error";
import { writeTablesToStream } from "@/lib/excel/write-table";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The step-2 report as .xlsx, with the filters and sort of the page, streamed as it is written. */
export async function GET(request: Request, { params }: { params: Promise<{ entityId: string }> }) {
  try {
    const { entityId } = await params;
    // The report names people: for those who may see personnel data (not managers).
    await requireEntityAccess("personnel.read", entityId);
    const database = await db();
    const runDate = await latestStep1RunDate(database, entityId);
    if (!runDate) throw new AppError("not_found", "Stap 1 is nog niet uitgevoerd: er is nog geen rapport.");
    const [entity] = await database.select({ name: entities.name, code: entities.code }).from(entities).where(eq(entities.id, entityId));
    const filters = reportFiltersSchema.parse({ ...Object.fromEntries(new URL(request.url).searchParams), page: 0 });
    const stream = new PassThrough();
    writeTablesToStream(stream, step2ReportSheets({ entityName: entity!.name, runDateLabel: formatDutchDate(runDate), lines: allReportLines(database, entityId, runDate, filters) })).catch(
      (error: unknown) => {
        console.error("[step2-report] writing failed", error);
        stream.destroy(error as Error);
      },
    );
    const fileName = `rapport-stap2-${entity!.code}-${runDate}.xlsx`;
    await auditDownload("step2-report", { fileName, entityId });
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
