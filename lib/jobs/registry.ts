import { exportRelationsJob } from "@/lib/domain/personnel/export-relations-job";
import type { JobDefinition } from "./definition";

/** Every job type the worker handles. A job type missing here is never picked up. */
export const jobDefinitions: JobDefinition<any>[] = [exportRelationsJob];

export function findJobDefinition(type: string): JobDefinition<unknown> | undefined {
  return jobDefinitions.find((d) => d.type === type);
}
