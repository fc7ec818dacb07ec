"use server";

import { z } from "zod";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { recordAudit } from "@/lib/audit/record-audit";
import { entityAction } from "@/lib/server/action-client";
import { database } from "@/lib/server/database";

/** Starts the export of an entity's personnel list as a background job. */
export const exportRelationsAction = entityAction(
  { name: "personnel.exportRelations", permission: "personnel.read" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    const handle = await database();
    return handle.db.transaction(async (tx) => {
      const { jobRunId } = await enqueueJob(handle, tx, {
        type: "entity.export-relations",
        entityId,
        payload: { entityId },
        createdBy: principal.userId,
      });
      await recordAudit(tx, {
        actorId: principal.userId,
        action: "job.enqueue",
        objectType: "job_run",
        objectId: jobRunId,
        entityId,
        after: { type: "entity.export-relations" },
        requestId,
      });
      return { jobRunId };
    });
  },
);
