import { PassThrough, Readable } from "node:stream";
import { auditDownload } from "@/lib/audit/audit-download";
import { requirePermission } from "@/lib/auth/guards";
import { entityScope } from "@/lib/auth/permissions";
import { readDeadline } from "@/lib/domain/planning/planning-store";
import { progressBoard, type ProgressBoardRow } from "@/lib/domain/onboarding/progress-board";
import { formatDutchDate, todayInBrussels } from "@/lib/dates";
import type { TableColumn } from "@/lib/excel/write-table";
import { writeTablesToStream } from "@/lib/excel/write-table";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";
import messages from "@/messages/nl-BE.json";

export const dynamic = "force-dynamic";

// The labels users see online, in the language of the download.
const stepLabel = (step: number) => messages.steps[String(Math.min(Math.max(step, 1), 7)) as keyof typeof messages.steps];
const stateLabel = (state: ProgressBoardRow["currentState"]) => messages.stepState[state];

const COLUMNS: TableColumn<ProgressBoardRow>[] = [
  { header: "Entiteit", width: 42, value: (r) => r.name },
  { header: "Code", width: 10, value: (r) => r.code },
  { header: "Beleidsdomein", width: 14, value: (r) => r.policyAreaCode },
  { header: "Stap", width: 7, value: (r) => r.currentStep },
  { header: "Omschrijving stap", width: 38, value: (r) => stepLabel(r.currentStep) },
  { header: "Status", width: 20, value: (r) => stateLabel(r.currentState) },
  { header: "Stap 1 uitgevoerd op", width: 18, value: (r) => (r.step1RunDate ? formatDutchDate(r.step1RunDate) : null) },
  { header: "Blauwe lijnen", width: 13, value: (r) => r.blueLines },
  { header: "Groene lijnen", width: 13, value: (r) => r.greenLines },
  { header: "Open validatiefouten", width: 18, value: (r) => r.openErrors },
  { header: "Gepland slot", width: 13, value: (r) => (r.plannedSlotMonth ? r.plannedSlotMonth.slice(0, 7).split("-").reverse().join("/") : null) },
  { header: "Op schema?", width: 20, value: (r) => messages.schedule[r.scheduleStatus] },
  { header: "Deadline", width: 12, value: (r) => (r.deadline ? formatDutchDate(r.deadline) : null) },
  { header: "Dagen tot deadline", width: 17, value: (r) => r.daysToDeadline },
];

/** The progress board as .xlsx: the same rows, for the same user, as the page. */
export async function GET() {
  try {
    const principal = await requirePermission("onboarding.read");
    const today = todayInBrussels();
    const database = await db();
    const deadline = await readDeadline(database);
    const rows = await progressBoard(database, { scope: entityScope(principal, "onboarding.read"), today, deadline });
    const stream = new PassThrough();
    writeTablesToStream(stream, [
      {
        sheetName: "Stand van zaken",
        title: `Stand van zaken van de aansluitingen – ${formatDutchDate(today)}${deadline ? ` – deadline ${formatDutchDate(deadline)}` : ""}`,
        columns: COLUMNS,
        rows,
      },
    ]).catch((error: unknown) => {
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
