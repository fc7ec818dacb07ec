import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
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
import { costCentres, dutyLocations, entityIdColumn, entityIdThroughParentColumn, functionProfiles, grades, orgUnits } from "./reference";

/*
 * The three tables below take tens of thousands of rows in one statement (steps 1, 4 and 6), and
 * every foreign key is a lookup per row. So: child rows reach their entity through composite keys
 * (entity_id, parent) that also keep parent and child in one entity, and created_by is an audit
 * stamp without a key (users are deactivated, never deleted). See docs/decisions/004.
 */

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
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Also the target of the (entity, position) keys of versions and links.
  (t) => [uniqueIndex().on(t.entityId, t.id)],
);

/** One dated version of a position's data; a change closes the open version and adds a new one. */
export const positionVersions = pgTable(
  "position_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdThroughParentColumn(),
    positionId: uuid().notNull(),
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
    orgUnitId: uuid(),
    costCentreId: uuid(),
    dutyLocationId: uuid().references(() => dutyLocations.id),
    reportsToPositionId: uuid(),
    fte: numeric({ precision: 4, scale: 3 }).notNull(),
    outsidePersonnelPlan: boolean().notNull().default(false),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "position_versions_position_fk", columns: [t.entityId, t.positionId], foreignColumns: [positions.entityId, positions.id] }),
    foreignKey({ name: "position_versions_org_unit_fk", columns: [t.entityId, t.orgUnitId], foreignColumns: [orgUnits.entityId, orgUnits.id] }),
    foreignKey({ name: "position_versions_cost_centre_fk", columns: [t.entityId, t.costCentreId], foreignColumns: [costCentres.entityId, costCentres.id] }),
    foreignKey({ name: "position_versions_reports_to_fk", columns: [t.entityId, t.reportsToPositionId], foreignColumns: [positions.entityId, positions.id] }),
    uniqueIndex().on(t.positionId, t.versionNumber),
    uniqueIndex("position_versions_one_open").on(t.positionId).where(sql`${t.validTo} is null`),
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
    entityId: entityIdThroughParentColumn(),
    positionId: uuid().notNull(),
    relationId: uuid().notNull(),
    fte: numeric({ precision: 4, scale: 3 }).notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "position_links_position_fk", columns: [t.entityId, t.positionId], foreignColumns: [positions.entityId, positions.id] }),
    foreignKey({ name: "position_links_relation_fk", columns: [t.entityId, t.relationId], foreignColumns: [employmentRelations.entityId, employmentRelations.id] }),
    // An employment relation is linked to at most one position at a time.
    uniqueIndex("position_links_one_current_per_relation").on(t.relationId).where(sql`${t.validTo} is null`),
    index().on(t.entityId, t.positionId),
    // Step 1 and the reports ask "does this relation have a current link" for every relation.
    index().on(t.relationId, t.validTo),
    check("position_links_fte_range", sql`${t.fte} > 0 and ${t.fte} <= 1`),
    check("position_links_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
