"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { reopenStep } from "./reopen-step";

/** A central expert reopens a step of an entity's onboarding, with a reason. */
export const reopenStepAction = entityAction(
  { name: "onboarding.reopen", permission: "onboarding.reopen" },
  z.strictObject({ entityId: z.uuid(), step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]), reason: z.string().trim().min(3).max(500) }),
  async ({ entityId, step, reason }, { principal, requestId }) => {
    const after = await reopenStep(await db(), { entityId, step, reason, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return after;
  },
);
