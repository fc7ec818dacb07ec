import type { Db } from "@/db/client";
import { commitImportRun, staleImportError } from "@/lib/domain/imports/import-run-store";
import { analysePersonnelFile } from "./analyse-personnel-file";
import { personnelImportTarget } from "./preview-personnel-import";
import { writePersonnelChanges } from "./write-personnel-changes";

export interface CommitOutcome {
  state: "committed" | "unchanged";
  added: number;
  changed: number;
  gone: number;
  /** Links whose end moved with their relation's new end date. */
  linksMoved: number;
}

/**
 * Step two of an import: write a clean preview, in one transaction, after checking the file
 * again against the data as it is now. Writes nothing when nothing changed.
 */
export async function commitPersonnelImport(
  db: Db,
  input: { entityId: string; importRunId: string; actorId: string; requestId?: string },
): Promise<CommitOutcome> {
  const { entityId } = input;
  return commitImportRun(db, personnelImportTarget(entityId), input, async (tx, content) => {
    const analysis = await analysePersonnelFile(tx, entityId, "upload", content);
    if (analysis.rejection || analysis.problems.some((p) => p.severity === "error") || !analysis.diff) throw staleImportError();
    const diff = analysis.diff;
    const outcome: CommitOutcome = {
      state: diff.added.length + diff.changed.length + diff.gone.length === 0 ? "unchanged" : "committed",
      added: diff.added.length,
      changed: diff.changed.length,
      gone: diff.gone.length,
      linksMoved: 0,
    };
    if (outcome.state === "committed") outcome.linksMoved = (await writePersonnelChanges(tx, entityId, diff)).linksMoved;
    return outcome;
  });
}
