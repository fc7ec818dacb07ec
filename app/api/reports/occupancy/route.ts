import { PassThrough, Readable } from "node:stream";
import { auditDownload } from "@/lib/audit/audit-download";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guards";
import { entityScope } from "@/lib/auth/permissions";
import { todayInBrussels, validIsoDate } from "@/lib/dates";
import { compareOccupancy, occupancyQuerySchema, occupancyReport } from "@/lib/domain/reports/occupancy-report";
import { occupancySheets } from "@/lib/domain/reports/occupancy-xlsx";
import { writeTablesToStream } from "@/lib/excel/write-table";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The needs-against-occupancy report as .xlsx, for the date and grouping of the page, with the totals as the last line, and the comparison as a second sheet when a comparison date is chosen. */
export async function GET(request: Request) {
  try {
    const principal = await requirePermission("reports.read");
    const query = occupancyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const date = validIsoDate(query.date) ?? todayInBrussels();
    // In the user's language, as the page (the locale cookie).
    const t = await getTranslations("reports");
    const database = await db();
    const scope = entityScope(principal, "reports.read");
    const { groups, totals } = await occupancyReport(database, { scope, date, by: query.by });
    const compare = validIsoDate(query.compare);
    const comparison = compare ? compareOccupancy({ date, groups }, { date: compare, groups: (await occupancyReport(database, { scope, date: compare, by: query.by })).groups }) : null;
    const stream = new PassThrough();
    writeTablesToStream(stream, occupancySheets({ t, by: query.by, date, groups, totals, comparison })).catch((error: unknown) => {
      console.error("[occupancy-report] writing failed", error);
      stream.destroy(error as Error);
    });
    await auditDownload("occupancy-report", { fileName: `bezetting-${query.by}-${date}.xlsx` });
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="bezetting-${query.by}-${date}.xlsx"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
