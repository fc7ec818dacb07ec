import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export interface AuditEvent {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Writes one audit row. Call it with the transaction that makes the change, never after it. */
export async function recordAudit(tx: DbOrTx, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId ?? null,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId ?? null,
  });
}
