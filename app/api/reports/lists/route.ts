import { PassThrough, Readable } from "node:stream";
import { auditDownload } from "@/lib/audit/audit-download";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guards";
import { entityScope } from "@/lib/auth/permissions";
import { formatDutchDate, todayInBrussels, validIsoDate } from "@/lib/dates";
import { unlinkedReasonMessage, type UnlinkedReason } from "@/lib/domain/reports/plan-list-reasons";
import { allPlanListRows, planListQuerySchema, type PlanListRow } from "@/lib/domain/reports/plan-lists";
import { writeTablesToStream } from "@/lib/excel/write-table";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/**
 * One list of the personnel plan as .xlsx, for the list and date of the page: every row, in the
 * list's lasting order, read a batch at a time while the workbook streams out.
 */
export async function GET(request: Request) {
  try {
    const principal = await requirePermission("reports.read");
    const query = planListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const date = validIsoDate(query.date) ?? todayInBrussels();
    const t = await getTranslations({ locale: "nl-BE", namespace: "planLists" });
    const tReasons = await getTranslations({ locale: "nl-BE", namespace: "step1" });
    const rows = allPlanListRows(await db(), { scope: entityScope(principal, "reports.read"), date, list: query.list });
    const reason = (code: string) => {
      const { namespace, key } = unlinkedReasonMessage(code as UnlinkedReason);
      return namespace === "planLists" ? t(key as "title") : tReasons(key as "title");
    };
    const detail = (r: PlanListRow) => (query.list === "unlinked" && r.detail ? reason(r.detail) : (r.detail ?? ""));
    const stream = new PassThrough();
    writeTablesToStream(stream, [
      {
        sheetName: "Lijst",
        frozenColumns: 2,
        title: `${t(`list_${query.list}`)} – ${formatDutchDate(date)}`,
        columns: [
          { header: t("col_entity"), width: 36, value: (r: PlanListRow) => r.entity },
          { header: t("col_position"), width: 14, value: (r: PlanListRow) => r.positionNumber },
          { header: t("col_person"), width: 36, value: (r: PlanListRow) => r.person },
          { header: t("col_function"), width: 14, value: (r: PlanListRow) => r.functionCode },
          { header: t("col_grade"), width: 12, value: (r: PlanListRow) => r.gradeCode },
          { header: t("col_unit"), width: 16, value: (r: PlanListRow) => r.unitCode },
          { header: t("col_fte"), width: 8, numFmt: "0.0##", value: (r: PlanListRow) => r.fte },
          { header: t("col_occupied"), width: 10, numFmt: "0.0##", value: (r: PlanListRow) => r.occupiedFte },
          { header: t(query.list === "unlinked" ? "col_reason" : "col_difference"), width: 40, value: detail },
        ],
        rows,
      },
    ]).catch((error: unknown) => {
      console.error("[plan-lists] writing failed", error);
      stream.destroy(error as Error);
    });
    await auditDownload("report-list", { fileName: `lijst-${query.list}-${date}.xlsx` });
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="lijst-${query.list}-${date}.xlsx"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
