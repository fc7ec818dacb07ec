import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { entities } from "./reference";
import { users } from "./users";

/**
 * Append-only audit trail, written in the same transaction as the change it describes.
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    entityId: uuid().references(() => entities.id),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [index().on(t.entityId, t.at), index().on(t.objectType, t.objectId)],
);
