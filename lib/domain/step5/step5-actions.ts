"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { assignOnline, assignmentSchema, submitControlReport, takeOverRequested } from "./control-assignments";
import { acceptControlUpload } from "./control-import";
import { assignableRelations } from "./control-queries";

/** Accepts a clean control-report upload: its assignments replace the current ones. */
export const acceptControlUploadAction = entityAction(
  { name: "onboarding.acceptControlReport", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid(), importRunId: z.uuid() }),
  async ({ entityId, importRunId }, { principal, requestId }) => {
    const outcome = await acceptControlUpload(await db(), { entityId, importRunId, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return outcome;
  },
);

/** Chooses online who goes into one position (or nobody). */
export const assignOnlineAction = entityAction(
  { name: "onboarding.assignPosition", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid(), requestId: z.uuid(), expectedRevision: z.number().int().min(1), assignment: assignmentSchema }),
  async ({ entityId, requestId, expectedRevision, assignment }, { principal, requestId: auditRequestId }) => {
    const result = await assignOnline(await db(), { entityId, requestId, expectedRevision, assignment, actorId: principal.userId, auditRequestId });
    if (result.ok) revalidatePath(`/entities/${entityId}/steps/5`);
    return result;
  },
);

/** "Overnemen uit stap 3": positions without a choice get the person named for them in step 3. */
export const takeOverRequestedAction = entityAction(
  { name: "onboarding.takeOverRequested", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const result = await takeOverRequested(await db(), { entityId, actorId: principal.userId, auditRequestId: requestId });
    revalidatePath(`/entities/${entityId}/steps/5`);
    return result;
  },
);

/** The relations that may still go into a position, for the searchable choice. */
export const assignableRelationsAction = entityAction(
  { name: "onboarding.assignableRelations", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid(), query: z.string().trim().max(100) }),
  async ({ entityId, query }) => assignableRelations(await db(), entityId, query),
);

/** The entity submits its control report: step 6 waits for the central agency. */
export const submitControlReportAction = entityAction(
  { name: "onboarding.submitControlReport", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const counts = await submitControlReport(await db(), { entityId, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return counts;
  },
);
