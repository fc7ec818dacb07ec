"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { commitPersonnelImport } from "./commit-personnel-import";

/** Confirms a clean preview: the personnel list is written in one transaction. */
export const commitPersonnelImportAction = entityAction(
  { name: "personnel.commitImport", permission: "personnel.import" },
  z.strictObject({ entityId: z.uuid(), importRunId: z.uuid() }),
  async ({ entityId, importRunId }, { principal, requestId }) => {
    const outcome = await commitPersonnelImport(await db(), { entityId, importRunId, actorId: principal.userId, requestId });
    revalidatePath(`/entities/${entityId}`, "layout");
    return outcome;
  },
);
