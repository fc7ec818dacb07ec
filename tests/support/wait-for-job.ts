import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { jobRuns } from "@/db/schema";

/** Waits until the job run succeeded (throws when it failed or takes longer than `timeoutMs`). */
export async function waitForJob(handle: DatabaseHandle, jobRunId: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [run] = await handle.db.select({ state: jobRuns.state, error: jobRuns.error }).from(jobRuns).where(eq(jobRuns.id, jobRunId));
    if (run?.state === "succeeded") return;
    if (run?.state === "failed") throw new Error(`job failed: ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobRunId} did not finish in ${timeoutMs} ms`);
}
