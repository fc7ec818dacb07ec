import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { findJobRun } from "@/lib/domain/jobs/queries";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** One job's state and progress, polled by the step pages while it runs. A job outside the user's scope is "not found". */
export async function GET(_request: Request, { params }: { params: Promise<{ jobRunId: string }> }) {
  try {
    const principal = await requirePermission("jobs.read");
    const parsed = z.uuid().safeParse((await params).jobRunId);
    const job = parsed.success ? await findJobRun(await db(), principal, parsed.data) : undefined;
    if (!job) throw new AppError("not_found", "Deze achtergrondtaak bestaat niet.");
    return Response.json({ job }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
