import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { positionLifecycle, positionOrigin } from "./enums";
import { employmentRelations } from "./personnel";
import { costCentres, dutyLocations, entityIdColumn, functionProfiles, grades, orgUnits } from "./reference";
import { users } from "./users";

/** Position numbers are unique government-wide and never reused. */
export const positionNumberSeq = pgSequence("position_number_seq", { startWith: 100001 });

/** Arbeidsplaats: the stable identity of a position; its data live in dated versions. */
export const positions = pgTable(
  "positions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    number: bigint({ mode: "number" })
      .notNull()
      .unique()
      .default(sql`nextval('position_number_seq')`),
    origin: positionOrigin().notNull(),
    /** Optimistic-lock counter: bumped on every change, so two editors cannot overwrite each other. */
    revision: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.entityId)],
);

/** One dated version of a position's data; a change closes the open version and adds a new one. */
export const positionVersions = pgTable(
  "position_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    positionId: uuid()
      .notNull()
      .references(() => positions.id),
    versionNumber: integer().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    lifecycle: positionLifecycle().notNull().default("active"),
    functionProfileId: uuid()
      .notNull()
      .references(() => functionProfiles.id),
    /** Snapshot of the profile's code and title at the time of the version. */
    functionCode: text().notNull(),
    functionTitle: text().notNull(),
    gradeId: uuid().references(() => grades.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    costCentreId: uuid().references(() => costCentres.id),
    dutyLocationId: uuid().references(() => dutyLocations.id),
    reportsToPositionId: uuid().references(() => positions.id),
    fte: numeric({ precision: 4, scale: 3 }).notNull(),
    outsidePersonnelPlan: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.positionId, t.versionNumber),
    uniqueIndex("position_versions_one_open").on(t.positionId).where(sql`${t.validTo} is null`),
    index().on(t.entityId, t.validFrom),
    check("position_versions_function_code_present", sql`length(trim(${t.functionCode})) > 0`),
    check("position_versions_function_title_present", sql`length(trim(${t.functionTitle})) > 0`),
    check("position_versions_fte_range", sql`${t.fte} > 0 and ${t.fte} <= 1`),
    check("position_versions_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Koppeling: a position occupied by an employment relation for an FTE share between two dates. */
export const positionLinks = pgTable(
  "position_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    positionId: uuid()
      .notNull()
      .references(() => positions.id),
    relationId: uuid()
      .notNull()
      .references(() => employmentRelations.id),
    fte: numeric({ precision: 4, scale: 3 }).notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An employment relation is linked to at most one position at a time.
    uniqueIndex("position_links_one_current_per_relation").on(t.relationId).where(sql`${t.validTo} is null`),
    index().on(t.entityId, t.positionId),
    // Step 1 and the reports ask "does this relation have a current link" for every relation.
    index().on(t.relationId, t.validTo),
    check("position_links_fte_range", sql`${t.fte} > 0 and ${t.fte} <= 1`),
    check("position_links_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
