import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { importRuns } from "./imports";
import { employmentRelations } from "./personnel";
import { positions } from "./positions";
import { costCentres, dutyLocations, entityIdColumn, functionProfiles, grades, orgUnits } from "./reference";
import { users } from "./users";

export const positionRequestDecision = pgEnum("position_request_decision", ["requested", "not_needed"]);

/**
 * One accepted row of the position template (step 3): a position requested for a green line or
 * a free row, or a green line that needs none. The rows of the latest accepted upload are the
 * entity's current request; step 4 creates a position for each requested row and notes it here.
 */
export const positionRequests = pgTable(
  "position_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    /** The accepted upload the row comes from. */
    importRunId: uuid()
      .notNull()
      .references(() => importRuns.id),
    /** The row in that file, as Excel numbers it. */
    rowNumber: integer().notNull(),
    /** The green line's relation; null for a free row. */
    relationId: uuid(),
    decision: positionRequestDecision().notNull(),
    notNeededReason: text(),
    functionProfileId: uuid().references(() => functionProfiles.id),
    gradeId: uuid().references(() => grades.id),
    orgUnitId: uuid(),
    costCentreId: uuid(),
    dutyLocationId: uuid().references(() => dutyLocations.id),
    fte: numeric({ precision: 4, scale: 3 }),
    /** null: the day step 4 runs. */
    validFrom: date({ mode: "string" }),
    note: text(),
    /** The position step 4 created for the row. */
    positionId: uuid(),
    /** Step 5: the employment relation that goes into that position (null: it stays vacant). */
    assignedRelationId: uuid(),
    /** Optimistic-lock counter for the step-5 assignment. */
    assignmentRevision: integer().notNull().default(1),
    /** Optimistic-lock counter for online corrections. */
    revision: integer().notNull().default(1),
    updatedBy: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "position_requests_relation_fk", columns: [t.entityId, t.relationId], foreignColumns: [employmentRelations.entityId, employmentRelations.id] }),
    foreignKey({ name: "position_requests_org_unit_fk", columns: [t.entityId, t.orgUnitId], foreignColumns: [orgUnits.entityId, orgUnits.id] }),
    foreignKey({ name: "position_requests_cost_centre_fk", columns: [t.entityId, t.costCentreId], foreignColumns: [costCentres.entityId, costCentres.id] }),
    foreignKey({ name: "position_requests_position_fk", columns: [t.entityId, t.positionId], foreignColumns: [positions.entityId, positions.id] }),
    foreignKey({
      name: "position_requests_assigned_relation_fk",
      columns: [t.entityId, t.assignedRelationId],
      foreignColumns: [employmentRelations.entityId, employmentRelations.id],
    }),
    index().on(t.entityId, t.rowNumber),
    // A green line is requested at most once, and a position comes from at most one row.
    uniqueIndex("position_requests_one_per_relation").on(t.entityId, t.relationId),
    uniqueIndex("position_requests_one_per_position").on(t.positionId),
    // Step 5: a relation goes into at most one position, and only into a position step 4 created.
    uniqueIndex("position_requests_one_position_per_assigned_relation").on(t.entityId, t.assignedRelationId),
    check("position_requests_assigned_needs_position", sql`${t.assignedRelationId} is null or ${t.positionId} is not null`),
    check(
      "position_requests_requested_complete",
      sql`${t.decision} <> 'requested' or (${t.functionProfileId} is not null and ${t.fte} is not null and ${t.gradeId} is not null and ${t.orgUnitId} is not null)`,
    ),
    check("position_requests_not_needed_reason", sql`${t.decision} <> 'not_needed' or length(trim(coalesce(${t.notNeededReason}, ''))) > 0`),
    check("position_requests_fte_range", sql`${t.fte} is null or (${t.fte} > 0 and ${t.fte} <= 1)`),
  ],
);
