import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { importRuns, positionRequests, type StoredProblem } from "@/db/schema";
import { commitImportRun, recordImportPreview, staleImportError, type ImportAnalysis, type ImportTarget, type PreviewOutcome, type UploadedFile } from "@/lib/domain/imports/import-run-store";
import { CONTROL_REPORT_COLUMNS, CONTROL_REPORT_SHEET } from "@/lib/domain/step4/control-report-format";
import { AppError } from "@/lib/errors/app-error";
import { headerProblems } from "@/lib/excel/read/header-problems";
import { inspectUpload, UploadRejectedError } from "@/lib/excel/read/inspect-upload";
import { matchHeaders } from "@/lib/excel/read/match-headers";
import { readTable } from "@/lib/excel/read/read-table";
import { cellText } from "@/lib/excel/read/normalize-cell";
import { lockWorkflow, readWorkflow } from "@/lib/domain/onboarding/workflow-store";
import { checkControlRows, parseControlRow, type ControlColumnIndexes, type ResolvedAssignment } from "./control-rules";
import { loadControlContext } from "./control-queries";

export const CONTROL_IMPORT_KIND = "control-report";

export function controlImportTarget(entityId: string): ImportTarget {
  return {
    kind: CONTROL_IMPORT_KIND,
    entityId,
    uploadPurpose: "control-report-upload",
    problemsPurpose: "control-report-problems",
    auditAction: "onboarding.step5.upload",
    sheetName: CONTROL_REPORT_SHEET,
  };
}

export interface ControlFileAnalysis {
  kind: "xlsx" | "csv";
  rejection: string | null;
  rows: number;
  problems: StoredProblem[];
  assignments: ResolvedAssignment[];
  missingPositions: number;
}

/** Reads and checks a filled control report against the entity's step-4 positions and staff as they are now. Writes nothing. */
export async function analyseControlFile(db: DbOrTx, entityId: string, fileName: string, content: Buffer): Promise<ControlFileAnalysis> {
  const { kind } = await inspectUpload(content, fileName);
  const table = await readTable(content, kind, { sheetName: CONTROL_REPORT_SHEET });
  const match = matchHeaders(table.headers, CONTROL_REPORT_COLUMNS);
  const header = headerProblems(match, CONTROL_REPORT_COLUMNS, table.headerRowNumber, "Gebruik het controlerapport dat stap 4 maakte (pagina van stap 4).");
  if (header.rejection) return { kind, rejection: header.rejection, rows: table.rows.length, problems: [], assignments: [], missingPositions: 0 };
  const columns = match.columns as ControlColumnIndexes;
  const used = [columns.positionNumber, columns.vlimpers, columns.relationNumber];
  const dataRows = table.rows.filter((row) => used.some((index) => index !== undefined && cellText(row.cells[index])));
  const parsed = dataRows.map((row) => {
    const { values, problems } = parseControlRow(row, columns);
    return { values, readProblems: problems };
  });
  const check = checkControlRows(parsed, await loadControlContext(db, entityId), columns, table.headerRowNumber);
  const problems = [...header.problems, ...check.problems].sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? 0) - (b.column ?? 0));
  return { kind, rejection: null, rows: dataRows.length, problems, assignments: check.resolved, missingPositions: check.missingPositions };
}

/** Step 5 is the entity's while the onboarding stands at step 5; refused before (step 4 first) and after (submitted). */
export function assertStep5Open(step: number): void {
  if (step < 5) throw new AppError("conflict", "Stap 5 is nog niet aan de beurt: stap 4 moet eerst uitgevoerd zijn.");
  if (step > 5) throw new AppError("conflict", "Het controlerapport is al ingediend. Vraag het centrale team om stap 5 te heropenen om nog iets te wijzigen.");
}

/** An uploaded control report, checked as a whole: the preview (file, problems, marked copy). Writes no assignment. */
export async function previewControlUpload(db: Db, input: { entityId: string; file: UploadedFile; actorId: string; requestId?: string }): Promise<PreviewOutcome> {
  const { entityId, file } = input;
  assertStep5Open((await readWorkflow(db, entityId)).step);
  let analysis: ImportAnalysis;
  try {
    const found = await analyseControlFile(db, entityId, file.fileName, file.content);
    const errors = found.problems.filter((p) => p.severity === "error").length;
    const assigned = found.assignments.filter((a) => a.relationId).length;
    analysis = {
      fileKind: found.kind,
      rejection: found.rejection,
      problems: found.problems,
      summary: found.rejection
        ? null
        : { rows: found.rows, added: assigned, changed: 0, unchanged: found.assignments.length - assigned, gone: found.missingPositions, errors, warnings: found.problems.length - errors },
      changes: [],
    };
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    analysis = { fileKind: null, rejection: error.message, problems: [], summary: null, changes: [] };
  }
  return recordImportPreview(db, controlImportTarget(entityId), { file, analysis, actorId: input.actorId, requestId: input.requestId });
}

/**
 * Accepts a clean preview: its assignments replace the current ones (positions missing from the file
 * become vacant), in one transaction, after checking the file again against the data as they are now.
 */
export async function acceptControlUpload(db: Db, input: { entityId: string; importRunId: string; actorId: string; requestId?: string }) {
  const { entityId } = input;
  return commitImportRun(db, controlImportTarget(entityId), input, async (tx, content) => {
    assertStep5Open((await lockWorkflow(tx, entityId)).step);
    const analysis = await analyseControlFile(tx, entityId, "upload", content);
    if (analysis.rejection || analysis.problems.some((p) => p.severity === "error")) throw staleImportError();
    await tx
      .update(positionRequests)
      .set({ assignedRelationId: null, assignmentRevision: sql`${positionRequests.assignmentRevision} + 1` })
      .where(and(eq(positionRequests.entityId, entityId), isNotNull(positionRequests.assignedRelationId)));
    const assigned = analysis.assignments.filter((a) => a.relationId);
    if (assigned.length > 0) {
      await tx.execute(sql`
        update position_requests q set assigned_relation_id = a.relation_id::uuid, assignment_revision = q.assignment_revision + 1, updated_by = ${input.actorId}::uuid, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(assigned.map((a) => ({ request_id: a.requestId, relation_id: a.relationId })))}::jsonb) as a(request_id uuid, relation_id text)
        where q.id = a.request_id and q.entity_id = ${entityId}`);
    }
    await tx
      .update(importRuns)
      .set({ state: "superseded" })
      .where(and(eq(importRuns.entityId, entityId), eq(importRuns.kind, CONTROL_IMPORT_KIND), eq(importRuns.state, "committed")));
    return { state: "committed" as const, assigned: assigned.length, vacant: analysis.assignments.length - assigned.length };
  });
}
