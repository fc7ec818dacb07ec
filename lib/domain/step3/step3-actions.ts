"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { loadCorrectionOptions } from "@/lib/domain/positions/correction-options";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { acceptTemplateUpload } from "./template-import";
import { correctTemplateRequest, requestCorrectionSchema, submitTemplate } from "./template-requests";

/** Accepts a clean template upload: its rows become the entity's request (replacing the previous one). */
export const acceptTemplateUploadAction = entityAction(
  { name: "onboarding.acceptTemplate", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid(), importRunId: z.uuid() }),
  async ({ entityId, importRunId }, { principal, requestId }) => {
    const outcome = await acceptTemplateUpload(await db(), { entityId, importRunId, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return outcome;
  },
);

/** Corrects one accepted row online, with the rules of the upload. */
export const correctTemplateRequestAction = entityAction(
  { name: "onboarding.correctTemplateRow", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid(), requestId: z.uuid(), expectedRevision: z.number().int().min(1), correction: requestCorrectionSchema }),
  async ({ entityId, requestId, expectedRevision, correction }, { principal, requestId: auditRequestId }) => {
    const result = await correctTemplateRequest(await db(), { entityId, requestId, expectedRevision, correction, actorId: principal.userId, auditRequestId });
    if (result.ok) revalidatePath(`/entities/${entityId}`, "layout");
    return result;
  },
);

/** The reference data a row may choose from, fetched when the form opens. */
export const templateOptionsAction = entityAction(
  { name: "onboarding.templateOptions", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }) => loadCorrectionOptions(await db(), entityId),
);

/** The entity submits its template: step 4 waits for the central agency. */
export const submitTemplateAction = entityAction(
  { name: "onboarding.submitTemplate", permission: "onboarding.entityStep" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const outcome = await submitTemplate(await db(), { entityId, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return outcome;
  },
);
