"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels } from "@/lib/dates";
import { correctPosition, listPositionVersions, positionCorrectionSchema } from "@/lib/domain/positions/correct-position";
import { loadCorrectionOptions } from "@/lib/domain/positions/correction-options";
import { AppError } from "@/lib/errors/app-error";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { completeStep2Review } from "./complete-review";
import { reportFiltersSchema } from "./report-filters";
import { latestStep1RunDate, step2Report } from "./report-queries";

/** Corrects a blue line's position: a new dated version, refused if someone else changed it meanwhile. */
export const correctPositionAction = entityAction(
  { name: "positions.correct", permission: "positions.write" },
  z.strictObject({ entityId: z.uuid(), positionId: z.uuid(), expectedRevision: z.number().int().min(1), correction: positionCorrectionSchema }),
  async (input, { principal, requestId }) => {
    const result = await correctPosition(await db(), { ...input, actorId: principal.userId, today: todayInBrussels(), requestId });
    if (result.ok && result.changed) revalidatePath(`/entities/${input.entityId}/steps/2`);
    return result;
  },
);

/** The reference data a correction may choose from, fetched when the form opens (not with every page of the report). */
export const correctionOptionsAction = entityAction(
  { name: "positions.correctionOptions", permission: "positions.write" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }) => loadCorrectionOptions(await db(), entityId),
);

/** The versions of a position, for its history in the report. */
export const positionHistoryAction = entityAction(
  { name: "positions.history", permission: "personnel.read" },
  z.strictObject({ entityId: z.uuid(), positionId: z.uuid() }),
  async ({ entityId, positionId }) => {
    const versions = await listPositionVersions(await db(), entityId, positionId);
    if (versions.length === 0) throw new AppError("not_found", "Deze arbeidsplaats bestaat niet.");
    return versions.map((v) => ({ ...v, fte: Number(v.fte), createdAt: v.createdAt.toISOString() }));
  },
);

/** The entity's HR marks the review of the report as done. */
export const completeStep2Action = entityAction(
  { name: "onboarding.completeStep2", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const database = await db();
    const runDate = await latestStep1RunDate(database, entityId);
    if (!runDate) throw new AppError("conflict", "Stap 1 is nog niet uitgevoerd voor deze entiteit.");
    const { counts } = await step2Report(database, entityId, runDate, reportFiltersSchema.parse({}), 1);
    await completeStep2Review(database, { entityId, actorId: principal.userId, counts: { blue: counts.blue, green: counts.green, ...counts.byReason }, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return { ok: true as const };
  },
);
