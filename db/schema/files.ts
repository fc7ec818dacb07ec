import { sql } from "drizzle-orm";
import { bytea } from "./bytea";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { entities } from "./reference";
import { users } from "./users";

/**
 * Every file received or produced (uploads, templates, reports, exports), kept for the timeline.
 * Reference-data files belong to no entity, hence the nullable entity.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: uuid().references(() => entities.id),
    purpose: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.entityId, t.createdAt),
    check("stored_files_size_matches", sql`${t.sizeBytes} = octet_length(${t.content})`),
  ],
);
