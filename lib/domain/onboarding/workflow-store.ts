import { eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { onboardings } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { transition, type Actor, type CurrentStep, type WorkflowCommand, type WorkflowPosition } from "./workflow";

function positionQuery(db: DbOrTx, entityId: string) {
  return db.select({ step: onboardings.currentStep, state: onboardings.currentState }).from(onboardings).where(eq(onboardings.entityId, entityId));
}

function toPosition(row: { step: number; state: WorkflowPosition["state"] } | undefined): WorkflowPosition {
  if (!row) throw new AppError("not_found", "Deze entiteit heeft geen aansluiting.");
  return { step: row.step as CurrentStep, state: row.state };
}

/** The entity's onboarding position, as it is now (to show, or to check before a command that locks). */
export async function readWorkflow(db: DbOrTx, entityId: string): Promise<WorkflowPosition> {
  return toPosition((await positionQuery(db, entityId))[0]);
}

/** The entity's onboarding position, locked until the end of the transaction. */
export async function lockWorkflow(tx: Tx, entityId: string): Promise<WorkflowPosition> {
  return toPosition((await positionQuery(tx, entityId).for("update"))[0]);
}

/**
 * Moves the entity's onboarding by a command of the state machine, inside the caller's
 * transaction (which records the audit row of the command): refused with the machine's Dutch
 * reason, saved otherwise. Returns the position before and after.
 */
export async function applyTransition(tx: Tx, entityId: string, command: WorkflowCommand, actor: Actor): Promise<{ before: WorkflowPosition; after: WorkflowPosition }> {
  const before = await lockWorkflow(tx, entityId);
  const result = transition(before, command, actor);
  if (!result.ok) throw new AppError("conflict", result.reason);
  const after = result.next;
  await tx
    .update(onboardings)
    .set({
      currentStep: after.step,
      currentState: after.state,
      completedAt: after.step === 7 ? sql`now()` : null,
      updatedAt: sql`now()`,
    })
    .where(eq(onboardings.entityId, entityId));
  return { before, after };
}
