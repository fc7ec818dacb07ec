import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importRuns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { readFileContent } from "@/lib/files/store-file";
import { analysePersonnelFile } from "./analyse-personnel-file";
import { PERSONNEL_IMPORT_KIND } from "./preview-personnel-import";
import { writePersonnelChanges } from "./write-personnel-changes";

export interface CommitOutcome {
  state: "committed" | "unchanged";
  added: number;
  changed: number;
  gone: number;
}

/**
 * Step two of an import: write a clean preview, in one transaction. Imports of one entity are
 * serialised by a transaction-scoped advisory lock, and the file is checked again inside the
 * lock, so what is written matches the data as it is now. Writes nothing when nothing changed.
 */
export async function commitPersonnelImport(
  db: Db,
  input: { entityId: string; importRunId: string; actorId: string; requestId?: string },
): Promise<CommitOutcome> {
  const { entityId, importRunId, actorId } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`personnel-import:${entityId}`}))`);
    const [run] = await tx
      .select()
      .from(importRuns)
      .where(and(eq(importRuns.id, importRunId), eq(importRuns.entityId, entityId), eq(importRuns.kind, PERSONNEL_IMPORT_KIND)))
      .for("update");
    if (!run) throw new AppError("not_found", "Deze import bestaat niet.");
    if (run.state !== "previewed") {
      throw new AppError("conflict", "Deze preview is al verwerkt of vervangen door een nieuwere upload. Bekijk de laatste upload.");
    }
    const content = await readFileContent(tx, run.fileId);
    const analysis = await analysePersonnelFile(tx, entityId, "upload", content!);
    if (analysis.rejection || analysis.problems.some((p) => p.severity === "error") || !analysis.diff) {
      throw new AppError("conflict", "De gegevens zijn gewijzigd sinds de preview en het bestand heeft nu fouten. Laad het opnieuw op.");
    }
    const diff = analysis.diff;
    const outcome: CommitOutcome = {
      state: diff.added.length + diff.changed.length + diff.gone.length === 0 ? "unchanged" : "committed",
      added: diff.added.length,
      changed: diff.changed.length,
      gone: diff.gone.length,
    };
    if (outcome.state === "committed") await writePersonnelChanges(tx, entityId, diff);
    await tx
      .update(importRuns)
      .set({ state: outcome.state, committedBy: actorId, committedAt: sql`now()` })
      .where(eq(importRuns.id, run.id));
    await recordAudit(tx, {
      actorId,
      action: "personnel.import.commit",
      objectType: "import_run",
      objectId: run.id,
      entityId,
      after: outcome,
      requestId: input.requestId,
    });
    return outcome;
  });
}
