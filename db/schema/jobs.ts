import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { jobState } from "./enums";
import { entities } from "./reference";
import { users } from "./users";

/**
 * What the user sees of a background job. The queue itself (pg-boss, schema `pgboss`) delivers it;
 * this row carries the progress, result and error in the user's terms.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: text().notNull(),
    entityId: uuid().references(() => entities.id),
    state: jobState().notNull().default("queued"),
    progressDone: integer().notNull().default(0),
    progressTotal: integer(),
    payload: jsonb().notNull().default({}),
    result: jsonb(),
    error: text(),
    attempts: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.entityId, t.createdAt), index().on(t.state)],
);
