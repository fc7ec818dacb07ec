import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { entityType } from "./enums";

const audited = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** Beleidsdomein, e.g. KBBJ, FB, WEWIS. */
export const policyAreas = pgTable("policy_areas", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

/** Entiteit: a department or agency. The tenant of almost every other table. */
export const entities = pgTable(
  "entities",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    /** Collated "apb_nl_be" (migration 0013): every list of entities sorts the Dutch way. */
    name: text().notNull(),
    type: entityType().notNull(),
    policyAreaId: uuid()
      .notNull()
      .references(() => policyAreas.id),
    active: boolean().notNull().default(true),
    ...audited,
  },
  (t) => [index().on(t.policyAreaId)],
);

/** Organisatie-eenheid, per entity, optionally nested. */
export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    code: text().notNull(),
    name: text().notNull(),
    parentId: uuid(),
    active: boolean().notNull().default(true),
    ...audited,
  },
  (t) => [uniqueIndex().on(t.entityId, t.code), uniqueIndex().on(t.entityId, t.id), index().on(t.parentId)],
);

/** Kostenplaats, per entity. */
export const costCentres = pgTable(
  "cost_centres",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    code: text().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    ...audited,
  },
  (t) => [uniqueIndex().on(t.entityId, t.code), uniqueIndex().on(t.entityId, t.id)],
);

/** Standplaats: shared by all entities (a building or site). */
export const dutyLocations = pgTable("duty_locations", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  municipality: text(),
  active: boolean().notNull().default(true),
  ...audited,
});

/** Graad, with its rank (rang, e.g. A2) and level (niveau A-D). */
export const grades = pgTable(
  "grades",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    title: text().notNull(),
    rank: text().notNull(),
    level: text().notNull(),
    payScale: text(),
    active: boolean().notNull().default(true),
    ...audited,
  },
  (t) => [
    check("grades_level_valid", sql`${t.level} in ('A','B','C','D')`),
    check("grades_rank_in_level", sql`left(${t.rank}, 1) = ${t.level}`),
  ],
);

/** Functiefamilie in Profielbeheer. */
export const functionFamilies = pgTable("function_families", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

/** Functieprofiel (Profielbeheer): a function code with its title. */
export const functionProfiles = pgTable(
  "function_profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    title: text().notNull(),
    familyId: uuid()
      .notNull()
      .references(() => functionFamilies.id),
    level: text().notNull(),
    active: boolean().notNull().default(true),
    ...audited,
  },
  (t) => [
    index().on(t.familyId),
    check("function_profiles_title_present", sql`length(trim(${t.title})) > 0`),
    check("function_profiles_level_valid", sql`${t.level} in ('A','B','C','D')`),
  ],
);

/** The tenant column of every tenant table: the entity the row belongs to. */
export function entityIdColumn() {
  return uuid()
    .notNull()
    .references(() => entities.id);
}

/**
 * The tenant column of a table whose entity is already enforced by a composite foreign key
 * (entity_id, parent_id) to a parent row of the same entity: that key proves both that the
 * entity exists and that the row and its parent belong to the same entity, so a second check
 * against entities would only cost time on every insert.
 */
export function entityIdThroughParentColumn() {
  return uuid().notNull();
}
