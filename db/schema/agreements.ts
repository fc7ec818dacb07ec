import { index, date, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { entityIdColumn } from "./reference";
import { users } from "./users";

/**
 * Afspraak: a dated note of an intake conversation with an entity's HR, written by a central
 * expert. Only its author edits it; every version is kept in entity_agreement_versions.
 */
export const entityAgreements = pgTable(
  "entity_agreements",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    meetingDate: date({ mode: "string" }).notNull(),
    title: text().notNull(),
    body: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.entityId, t.meetingDate), unique("entity_agreements_entity_id_id").on(t.entityId, t.id)],
);

/** Every version of an agreement as it was saved, the first one included. */
export const entityAgreementVersions = pgTable(
  "entity_agreement_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => entityAgreements.id),
    version: integer().notNull(),
    meetingDate: date({ mode: "string" }).notNull(),
    title: text().notNull(),
    body: text().notNull(),
    savedBy: uuid()
      .notNull()
      .references(() => users.id),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("entity_agreement_versions_unique").on(t.agreementId, t.version)],
);
