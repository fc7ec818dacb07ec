import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { storedFiles } from "./files";
import { entities } from "./reference";
import { users } from "./users";

export const importState = pgEnum("import_state", ["previewed", "rejected", "committed", "unchanged", "superseded"]);

export interface ImportSummary {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  gone: number;
  errors: number;
  warnings: number;
}

export interface StoredProblem {
  rowNumber: number;
  column?: number;
  columnLabel?: string;
  severity: "error" | "warning";
  message: string;
}

/**
 * Every upload of a personnel list or reference data: the original file, who, when, the preview
 * and the result. A preview is committed (or found unchanged) at most once; a newer upload
 * supersedes an older preview.
 */
export const importRuns = pgTable(
  "import_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** null for reference data of no entity (grades, function profiles, duty locations). */
    entityId: uuid().references(() => entities.id),
    kind: text().notNull(),
    state: importState().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    markedFileId: uuid().references(() => storedFiles.id),
    summary: jsonb().$type<ImportSummary>(),
    /** Why the whole file was refused (missing columns, unreadable file), when it was. */
    rejection: text(),
    problems: jsonb().$type<StoredProblem[]>().notNull().default([]),
    /** Per changed relation, the changed fields (shown in the preview). */
    changes: jsonb().$type<{ key: string; name: string; fields: string[] }[]>().notNull().default([]),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    committedBy: uuid().references(() => users.id),
    committedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.entityId, t.kind, t.createdAt)],
);
