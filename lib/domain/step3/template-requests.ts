import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { applyTransition } from "@/lib/domain/onboarding/workflow-store";
import { employmentRelations, onboardingStepRuns, persons, positionRequests } from "@/db/schema";
import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { parseDecimalText } from "@/lib/excel/read/parse-cell";
import { recordAudit } from "@/lib/audit/record-audit";
import { validIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors/app-error";
import { lockImportTarget } from "@/lib/domain/imports/import-run-store";
import { TEMPLATE_TEXT_MAX, type TemplateColumnKey } from "./template-format";
import { templateImportTarget } from "./template-import";
import { loadTemplateContext } from "./template-queries";
import { checkTemplateRow } from "./template-rules";
import { requireTemplateChangeable } from "./template-state";
import type { TemplateRowValues } from "./parse-template-row";

/** The entity's current request, one row per accepted template row, a page at a time. */
export async function listTemplateRequests(db: DbOrTx, entityId: string, page: { limit: number; offset: number }) {
  const result = await db.execute<Record<string, unknown>>(sql`
    select q.id, q.row_number, q.decision, q.not_needed_reason, q.fte, q.valid_from::text as valid_from, q.note, q.revision,
           fp.code as function_code, fp.title as function_title, g.code as grade_code, u.code as unit_code,
           c.code as cost_centre_code, d.code as duty_location_code, pos.number as position_number,
           p.vlimpers_number, p.last_name || ' ' || p.first_name as name, r.relation_number,
           count(*) over () as total
    from position_requests q
    left join function_profiles fp on fp.id = q.function_profile_id
    left join grades g on g.id = q.grade_id
    left join org_units u on u.id = q.org_unit_id
    left join cost_centres c on c.id = q.cost_centre_id
    left join duty_locations d on d.id = q.duty_location_id
    left join positions pos on pos.id = q.position_id
    left join employment_relations r on r.id = q.relation_id
    left join persons p on p.id = r.person_id
    where q.entity_id = ${entityId}
    order by q.row_number
    limit ${page.limit} offset ${page.offset}`);
  const rows = result.rows.map((row) => ({
    id: String(row.id),
    rowNumber: Number(row.row_number),
    decision: row.decision as "requested" | "not_needed",
    notNeededReason: (row.not_needed_reason as string | null) ?? null,
    vlimpers: (row.vlimpers_number as string | null) ?? null,
    name: (row.name as string | null) ?? null,
    relationNumber: row.relation_number == null ? null : Number(row.relation_number),
    functionCode: (row.function_code as string | null) ?? null,
    functionTitle: (row.function_title as string | null) ?? null,
    gradeCode: (row.grade_code as string | null) ?? null,
    unitCode: (row.unit_code as string | null) ?? null,
    costCentreCode: (row.cost_centre_code as string | null) ?? null,
    dutyLocationCode: (row.duty_location_code as string | null) ?? null,
    fte: row.fte == null ? null : Number(row.fte),
    validFrom: (row.valid_from as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    positionNumber: row.position_number == null ? null : Number(row.position_number),
    revision: Number(row.revision),
  }));
  return { rows, total: rows.length ? Number(result.rows[0]!.total) : 0 };
}

export type TemplateRequestRow = Awaited<ReturnType<typeof listTemplateRequests>>["rows"][number];

/** The online correction of one accepted row: the same fields and rules as in the file. */
export const requestCorrectionSchema = z.strictObject({
  decision: z.enum(["requested", "not_needed"]),
  notNeededReason: z.string().trim().max(TEMPLATE_TEXT_MAX),
  functionCode: z.string().trim().max(40),
  gradeCode: z.string().trim().max(40),
  unitCode: z.string().trim().max(40),
  costCentreCode: z.string().trim().max(40),
  dutyLocationCode: z.string().trim().max(40),
  fte: z.string().trim().max(20),
  validFrom: z.string().trim().max(10),
  note: z.string().trim().max(TEMPLATE_TEXT_MAX),
});
export type RequestCorrection = z.infer<typeof requestCorrectionSchema>;

/** Where a rule's problem shows in the form. */
const FIELD_OF: Partial<Record<TemplateColumnKey, keyof RequestCorrection>> = {
  decision: "decision",
  notNeededReason: "notNeededReason",
  functionCode: "functionCode",
  grade: "gradeCode",
  unit: "unitCode",
  costCentre: "costCentreCode",
  dutyLocation: "dutyLocationCode",
  fte: "fte",
  validFrom: "validFrom",
  note: "note",
};

export type CorrectRequestResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<keyof RequestCorrection | "row", string>> };

/**
 * Corrects one accepted template row online, checked by the rules of the upload. Refused when
 * someone else changed the row meanwhile (revision), or when the template cannot change any more.
 * A correction after the template was submitted sends the onboarding back to step 3.
 */
export async function correctTemplateRequest(
  db: Db,
  input: { entityId: string; requestId: string; expectedRevision: number; correction: RequestCorrection; actorId: string; auditRequestId?: string },
): Promise<CorrectRequestResult> {
  const { entityId, correction } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, templateImportTarget(entityId));
    const { runDate, stage } = await requireTemplateChangeable(tx, entityId);
    const [row] = await tx
      .select({ request: positionRequests, vlimpers: persons.vlimpersNumber, relationNumber: employmentRelations.relationNumber })
      .from(positionRequests)
      .leftJoin(employmentRelations, eq(employmentRelations.id, positionRequests.relationId))
      .leftJoin(persons, eq(persons.id, employmentRelations.personId))
      .where(and(eq(positionRequests.id, input.requestId), eq(positionRequests.entityId, entityId)))
      .for("update", { of: positionRequests });
    if (!row) throw new AppError("not_found", "Deze rij van het sjabloon bestaat niet.");
    if (row.request.revision !== input.expectedRevision) {
      throw new AppError("conflict", "Iemand anders wijzigde deze rij intussen. Herlaad de pagina en bekijk de rij opnieuw.");
    }
    if (row.request.positionId) {
      // A rerun of step 4 skips rows that have their position: a change here would never reach it.
      throw new AppError("conflict", "Stap 4 heeft voor deze rij al een arbeidsplaats gemaakt: wijzig die arbeidsplaats in het personeelsplan.");
    }
    const problems: CellProblem[] = [];
    const fieldErrors: Partial<Record<keyof RequestCorrection | "row", string>> = {};
    const fte = correction.fte ? parseDecimalText(correction.fte) : undefined;
    const validFrom = correction.validFrom ? validIsoDate(correction.validFrom, { minYear: 1900 }) : null;
    const unreadable: TemplateColumnKey[] = [];
    if (correction.fte && !(fte !== undefined && fte > 0 && fte <= 1)) {
      fieldErrors.fte = "Gebruik een getal groter dan 0 en hoogstens 1, bijvoorbeeld 0,8.";
      unreadable.push("fte");
    }
    if (correction.validFrom && !validFrom) {
      fieldErrors.validFrom = "Kies een bestaande datum.";
      unreadable.push("validFrom");
    }
    const values: TemplateRowValues = {
      rowNumber: row.request.rowNumber,
      vlimpers: row.vlimpers,
      relationNumber: row.relationNumber,
      decision: correction.decision,
      notNeededReason: correction.notNeededReason || null,
      functionCode: correction.functionCode || null,
      gradeCode: correction.gradeCode || null,
      unitCode: correction.unitCode || null,
      costCentreCode: correction.costCentreCode || null,
      dutyLocationCode: correction.dutyLocationCode || null,
      fte: fte !== undefined && !unreadable.includes("fte") ? (Math.round(fte * 1000) / 1000).toFixed(3) : null,
      validFrom,
      note: correction.note || null,
      unreadable,
    };
    const context = await loadTemplateContext(tx, entityId, runDate);
    if (row.request.relationId) {
      // The row's own green line stays requestable even though the check looks it up by key.
      const key = `${row.vlimpers}/${row.relationNumber}`;
      if (!context.greenLines.has(key)) throw new AppError("conflict", "Deze arbeidsrelatie is geen groene lijn meer (ze kreeg intussen een arbeidsplaats). Laad het sjabloon opnieuw op.");
    }
    const resolved = checkTemplateRow(values, context, (key, severity, message) => {
      problems.push({ rowNumber: values.rowNumber, severity, message });
      const field = FIELD_OF[key] ?? "row";
      if (severity === "error" && !fieldErrors[field]) fieldErrors[field] = message;
    }, unreadable.length);
    if (!resolved || Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
    const { rowNumber: _rowNumber, ...data } = resolved;
    await tx
      .update(positionRequests)
      .set({ ...data, revision: sql`${positionRequests.revision} + 1`, updatedBy: input.actorId, updatedAt: sql`now()` })
      .where(eq(positionRequests.id, row.request.id));
    if (stage === "submitted") await backToStep3(tx, entityId);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.step3.correct",
      objectType: "position_request",
      objectId: row.request.id,
      entityId,
      before: pick(row.request),
      after: { rowNumber: row.request.rowNumber, ...data },
      requestId: input.auditRequestId,
    });
    return { ok: true as const };
  });
}

function pick(request: typeof positionRequests.$inferSelect) {
  const { id: _id, entityId: _entityId, importRunId: _run, updatedAt: _at, updatedBy: _by, revision: _revision, ...data } = request;
  return data;
}

async function backToStep3(tx: Tx, entityId: string) {
  await applyTransition(tx, entityId, { type: "withdraw", step: 3 }, "entity");
}

/** The entity submits its accepted template: the onboarding moves on to step 4, for the central agency. */
export async function submitTemplate(db: Db, input: { entityId: string; actorId: string; requestId?: string }): Promise<{ requested: number; notNeeded: number }> {
  const { entityId } = input;
  return db.transaction(async (tx) => {
    await lockImportTarget(tx, templateImportTarget(entityId));
    const { stage } = await requireTemplateChangeable(tx, entityId);
    if (stage !== "open") throw new AppError("conflict", "Het sjabloon is al ingediend. Het centrale team voert nu stap 4 uit.");
    const counted = await tx.execute<{ requested: number; not_needed: number }>(sql`
      select count(*) filter (where decision = 'requested')::int as requested, count(*) filter (where decision = 'not_needed')::int as not_needed
      from position_requests where entity_id = ${entityId}`);
    const requested = Number(counted.rows[0]!.requested);
    const notNeeded = Number(counted.rows[0]!.not_needed);
    if (requested + notNeeded === 0) throw new AppError("conflict", "Er is nog geen aanvaard sjabloon. Laad eerst het ingevulde sjabloon op en aanvaard het.");
    await applyTransition(tx, entityId, { type: "complete", step: 3 }, "entity");
    const [run] = await tx
      .insert(onboardingStepRuns)
      .values({ entityId, step: 3, state: "done", counts: { requested, notNeeded }, actorId: input.actorId, finishedAt: sql`now()` })
      .returning({ id: onboardingStepRuns.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "onboarding.step3.submit",
      objectType: "onboarding_step_run",
      objectId: run!.id,
      entityId,
      after: { requested, notNeeded },
      requestId: input.requestId,
    });
    return { requested, notNeeded };
  });
}

