import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { markStep6Failed, runStep6 } from "./run-step6";
import { STEP6_JOB_TYPE } from "./step6-job-type";

/** Step 6 in the background: all or nothing, and safe to retry (a retry links only what is missing). */
export const step6Job = defineJob({
  type: STEP6_JOB_TYPE,
  payload: z.strictObject({ entityId: z.uuid(), runDate: z.iso.date(), stepRunId: z.uuid() }),
  expireInSeconds: 30 * 60,
  async run({ db, jobRun, progress }, payload) {
    await progress(0, 1);
    const result = await runStep6(db, { ...payload, actorId: jobRun.createdBy });
    await progress(1, 1);
    return { summary: { linked: result.linked, ...result.counts } };
  },
  onFailed: (db, payload) => markStep6Failed(db, payload),
});
