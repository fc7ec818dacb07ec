import { requirePermission } from "@/lib/auth/guards";
import { auditDownload } from "@/lib/audit/audit-download";
import { entityScope } from "@/lib/auth/permissions";
import { listSlots, readDeadline, type SlotWithBookings } from "@/lib/domain/planning/planning-store";
import { slotsForScope } from "@/lib/domain/planning/planning-view";
import { formatDutchDate, todayInBrussels } from "@/lib/dates";
import { writeTablesXlsx, type TableColumn } from "@/lib/excel/write-table";
import { XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const monthText = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

const SLOT_COLUMNS: TableColumn<SlotWithBookings>[] = [
  { header: "Maand", width: 10, value: (s) => monthText(s.month) },
  { header: "Plaatsen", width: 10, value: (s) => s.capacity },
  { header: "Genomen", width: 10, value: (s) => s.booked },
  { header: "Vrij", width: 8, value: (s) => Math.max(s.capacity - s.booked, 0) },
  { header: "Entiteiten", width: 50, value: (s) => s.entities.map((e) => e.code).join(", ") },
  { header: "Opmerking", width: 40, value: (s) => s.note },
];

type Booking = { month: string; code: string; name: string };
const BOOKING_COLUMNS: TableColumn<Booking>[] = [
  { header: "Maand", width: 10, value: (b) => monthText(b.month) },
  { header: "Code", width: 10, value: (b) => b.code },
  { header: "Entiteit", width: 50, value: (b) => b.name },
];

/** The planning as .xlsx: the slots with their places, and the entities per slot (within the user's scope). */
export async function GET() {
  try {
    const principal = await requirePermission("planning.read");
    const database = await db();
    const today = todayInBrussels();
    const [allSlots, deadline] = await Promise.all([listSlots(database), readDeadline(database)]);
    const slots = slotsForScope(allSlots, entityScope(principal, "planning.read"));
    const bookings = slots.flatMap((s) => s.entities.map((e) => ({ month: s.month, code: e.code, name: e.name })));
    const content = await writeTablesXlsx([
      {
        sheetName: "Planning",
        frozenColumns: 1,
        title: `Planning van de aansluitingen – ${formatDutchDate(today)}${deadline ? ` – deadline ${formatDutchDate(deadline)}` : ""}`,
        columns: SLOT_COLUMNS,
        rows: slots,
      },
      { sheetName: "Per slot", frozenColumns: 1, title: "Entiteiten per slot", columns: BOOKING_COLUMNS, rows: bookings },
    ]);
    await auditDownload("planning", { fileName: `planning-aansluitingen-${today}.xlsx` });
    return new Response(new Uint8Array(content), {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="planning-aansluitingen-${today}.xlsx"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
