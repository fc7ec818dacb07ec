/**
 * Where the demo entities stand at first start, so that the home page, the progress board, the
 * steps' pages and the reports tell a story: a few entities onboarded (one of them keeping its
 * personnel plan since), others at every step in between, one failed run and one reopened step.
 * The seed gets them there by running the real steps (lib/demo/seed-stages.ts); the entities the
 * browser tests walk through (DFB, DOMG, VMM, AGO) and every other one stay at step 1.
 * Pure data: dates are days before the data set's reference date ("today").
 */

export type DemoStage =
  /** Step 1 ran: the entity reviews its report (a few corrections made online). */
  | "step2"
  /** Step 2 reviewed: the template is being filled; its last upload was refused with problems. */
  | "step3"
  /** The template was submitted: step 4 waits for the central team. */
  | "step4"
  /** Step 4 failed: a unit the template names was closed after the submission. */
  | "step4Failed"
  /** Step 4 made the positions: the entity fills the control report (some chosen online). */
  | "step5"
  /** The control report was submitted: step 6 waits for the central team. */
  | "step6"
  /** Onboarding complete. */
  | "onboarded"
  /** Onboarding complete, then kept up in the personnel plan (new, frozen, abolished, shared positions). */
  | "onboardedWithPlan"
  /** Onboarding complete, then step 5 reopened by the central team (wrong assignments). */
  | "reopened";

export interface StagePlan {
  code: string;
  stage: DemoStage;
  /** Days before today on which step 1, 4 and 6 ran (those the stage reaches). */
  daysAgo: { step1: number; step4?: number; step6?: number };
}

export const DEMO_STAGES: readonly StagePlan[] = [
  { code: "HFB", stage: "onboardedWithPlan", daysAgo: { step1: 95, step4: 70, step6: 56 } },
  { code: "VLABEL", stage: "onboarded", daysAgo: { step1: 60, step4: 42, step6: 30 } },
  { code: "DWSE", stage: "reopened", daysAgo: { step1: 45, step4: 30, step6: 21 } },
  { code: "SPORTVL", stage: "step6", daysAgo: { step1: 35, step4: 16 } },
  { code: "ABB", stage: "step5", daysAgo: { step1: 24, step4: 8 } },
  { code: "DEWI", stage: "step4Failed", daysAgo: { step1: 21, step4: 0 } },
  { code: "VLAIO", stage: "step4", daysAgo: { step1: 14 } },
  { code: "AJH", stage: "step3", daysAgo: { step1: 10 } },
  { code: "ADV", stage: "step2", daysAgo: { step1: 3 } },
];

const ORDER: readonly DemoStage[] = ["step2", "step3", "step4", "step4Failed", "step5", "step6", "onboarded", "onboardedWithPlan", "reopened"];

/** Whether an entity planned at `stage` goes through `milestone` (a stage further on passes every earlier one). */
export function reaches(stage: DemoStage, milestone: "reviewed" | "submitted" | "step4" | "step5Submitted" | "step6"): boolean {
  const at = ORDER.indexOf(stage);
  switch (milestone) {
    case "reviewed":
      return at >= ORDER.indexOf("step3");
    case "submitted":
      return at >= ORDER.indexOf("step4");
    case "step4":
      return at >= ORDER.indexOf("step5");
    case "step5Submitted":
      return at >= ORDER.indexOf("step6");
    case "step6":
      return at >= ORDER.indexOf("onboarded");
  }
}

/** The date `days` before `today` (ISO). */
export function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The first day of the month `months` after the month of `today` (ISO). */
export function firstOfMonthAfter(today: string, months: number): string {
  const date = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + months, 1));
  return date.toISOString().slice(0, 10);
}
