import { PassThrough, Readable } from "node:stream";
import { auditDownload } from "@/lib/audit/audit-download";
import { requirePermission } from "@/lib/auth/guards";
import { entityScope } from "@/lib/auth/permissions";
import { readDeadline } from "@/lib/domain/planning/planning-store";
import { progressBoard } from "@/lib/domain/onboarding/progress-board";
import { progressBoardSheet } from "@/lib/domain/progress/progress-xlsx";
import { todayInBrussels } from "@/lib/dates";
import { writeTablesToStream } from "@/lib/excel/write-table";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The progress board as .xlsx: the same rows, for the same user, as the page. */
export async function GET() {
  try {
    const principal = await requirePermission("onboarding.read");
    const today = todayInBrussels();
    const database = await db();
    const deadline = await readDeadline(database);
    const rows = await progressBoard(database, { scope: entityScope(principal, "onboarding.read"), today, deadline });
    const stream = new PassThrough();
    writeTablesToStream(stream, [progressBoardSheet({ rows, today, deadline })]).catch((error: unknown) => {
      console.error("[progress] writing failed", error);
      stream.destroy(error as Error);
    });
    await auditDownload("status-overview", { fileName: `stand-van-zaken-${today}.xlsx` });
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="stand-van-zaken-${today}.xlsx"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
