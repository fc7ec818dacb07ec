import type { DbOrTx } from "@/db/client";
import { listImportRuns } from "@/lib/domain/imports/import-queries";
import { PERSONNEL_IMPORT_KIND } from "./preview-personnel-import";

/** The personnel-list uploads of an entity, newest first, with who did them. */
export function listPersonnelImports(db: DbOrTx, entityId: string, limit = 20) {
  return listImportRuns(db, PERSONNEL_IMPORT_KIND, entityId, limit);
}

export type { ImportRunView as PersonnelImportView } from "@/lib/domain/imports/import-queries";
