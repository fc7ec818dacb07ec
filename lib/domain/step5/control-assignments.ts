import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { onboardingStepRuns, positionRequests, positions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { lockImportTarget } from "@/lib/domain/imports/import-run-store";
import { applyTransition, lockWorkflow } from "@/lib/domain/onboarding/workflow-store";
import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { assertStep5Open, controlImportTarget } from "./control-import";
import { listPositionChoices, loadControlContext, step6Counts } from "./control-queries";
import { checkControlRow } from "./control-rules";
import { planTakeOver, type TakeOverPlan } from "./take-over-requested";

/** Who goes into one position, chosen online: a Vlimpers number and relation, or nothing (vacant). */
export const assignmentSchema = z.strictObject({
  vlimpers: z.string().trim().regex(/^(\d{6})?$/, "Een Vlimpersnummer bestaat uit 6 cijfers."),
  relationNumber: z.number().int().min(1).max(999).nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export type AssignResult = { ok: true } | { ok: false; message: string };

/**
 * Fills the orange columns of one position online, with the rules of the upload; another relation
 * chosen for the same position meanwhile (revision) is refused, not overwritten.
 */
export async function assignOnline(
  db: Db,
  input: { entityId: string; requestId: string; expectedRevision: number; assignment: Assignment; actorId: string; auditRequestId?: string },
): Promise<AssignResult> {
  const { entityId, assignment } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, controlImportTarget(entityId));
    assertStep5Open((await lockWorkflow(tx, entityId)).step);
    const [row] = await tx
      .select({ request: positionRequests, number: positions.number })
      .from(positionRequests)
      .innerJoin(positions, eq(positions.id, positionRequests.positionId))
      .where(and(eq(positionRequests.id, input.requestId), eq(positionRequests.entityId, entityId)))
      .for("update", { of: positionRequests });
    if (!row) throw new AppError("not_found", "Deze arbeidsplaats staat niet in het controlerapport.");
    if (row.request.assignmentRevision !== input.expectedRevision) {
      throw new AppError("conflict", "Iemand anders wijzigde deze arbeidsplaats intussen. Herlaad de pagina.");
    }
    const context = await loadControlContext(tx, entityId);
    // The relation this position holds now does not count as taken by another position.
    const taken = new Set((await tx.select({ id: positionRequests.assignedRelationId }).from(positionRequests).where(eq(positionRequests.entityId, entityId))).map((r) => r.id));
    const problems: CellProblem[] = [];
    const resolved = checkControlRow(
      { rowNumber: 0, positionNumber: row.number, vlimpers: assignment.vlimpers || null, relationNumber: assignment.relationNumber, unreadable: [] },
      context,
      (_key, severity, message) => problems.push({ rowNumber: 0, severity, message }),
    );
    const firstError = problems.find((p) => p.severity === "error");
    if (!resolved || firstError) return { ok: false as const, message: firstError?.message ?? "Deze keuze kan niet." };
    if (resolved.relationId && resolved.relationId !== row.request.assignedRelationId && taken.has(resolved.relationId)) {
      return { ok: false as const, message: "Deze arbeidsrelatie gaat al naar een andere arbeidsplaats van dit controlerapport." };
    }
    await tx
      .update(positionRequests)
      .set({ assignedRelationId: resolved.relationId, assignmentRevision: sql`${positionRequests.assignmentRevision} + 1`, updatedBy: input.actorId, updatedAt: sql`now()` })
      .where(eq(positionRequests.id, row.request.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.step5.assign",
      objectType: "position_request",
      objectId: row.request.id,
      entityId,
      before: { relationId: row.request.assignedRelationId },
      after: { positionNumber: row.number, relationId: resolved.relationId },
      requestId: input.auditRequestId,
    });
    return { ok: true as const };
  });
}

/** What "overnemen uit stap 3" would do now, for the page to say before the entity confirms. */
export async function previewTakeOver(db: DbOrTx, entityId: string): Promise<TakeOverPlan> {
  return planTakeOver(await listPositionChoices(db, entityId), await loadControlContext(db, entityId));
}

/**
 * "Overnemen uit stap 3": each position without a choice gets the person named for it in step 3,
 * where the rules of step 5 allow it, in one transaction. A second time takes over nothing new.
 */
export async function takeOverRequested(db: Db, input: { entityId: string; actorId: string; auditRequestId?: string }): Promise<{ takenOver: number; skipped: number }> {
  const { entityId } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, controlImportTarget(entityId));
    assertStep5Open((await lockWorkflow(tx, entityId)).step);
    await tx.execute(sql`select 1 from position_requests where entity_id = ${entityId} for update`);
    const plan = await previewTakeOver(tx, entityId);
    if (plan.assignments.length > 0) {
      await tx.execute(sql`
        update position_requests q set assigned_relation_id = a.relation_id, assignment_revision = q.assignment_revision + 1, updated_by = ${input.actorId}::uuid, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(plan.assignments.map((a) => ({ request_id: a.requestId, relation_id: a.relationId })))}::jsonb) as a(request_id uuid, relation_id uuid)
        where q.id = a.request_id and q.entity_id = ${entityId} and q.assigned_relation_id is null`);
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.step5.takeOver",
      objectType: "onboarding",
      objectId: entityId,
      entityId,
      after: { takenOver: plan.assignments.length, skipped: plan.skipped.length, positionNumbers: plan.assignments.map((a) => a.positionNumber) },
      requestId: input.auditRequestId,
    });
    return { takenOver: plan.assignments.length, skipped: plan.skipped.length };
  });
}

/** The entity submits its control report: step 6 waits for the central agency. */
export async function submitControlReport(db: Db, input: { entityId: string; actorId: string; requestId?: string }) {
  const { entityId } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, controlImportTarget(entityId));
    await applyTransition(tx, entityId, { type: "complete", step: 5 }, "entity");
    const counts = await step6Counts(tx, entityId);
    const [run] = await tx
      .insert(onboardingStepRuns)
      .values({ entityId, step: 5, state: "done", counts: { ...counts }, actorId: input.actorId, finishedAt: sql`now()` })
      .returning({ id: onboardingStepRuns.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.step5.submit",
      objectType: "onboarding_step_run",
      objectId: run!.id,
      entityId,
      after: { ...counts },
      requestId: input.requestId,
    });
    return counts;
  });
}
