import { STEP1_REASONS, type Step1Reason } from "@/lib/domain/step1/step1-rules";

/**
 * Why a relation in service on the date has no position then (the list "Arbeidsrelaties zonder
 * arbeidsplaats"): step 1's reasons, and three of the list's own.
 */
export const UNLINKED_REASONS = [...STEP1_REASONS, "linked_later", "after_run", "step1_not_run"] as const;
export type UnlinkedReason = (typeof UNLINKED_REASONS)[number];

export interface UnlinkedFacts {
  /** A link of the relation starts after the date. */
  linkedLater: boolean;
  /** The reason step 1 gives on the date, or null when step 1 would make the relation a position. */
  step1Reason: Step1Reason | null;
  /** Step 1 has run (for real, to the end) for the relation's entity. */
  step1HasRun: boolean;
}

/**
 * The reason shown for a relation without a position on the date, the first that holds:
 * 1. linked later     it does get a position, from a later date
 * 2. step 1's reason  step 1 leaves it out (non-employee, leave, no function code, ...)
 * 3. after the run    step 1 would make it one, and has run: the relation was added or unlinked since
 * 4. step 1 not run   step 1 would make it one, but has not run for the entity yet
 * Without (4) every relation of an entity still waiting for step 1 read "added or unlinked after the
 * run of step 1", of a run that never happened.
 */
export function unlinkedReason(facts: UnlinkedFacts): UnlinkedReason {
  if (facts.linkedLater) return "linked_later";
  if (facts.step1Reason) return facts.step1Reason;
  return facts.step1HasRun ? "after_run" : "step1_not_run";
}

/** Where the label of a reason lives: step 1's namespace for the reasons it shares, this list's for its own. */
export function unlinkedReasonMessage(reason: UnlinkedReason): { namespace: "step1" | "planLists"; key: string } {
  return reason === "step1_not_run" ? { namespace: "planLists", key: "reason_step1_not_run" } : { namespace: "step1", key: `reason_${reason}` };
}
