"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertEntityAccess } from "@/lib/auth/entity-access";
import { actionClient } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { commitReferenceImport } from "./reference-import";
import { REFERENCE_KIND_KEYS } from "./reference-kinds";
import { referenceOwner, saveReferenceRecord, setReferenceRecordActive } from "./save-reference";

const target = {
  kind: z.enum(REFERENCE_KIND_KEYS),
  /** Units and cost centres: their entity. Shared kinds: null. */
  entityId: z.uuid().nullable(),
};

function authorise(principal: Parameters<typeof assertEntityAccess>[0], kind: (typeof REFERENCE_KIND_KEYS)[number], entityId: string | null) {
  const owner = referenceOwner(kind, entityId);
  if (owner) assertEntityAccess(principal, "reference.write", owner);
  return owner;
}

function revalidate(entityId: string | null) {
  revalidatePath(entityId ? `/entities/${entityId}/reference` : "/reference", "layout");
}

/** Creates (no id) or edits a record; answers the field errors when the input does not pass the checks. */
export const saveReferenceAction = actionClient
  .metadata({ name: "reference.save", permission: "reference.write" })
  .inputSchema(
    z.strictObject({
      ...target,
      id: z.uuid().optional(),
      expectedUpdatedAt: z.iso.datetime().optional(),
      texts: z.record(z.string().max(40), z.string().max(1000)),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const entityId = authorise(ctx.principal, parsedInput.kind, parsedInput.entityId);
    const result = await saveReferenceRecord(await db(), { ...parsedInput, entityId, actorId: ctx.principal.userId, requestId: ctx.requestId });
    if (result.ok) revalidate(entityId);
    return result;
  });

export const setReferenceActiveAction = actionClient
  .metadata({ name: "reference.setActive", permission: "reference.write" })
  .inputSchema(z.strictObject({ ...target, id: z.uuid(), active: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    const entityId = authorise(ctx.principal, parsedInput.kind, parsedInput.entityId);
    await setReferenceRecordActive(await db(), { ...parsedInput, entityId, actorId: ctx.principal.userId, requestId: ctx.requestId });
    revalidate(entityId);
    return { ok: true as const };
  });

/** Confirms a clean preview of a reference-data upload. */
export const commitReferenceImportAction = actionClient
  .metadata({ name: "reference.commitImport", permission: "reference.write" })
  .inputSchema(z.strictObject({ ...target, importRunId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const entityId = authorise(ctx.principal, parsedInput.kind, parsedInput.entityId);
    const outcome = await commitReferenceImport(await db(), { ...parsedInput, entityId, actorId: ctx.principal.userId, requestId: ctx.requestId });
    revalidate(entityId);
    return outcome;
  });
