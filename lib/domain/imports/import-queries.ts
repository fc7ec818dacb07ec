import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { importRuns, users } from "@/db/schema";

/** The uploads of one kind (for one entity, or of no entity), newest first, with who did them. */
export async function listImportRuns(db: DbOrTx, kind: string, entityId: string | null, limit = 20) {
  return db
    .select({
      id: importRuns.id,
      state: importRuns.state,
      summary: importRuns.summary,
      rejection: importRuns.rejection,
      problems: importRuns.problems,
      changes: importRuns.changes,
      fileId: importRuns.fileId,
      markedFileId: importRuns.markedFileId,
      createdAt: importRuns.createdAt,
      committedAt: importRuns.committedAt,
      createdByName: users.name,
    })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.createdBy))
    .where(and(eq(importRuns.kind, kind), entityId ? eq(importRuns.entityId, entityId) : isNull(importRuns.entityId)))
    .orderBy(desc(importRuns.createdAt))
    .limit(limit);
}

export type ImportRunView = Awaited<ReturnType<typeof listImportRuns>>[number];
