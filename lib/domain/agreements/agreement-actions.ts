"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { addAgreement, agreementContentSchema, editAgreement } from "./agreement-store";

/** A central expert records an intake conversation with the entity's HR. */
export const addAgreementAction = entityAction(
  { name: "agreements.add", permission: "agreements.write" },
  z.strictObject({ entityId: z.uuid(), content: agreementContentSchema }),
  async ({ entityId, content }, { principal, requestId }) => {
    const result = await addAgreement(await db(), { entityId, content, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`);
    return result;
  },
);

/** The author changes their agreement; the earlier version is kept. */
export const editAgreementAction = entityAction(
  { name: "agreements.edit", permission: "agreements.write" },
  z.strictObject({ entityId: z.uuid(), agreementId: z.uuid(), expectedVersion: z.number().int().min(1), content: agreementContentSchema }),
  async (input, { principal, requestId }) => {
    const result = await editAgreement(await db(), { ...input, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${input.entityId}`);
    return result;
  },
);
