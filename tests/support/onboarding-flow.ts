/**
 * The onboarding of one entity driven through the domain functions, as the steps' own code does
 * it: for tests that need an entity at a given step with real files (template, control report).
 * The files are handled as the demo seed handles them (lib/demo/onboarding-files.ts).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { completeStep2Review } from "@/lib/domain/step2/complete-review";
import { acceptTemplateUpload, previewTemplateUpload } from "@/lib/domain/step3/template-import";
import { submitTemplate } from "@/lib/domain/step3/template-requests";
import { asUpload, downloadTemplate, everyOpenLineNeedsAPosition, fillControlReport, fillTemplate as fillTemplateWith, latestControlReport, workbookOf } from "@/lib/demo/onboarding-files";

export { asUpload, downloadTemplate, fillControlReport, latestControlReport, workbookOf };

/** Step 1 run directly (not as a job), with the run recorded as the steps' pages and downloads read it. */
export async function runStep1Recorded(db: Db, { entityId, runDate }: { entityId: string; runDate: string }): Promise<void> {
  await db.execute(sql`insert into onboarding_step_runs (entity_id, step, state, note, finished_at) values (${entityId}, 1, 'done', ${runDate}, now())`);
  await runStep1(db, { entityId, runDate, actorId: null });
}

/** The template with every open green line answered "Ja", with the first function, grade and unit of its lists. */
export const fillTemplate = (template: Buffer): Promise<Buffer> => fillTemplateWith(template, everyOpenLineNeedsAPosition);

/** Step 2 completed and step 3 done: the template filled, accepted and submitted. */
export async function completeSteps2And3(db: Db, { entityId, actorId }: { entityId: string; actorId: string }): Promise<void> {
  await completeStep2Review(db, { entityId, actorId, counts: {} });
  const upload = await previewTemplateUpload(db, { entityId, actorId, file: asUpload(await fillTemplate(await downloadTemplate(db, entityId))) });
  if (upload.state !== "previewed") throw new Error(`template refused: ${upload.rejection}`);
  await acceptTemplateUpload(db, { entityId, actorId, importRunId: upload.importRunId });
  await submitTemplate(db, { entityId, actorId });
}
