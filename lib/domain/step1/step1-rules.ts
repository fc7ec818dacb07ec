/**
 * Step 1 ("automatische aanmaak en koppeling"): which employment relations get a position made
 * from their own data and are linked to it, and why the others are left for step 3.
 *
 * When several reasons apply, the first in this order wins, so every relation has exactly one:
 * 1. already linked        the relation has a current link (made earlier, by hand or by step 1)
 * 2. not in personnel list  a later personnel list no longer holds it
 * 3. non-employee           not part of the personnel plan by nature ("leave + non-employee" = this)
 * 4. inactive               e.g. the fallback relation of a mandate holder ("inactive + no code" = this)
 * 5. leave                  e.g. long-term absence
 * 6. ended                  its end date lies before the run date
 * 7. not yet in service     its start date lies after the run date (starting on the run date is in)
 * 8. no function code       otherwise eligible, but Profielbeheer does not allow a position
 *                           without a function code: the entity requests one in step 3
 * 9. requested in step 3    otherwise eligible (e.g. on a later run, once in service), but the
 *                           entity's template already requests its position, which step 4 makes
 * What a relation is comes before what it lacks: a reason the entity can act on (8) is only given
 * when nothing else keeps the relation out, and (9) only keeps step 1 from making a second position.
 */
export const STEP1_REASONS = [
  "already_linked",
  "not_in_personnel_list",
  "non_employee",
  "inactive",
  "leave",
  "ended",
  "not_yet_in_service",
  "no_function_code",
  "requested_in_step3",
] as const;
export type Step1Reason = (typeof STEP1_REASONS)[number];

export interface Step1Relation {
  kind: "employee" | "non_employee";
  status: "active" | "leave" | "inactive";
  /** ISO dates. */
  startDate: string;
  endDate: string | null;
  hasFunctionCode: boolean;
  inPersonnelList: boolean;
  hasCurrentLink: boolean;
  /** The entity's template (step 3) requests a position for it that is still to be made or unoccupied. */
  hasRequestedPosition: boolean;
}

export type Step1Outcome = { create: true } | { create: false; reason: Step1Reason };

/** The outcome of step 1 for one relation on the run date (ISO). */
export function step1Outcome(relation: Step1Relation, runDate: string): Step1Outcome {
  const reason = firstReason(relation, runDate);
  return reason ? { create: false, reason } : { create: true };
}

function firstReason(r: Step1Relation, runDate: string): Step1Reason | null {
  if (r.hasCurrentLink) return "already_linked";
  if (!r.inPersonnelList) return "not_in_personnel_list";
  if (r.kind === "non_employee") return "non_employee";
  if (r.status === "inactive") return "inactive";
  if (r.status === "leave") return "leave";
  if (r.endDate !== null && r.endDate < runDate) return "ended";
  if (r.startDate > runDate) return "not_yet_in_service";
  if (!r.hasFunctionCode) return "no_function_code";
  if (r.hasRequestedPosition) return "requested_in_step3";
  return null;
}

/**
 * How many relations a run leaves for step 3: every reason but "already linked" (those have a
 * position, whichever way they got it). Before a first run that reason is rare; after it, it is
 * everyone step 1 handled, who must not be counted as left over.
 */
export function leftForStep3(counts: Partial<Record<Step1Reason, number>>): number {
  return STEP1_REASONS.filter((reason) => reason !== "already_linked").reduce((sum, reason) => sum + (counts[reason] ?? 0), 0);
}
