import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, users } from "@/db/schema";

/** The latest audit events of an entity, newest first, with who did them. */
export async function listEntityActivity(db: DbOrTx, entityId: string, limit = 30) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      after: auditEvents.after,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
