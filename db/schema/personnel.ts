import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { legalStatus, relationKind, relationStatus } from "./enums";
import { costCentres, entityIdColumn, functionProfiles, grades, orgUnits } from "./reference";

/** Personeelslid, as known to one entity through its personnel list. */
export const persons = pgTable(
  "persons",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    vlimpersNumber: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.entityId, t.vlimpersNumber),
    check("persons_vlimpers_format", sql`${t.vlimpersNumber} ~ '^[0-9]{6}$'`),
  ],
);

/** Arbeidsrelatie: one contract-like relation of a person with an entity. */
export const employmentRelations = pgTable(
  "employment_relations",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    relationNumber: integer().notNull(),
    kind: relationKind().notNull(),
    /** Why a non-employee is one (council member, intern, ...); free text from the HR system. */
    nonEmployeeCategory: text(),
    legalStatus: legalStatus().notNull(),
    status: relationStatus().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    gradeId: uuid().references(() => grades.id),
    functionProfileId: uuid().references(() => functionProfiles.id),
    fte: numeric({ precision: 4, scale: 3 }).notNull(),
    orgUnitId: uuid().references(() => orgUnits.id),
    costCentreId: uuid().references(() => costCentres.id),
    /** False once a later personnel list no longer holds it ("niet meer in personeelslijst"). */
    inPersonnelList: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.entityId, t.personId, t.relationNumber),
    index().on(t.entityId, t.status),
    // Target of the (entity, relation) keys that keep a link within the relation's own entity.
    uniqueIndex().on(t.entityId, t.id),
    index().on(t.personId),
    check("employment_relations_fte_range", sql`${t.fte} > 0 and ${t.fte} <= 1`),
    check("employment_relations_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("employment_relations_number_positive", sql`${t.relationNumber} > 0`),
  ],
);
