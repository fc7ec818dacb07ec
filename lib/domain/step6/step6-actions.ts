"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels } from "@/lib/dates";
import { entityAction } from "@/lib/server/action-client";
import { database } from "@/lib/server/database";
import { startStep6 } from "./run-step6";

/** Starts step 6 (the linking) for an entity as a background job, on today's date. */
export const startStep6Action = entityAction(
  { name: "onboarding.startStep6", permission: "onboarding.runAutomatedStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const result = await startStep6(await database(), { entityId, runDate: todayInBrussels(), actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return result;
  },
);
