import { requirePermission } from "@/lib/auth/guards";
import { listJobRuns } from "@/lib/domain/jobs/queries";
import { errorResponse } from "@/lib/server/route-errors";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The job list, polled by the jobs page for live progress. */
export async function GET() {
  try {
    const principal = await requirePermission("jobs.read");
    return Response.json({ jobs: await listJobRuns(await db(), principal) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
