import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Step } from "./workflow";
import { applyTransition } from "./workflow-store";

/**
 * A central expert reopens a step, with a reason: the onboarding goes back to that step (the later
 * steps are open again with it), waiting for whoever acts there. What the later steps made stays:
 * a rerun of an automated step only adds what is missing.
 */
export async function reopenStep(db: Db, input: { entityId: string; step: Step; reason: string; actorId: string; requestId?: string }) {
  return db.transaction(async (tx) => {
    const { before, after } = await applyTransition(tx, input.entityId, { type: "reopen", step: input.step, reason: input.reason }, "central");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.reopen",
      objectType: "onboarding",
      objectId: null,
      entityId: input.entityId,
      before,
      after: { ...after, reopenedStep: input.step, reason: input.reason.trim() },
      requestId: input.requestId,
    });
    return after;
  });
}
