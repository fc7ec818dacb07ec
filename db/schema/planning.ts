import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Aansluitingsslot: a month in which the central team onboards entities, with a capacity.
 * One slot per month; an entity books a slot through `onboardings.slot_id`.
 */
export const onboardingSlots = pgTable(
  "onboarding_slots",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** First day of the month (YYYY-MM-01). */
    month: date({ mode: "string" }).notNull().unique(),
    capacity: integer().notNull(),
    note: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("onboarding_slots_capacity_positive", sql`${t.capacity} > 0`),
    check("onboarding_slots_first_of_month", sql`extract(day from ${t.month}) = 1`),
  ],
);

/** The planning's settings: one row (id 1), with the date by which every entity must be onboarded. */
export const planningSettings = pgTable(
  "planning_settings",
  {
    id: integer().primaryKey().default(1),
    deadline: date({ mode: "string" }),
    updatedBy: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("planning_settings_single_row", sql`${t.id} = 1`)],
);
