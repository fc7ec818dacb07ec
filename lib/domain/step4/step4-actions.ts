"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels } from "@/lib/dates";
import { entityAction } from "@/lib/server/action-client";
import { database } from "@/lib/server/database";
import { startStep4 } from "./run-step4";

/** Starts step 4 for an entity as a background job, on today's date. */
export const startStep4Action = entityAction(
  { name: "onboarding.startStep4", permission: "onboarding.runAutomatedStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const result = await startStep4(await database(), { entityId, runDate: todayInBrussels(), actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return result;
  },
);
