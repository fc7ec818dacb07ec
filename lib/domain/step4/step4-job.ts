import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { markStep4Failed, runStep4 } from "./run-step4";
import { STEP4_JOB_TYPE } from "./step4-job-type";

/** Step 4 in the background: all or nothing, and safe to retry (a retry creates only what is missing). */
export const step4Job = defineJob({
  type: STEP4_JOB_TYPE,
  payload: z.strictObject({ entityId: z.uuid(), runDate: z.iso.date(), stepRunId: z.uuid() }),
  expireInSeconds: 30 * 60,
  async run({ db, jobRun, progress }, payload) {
    await progress(0, 1);
    const result = await runStep4(db, { ...payload, actorId: jobRun.createdBy });
    await progress(1, 1);
    return { summary: { created: result.created, ...result.counts } };
  },
  onFailed: (db, payload) => markStep4Failed(db, payload),
});
