import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { role } from "./enums";
import { entities } from "./reference";

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  /** The `sub` claim of the organisation's identity provider, filled at first OIDC sign-in. */
  oidcSubject: text().unique(),
  active: boolean().notNull().default(true),
  /** Demo accounts can sign in with one click, and only while demo mode is on. */
  isDemo: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role for one entity, or (entity null) for all entities. HR officers always have an entity;
 * a manager without entity reads government-wide figures.
 */
export const userGrants = pgTable(
  "user_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role().notNull(),
    entityId: uuid().references(() => entities.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("user_grants_unique").on(t.userId, t.role, t.entityId).nullsNotDistinct(),
    index().on(t.entityId),
    check("user_grants_hr_has_entity", sql`${t.role} <> 'entity_hr' or ${t.entityId} is not null`),
    check("user_grants_expert_is_global", sql`${t.role} <> 'central_expert' or ${t.entityId} is null`),
  ],
);
