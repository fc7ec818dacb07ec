import { exportRelationsJob } from "@/lib/domain/personnel/export-relations-job";
import { step1Job } from "@/lib/domain/step1/step1-job";
import { step4Job } from "@/lib/domain/step4/step4-job";
import { step6Job } from "@/lib/domain/step6/step6-job";
import type { JobDefinition } from "./definition";

/** Every job type the worker handles. A job type missing here is never picked up. */
export const jobDefinitions: JobDefinition<any>[] = [exportRelationsJob, step1Job, step4Job, step6Job];

export function findJobDefinition(type: string): JobDefinition<unknown> | undefined {
  return jobDefinitions.find((d) => d.type === type);
}
