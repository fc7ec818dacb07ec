import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { stepState } from "./enums";
import { storedFiles } from "./files";
import { jobRuns } from "./jobs";
import { onboardingSlots } from "./planning";
import { entityIdColumn } from "./reference";
import { users } from "./users";

/** Aansluiting: one per entity, with where it stands in the six steps. */
export const onboardings = pgTable(
  "onboardings",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn().unique(),
    /** 1..6, or 7 once the onboarding is complete. */
    currentStep: integer().notNull().default(1),
    currentState: stepState().notNull().default("not_started"),
    /** The onboarding slot the entity booked, once it chose one. */
    slotId: uuid().references(() => onboardingSlots.id),
    slotChosenAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.slotId), check("onboardings_step_range", sql`${t.currentStep} between 1 and 7`)],
);

/** One row per run (or dry run, or reopening) of a step: who, when, counts, files. */
export const onboardingStepRuns = pgTable(
  "onboarding_step_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: entityIdColumn(),
    step: integer().notNull(),
    state: stepState().notNull(),
    dryRun: boolean().notNull().default(false),
    counts: jsonb().$type<Record<string, number>>().notNull().default({}),
    note: text(),
    jobRunId: uuid().references(() => jobRuns.id),
    inputFileId: uuid().references(() => storedFiles.id),
    outputFileId: uuid().references(() => storedFiles.id),
    actorId: uuid().references(() => users.id),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.entityId, t.step),
    uniqueIndex("onboarding_step_runs_one_running")
      .on(t.entityId, t.step)
      .where(sql`${t.state} = 'running' and not ${t.dryRun}`),
    check("onboarding_step_runs_step_range", sql`${t.step} between 1 and 6`),
  ],
);
