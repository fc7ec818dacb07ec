"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validIsoDate } from "@/lib/dates";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { positionCorrectionSchema } from "./correct-position";
import { abolishPosition, createPosition, linkRelation, setPositionFrozen, unlinkRelation } from "./personnel-plan";

const date = z.iso.date().refine((d) => validIsoDate(d) !== null, "Kies een bestaande datum.");
const revalidate = (entityId: string) => revalidatePath(`/entities/${entityId}/positions`, "layout");

/** Creates a position in the entity's personnel plan, from a date (also a later one). */
export const createPositionAction = entityAction(
  { name: "positions.create", permission: "positions.write" },
  z.strictObject({ entityId: z.uuid(), data: positionCorrectionSchema, validFrom: date }),
  async ({ entityId, data, validFrom }, { principal, requestId }) => {
    const result = await createPosition(await db(), { entityId, data, validFrom, actorId: principal.userId, requestId });
    if (result.ok) revalidate(entityId);
    return result;
  },
);

/** Freezes a position from a date, or makes it active again. */
export const freezePositionAction = entityAction(
  { name: "positions.freeze", permission: "positions.write" },
  z.strictObject({ entityId: z.uuid(), positionId: z.uuid(), expectedRevision: z.number().int().min(1), frozen: z.boolean(), from: date }),
  async (input, { principal, requestId }) => {
    const result = await setPositionFrozen(await db(), { ...input, actorId: principal.userId, requestId });
    revalidate(input.entityId);
    return result;
  },
);

/** Abolishes a position after its last day; its links end with it. */
export const abolishPositionAction = entityAction(
  { name: "positions.abolish", permission: "positions.write" },
  z.strictObject({ entityId: z.uuid(), positionId: z.uuid(), expectedRevision: z.number().int().min(1), until: date }),
  async (input, { principal, requestId }) => {
    const result = await abolishPosition(await db(), { ...input, actorId: principal.userId, requestId });
    revalidate(input.entityId);
    return result;
  },
);

/** Links an employment relation of the entity to a position for an FTE share from a date. */
export const linkRelationAction = entityAction(
  { name: "positions.link", permission: "positions.write" },
  z.strictObject({
    entityId: z.uuid(),
    positionId: z.uuid(),
    vlimpers: z.string().regex(/^\d{6}$/, "Een Vlimpersnummer bestaat uit 6 cijfers."),
    relationNumber: z.number().int().min(1).max(999),
    fte: z.number().gt(0).max(1),
    from: date,
  }),
  async (input, { principal, requestId }) => {
    const result = await linkRelation(await db(), { ...input, actorId: principal.userId, requestId });
    revalidate(input.entityId);
    return result;
  },
);

/** Ends a link after its last day. */
export const unlinkRelationAction = entityAction(
  { name: "positions.unlink", permission: "positions.write" },
  z.strictObject({ entityId: z.uuid(), linkId: z.uuid(), until: date }),
  async (input, { principal, requestId }) => {
    const result = await unlinkRelation(await db(), { ...input, actorId: principal.userId, requestId });
    revalidate(input.entityId);
    return result;
  },
);
