import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { onboardingStepRuns } from "@/db/schema";
import { applyTransition, lockWorkflow } from "@/lib/domain/onboarding/workflow-store";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";

/** The entity's HR marks the review of the step-2 report as done: the onboarding moves on to step 3. */
export async function completeStep2Review(db: Db, input: { entityId: string; actorId: string; counts: Record<string, number>; requestId?: string }) {
  await db.transaction(async (tx) => {
    const position = await lockWorkflow(tx, input.entityId);
    if (position.step !== 2) throw new AppError("conflict", "Het rapport van stap 2 staat niet (meer) open voor nazicht.");
    await applyTransition(tx, input.entityId, { type: "complete", step: 2 }, "entity");
    const [run] = await tx
      .insert(onboardingStepRuns)
      .values({ entityId: input.entityId, step: 2, state: "done", counts: input.counts, actorId: input.actorId, finishedAt: sql`now()` })
      .returning({ id: onboardingStepRuns.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.step2.complete",
      objectType: "onboarding_step_run",
      objectId: run!.id,
      entityId: input.entityId,
      after: input.counts,
      requestId: input.requestId,
    });
  });
}
