import type { DbOrTx } from "@/db/client";
import { readWorkflow } from "@/lib/domain/onboarding/workflow-store";
import { latestStep1RunDate } from "@/lib/domain/step2/report-queries";
import { AppError } from "@/lib/errors/app-error";

export type TemplateStage = "not_yet" | "open" | "submitted" | "closed";

/**
 * Where the entity's template stands: not yet (the step-2 review is not done), open (step 3:
 * uploads and corrections), submitted (step 4 waits for the central agency, or its run failed and
 * kept nothing; a new accepted upload reopens step 3), closed (step 4 ran or runs).
 */
export async function templateStage(db: DbOrTx, entityId: string): Promise<TemplateStage> {
  const onboarding = await readWorkflow(db, entityId);
  if (onboarding.step < 3) return "not_yet";
  if (onboarding.step === 3) return "open";
  if (onboarding.step === 4 && onboarding.state !== "running" && onboarding.state !== "done") return "submitted";
  return "closed";
}

/** The step-1 run date the green lines are computed on; refuses when the template cannot change now. */
export async function requireTemplateChangeable(db: DbOrTx, entityId: string): Promise<{ runDate: string; stage: "open" | "submitted" }> {
  const stage = await templateStage(db, entityId);
  if (stage === "not_yet") throw new AppError("conflict", "Stap 3 is nog niet aan de beurt: het rapport van stap 2 moet eerst nagekeken zijn.");
  if (stage === "closed") {
    throw new AppError("conflict", "Stap 4 is al gestart of uitgevoerd: het sjabloon kan niet meer wijzigen. Vraag het centrale team om stap 3 te heropenen.");
  }
  const runDate = await latestStep1RunDate(db, entityId);
  if (!runDate) throw new AppError("conflict", "Stap 1 is nog niet uitgevoerd voor deze entiteit.");
  return { runDate, stage };
}
