"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validIsoDate } from "@/lib/dates";
import { entityAction } from "@/lib/server/action-client";
import { database } from "@/lib/server/database";
import { startStep1 } from "./run-step1";

/** Starts step 1 for an entity as a background job. */
export const startStep1Action = entityAction(
  { name: "onboarding.startStep1", permission: "onboarding.runAutomatedStep" },
  z.strictObject({
    entityId: z.uuid(),
    runDate: z.iso.date().refine((date) => validIsoDate(date) !== null, "Kies een bestaande datum tussen 1990 en 2100."),
  }),
  async ({ entityId, runDate }, { principal, requestId }) => {
    const result = await startStep1(await database(), { entityId, runDate, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return result;
  },
);
