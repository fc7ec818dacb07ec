import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { markStep1Failed, runStep1 } from "./run-step1";
import { STEP1_JOB_TYPE } from "./step1-job-type";

/** Step 1 in the background: all or nothing, and safe to retry (a retry creates only what is missing). */
export const step1Job = defineJob({
  type: STEP1_JOB_TYPE,
  payload: z.strictObject({ entityId: z.uuid(), runDate: z.iso.date(), stepRunId: z.uuid() }),
  expireInSeconds: 30 * 60,
  async run({ db, jobRun, progress }, payload) {
    await progress(0, 1);
    const result = await runStep1(db, { ...payload, actorId: jobRun.createdBy });
    await progress(1, 1);
    return { summary: { created: result.created, ...result.counts } };
  },
  onFailed: (db, payload) => markStep1Failed(db, payload),
});
