import { pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Speeltuin: a user's playground. Its data lives in a database of its own (`database_name`: a
 * database on the PostgreSQL server, or a PGlite folder), never in this one; this row only
 * records that it exists, for whom, and what it started from.
 */
export const playgrounds = pgTable(
  "playgrounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    /** "entity:<uuid>" for a copy of an entity's data, or "demo" for the generated demo entity. */
    source: text().notNull(),
    /** What the playground started from, as shown to people ("DFB — Departement Financiën en Begroting"). */
    sourceLabel: text().notNull(),
    databaseName: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resetAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("playgrounds_owner_source").on(t.ownerId, t.source)],
);
