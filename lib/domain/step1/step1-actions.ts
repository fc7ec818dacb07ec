"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { entityAction } from "@/lib/server/action-client";
import { database } from "@/lib/server/database";
import { startStep1 } from "./run-step1";

/** Starts step 1 for an entity as a background job. */
export const startStep1Action = entityAction(
  { name: "onboarding.startStep1", permission: "onboarding.runAutomatedStep" },
  z.strictObject({ entityId: z.uuid(), runDate: z.iso.date() }),
  async ({ entityId, runDate }, { principal, requestId }) => {
    const result = await startStep1(await database(), { entityId, runDate, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return result;
  },
);
