import type { Db, Tx } from "@/db/client";
import { lockImportTarget } from "@/lib/domain/imports/import-run-store";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { checkReferenceRecords, codeKey } from "./check-reference-records";
import { REFERENCE_KINDS, type ReferenceKindKey } from "./reference-kinds";
import { referenceImportTarget } from "./reference-import";
import { loadReference, loadReferenceContext, setReferenceActive, writeReference } from "./reference-store";

export type SaveReferenceResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string> };

export interface SaveReferenceInput {
  kind: ReferenceKindKey;
  /** The entity of units and cost centres; null for the shared kinds. */
  entityId: string | null;
  /** Absent to create. */
  id?: string;
  /** The version the user edited (updatedAt as ISO text), to refuse overwriting someone else's change. */
  expectedUpdatedAt?: string;
  texts: Readonly<Record<string, string>>;
  actorId: string;
  requestId?: string;
}

/** The entity a kind of reference data is kept for: required for entity kinds, absent for shared ones. */
export function referenceOwner(kind: ReferenceKindKey, entityId: string | null | undefined): string | null {
  const scope = REFERENCE_KINDS[kind].scope;
  if (scope === "entity" && !entityId) throw new AppError("invalid_input", "Kies de entiteit waarvoor je deze gegevens beheert.");
  if (scope === "global" && entityId) throw new AppError("invalid_input", "Deze referentiegegevens horen bij geen enkele entiteit.");
  return entityId ?? null;
}

/**
 * Creates or edits one record with the same checks as an import. The code of an existing record
 * does not change: imports and other records find it by that code. Serialised with imports of
 * the same kind, so a form and an upload cannot interleave.
 */
export async function saveReferenceRecord(db: Db, input: SaveReferenceInput): Promise<SaveReferenceResult> {
  const kind = REFERENCE_KINDS[input.kind];
  const entityId = referenceOwner(input.kind, input.entityId);
  return db.transaction(async (tx) => {
    await lockKind(tx, input.kind, entityId);
    const stored = await loadReference(tx, input.kind, entityId);
    const existing = input.id ? stored.find((s) => s.id === input.id) : undefined;
    if (input.id && !existing) throw new AppError("not_found", "Dit gegeven bestaat niet (meer).");
    if (existing && input.expectedUpdatedAt && existing.updatedAt.toISOString() !== input.expectedUpdatedAt) {
      throw new AppError("conflict", `Iemand anders heeft ${existing.code} intussen gewijzigd. Open het opnieuw om de laatste versie te zien.`);
    }
    const texts = existing ? { ...input.texts, code: existing.code } : input.texts;
    const { records, problems } = checkReferenceRecords(kind, [{ rowNumber: 0, texts }], await loadReferenceContext(tx, input.kind, entityId));
    const fieldErrors: Record<string, string> = {};
    for (const p of problems) if (p.severity === "error") fieldErrors[p.field] ??= p.message;
    const record = records[0];
    if (!existing && record && stored.some((s) => codeKey(s.code) === codeKey(record.code))) {
      fieldErrors.code = `Code ${record.code} bestaat al. Kies een andere code of wijzig het bestaande gegeven.`;
    }
    if (!record || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

    await writeReference(tx, input.kind, entityId, existing ? { added: [], changed: [{ id: existing.id, record }] } : { added: [record], changed: [] });
    const [saved] = (await loadReference(tx, input.kind, entityId)).filter((s) => codeKey(s.code) === codeKey(record.code));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: existing ? "reference.update" : "reference.create",
      objectType: input.kind,
      objectId: saved!.id,
      entityId,
      before: existing ? { code: existing.code, active: existing.active, ...existing.values } : null,
      after: { code: record.code, active: record.active, ...record.values },
      requestId: input.requestId,
    });
    return { ok: true, id: saved!.id };
  });
}

/** Deactivates (or reactivates) one record. Deactivated data stays on what uses it, but cannot be chosen anew. */
export async function setReferenceRecordActive(
  db: Db,
  input: { kind: ReferenceKindKey; entityId: string | null; id: string; active: boolean; actorId: string; requestId?: string },
): Promise<void> {
  const entityId = referenceOwner(input.kind, input.entityId);
  await db.transaction(async (tx) => {
    await lockKind(tx, input.kind, entityId);
    const changed = await setReferenceActive(tx, input.kind, entityId, [input.id], input.active);
    if (changed.length === 0) throw new AppError("not_found", "Dit gegeven bestaat niet (meer).");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.active ? "reference.activate" : "reference.deactivate",
      objectType: input.kind,
      objectId: input.id,
      entityId,
      after: { code: changed[0]!.code, active: input.active },
      requestId: input.requestId,
    });
  });
}

function lockKind(tx: Tx, kind: ReferenceKindKey, entityId: string | null) {
  return lockImportTarget(tx, referenceImportTarget(kind, entityId));
}
