import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { importRuns, users } from "@/db/schema";
import { PERSONNEL_IMPORT_KIND } from "./preview-personnel-import";

/** The personnel-list uploads of an entity, newest first, with who did them. */
export async function listPersonnelImports(db: DbOrTx, entityId: string, limit = 20) {
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
    .where(and(eq(importRuns.entityId, entityId), eq(importRuns.kind, PERSONNEL_IMPORT_KIND)))
    .orderBy(desc(importRuns.createdAt))
    .limit(limit);
}

export type PersonnelImportView = Awaited<ReturnType<typeof listPersonnelImports>>[number];
