/**
 * The onboarding workflow as one state machine: where an entity stands (current step 1-6, or 7 when
 * complete, and the state of that step), and which command may move it, by whom. Pure functions:
 * the commands in the step modules ask `transition` and save its answer with an audit row in the
 * same transaction (applyTransition in workflow-store.ts).
 */

export const STEP_STATES = ["not_started", "running", "waiting_entity", "waiting_central", "done", "failed"] as const;
export type StepState = (typeof STEP_STATES)[number];

export type Step = 1 | 2 | 3 | 4 | 5 | 6;
/** 7: every step is done, the onboarding is complete. */
export type CurrentStep = Step | 7;

export interface WorkflowPosition {
  step: CurrentStep;
  state: StepState;
}

/** Steps 1, 4 and 6 run as jobs started by the central agency; steps 2, 3 and 5 are the entity's. */
export const AUTOMATED_STEPS = [1, 4, 6] as const;
export const ENTITY_STEPS = [2, 3, 5] as const;
export type AutomatedStep = (typeof AUTOMATED_STEPS)[number];
export type EntityStep = (typeof ENTITY_STEPS)[number];

export function isAutomatedStep(step: number): step is AutomatedStep {
  return (AUTOMATED_STEPS as readonly number[]).includes(step);
}

export type Actor = "central" | "entity" | "system";

export type WorkflowCommand =
  /** The central agency starts an automated step (its job). */
  | { type: "start"; step: AutomatedStep }
  /** The job of an automated step finished: the next step waits for its actor. */
  | { type: "finish"; step: AutomatedStep }
  /** The job of an automated step failed for good. */
  | { type: "fail"; step: AutomatedStep }
  /** The entity finished its step (review done, template submitted, control report submitted). */
  | { type: "complete"; step: EntityStep }
  /** The entity changed its submitted work again: its step is open once more. */
  | { type: "withdraw"; step: EntityStep }
  /** The central agency reopens a step (and with it every later one), with a reason. */
  | { type: "reopen"; step: Step; reason: string };

export type TransitionResult = { ok: true; next: WorkflowPosition } | { ok: false; reason: string };

/** The state a step waits in when it becomes current: an entity step waits for the entity, an automated one for the central agency. */
export function waitingStateOf(step: Step): StepState {
  return isAutomatedStep(step) ? "waiting_central" : "waiting_entity";
}

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

/**
 * The next position for a command, or why it is refused. Refusals are in Dutch, for the user.
 * An automated step may start when it is current and not running (first time, after a failure, or
 * when reopened); a finished automated step hands over to the next step (step 6 completes the
 * onboarding); an entity step is completed only by the entity or the central agency acting for it,
 * and only while it is current and waiting for the entity.
 */
export function transition(current: WorkflowPosition, command: WorkflowCommand, actor: Actor): TransitionResult {
  switch (command.type) {
    case "start": {
      if (actor !== "central") return refuse("Enkel het centrale team start een automatische stap.");
      if (current.step !== command.step) return refuse(notCurrent(command.step, current));
      if (current.state === "running") return refuse(`Stap ${command.step} loopt al.`);
      return { ok: true, next: { step: command.step, state: "running" } };
    }
    case "finish": {
      if (actor !== "system") return refuse("Enkel de achtergrondtaak sluit een automatische stap af.");
      if (current.step !== command.step || current.state !== "running") return refuse(`Stap ${command.step} loopt niet.`);
      if (command.step === 6) return { ok: true, next: { step: 7, state: "done" } };
      const next = (command.step + 1) as Step;
      return { ok: true, next: { step: next, state: waitingStateOf(next) } };
    }
    case "fail": {
      if (actor !== "system") return refuse("Enkel de achtergrondtaak meldt een mislukte stap.");
      if (current.step !== command.step || current.state !== "running") return refuse(`Stap ${command.step} loopt niet.`);
      return { ok: true, next: { step: command.step, state: "failed" } };
    }
    case "complete": {
      if (actor === "system") return refuse("Een stap van de entiteit wordt door een persoon afgerond.");
      if (current.step !== command.step) return refuse(notCurrent(command.step, current));
      if (current.state !== "waiting_entity") return refuse(`Stap ${command.step} wacht niet op de entiteit.`);
      const next = (command.step + 1) as Step;
      return { ok: true, next: { step: next, state: waitingStateOf(next) } };
    }
    case "withdraw": {
      if (actor === "system") return refuse("Enkel een persoon kan een ingediende stap weer openen.");
      const next = (command.step + 1) as Step;
      if (current.step === command.step && current.state === "waiting_entity") return { ok: true, next: current };
      // After a failed run of the next step nothing of it was kept: the entity may still change its input.
      if (current.step !== next || (current.state !== "waiting_central" && current.state !== "failed")) {
        return refuse(`Stap ${next} is al gestart of voorbij: stap ${command.step} kan niet meer wijzigen. Vraag het centrale team om hem te heropenen.`);
      }
      return { ok: true, next: { step: command.step, state: "waiting_entity" } };
    }
    case "reopen": {
      if (actor !== "central") return refuse("Enkel het centrale team kan een stap heropenen.");
      if (!command.reason.trim()) return refuse("Geef een reden om de stap te heropenen.");
      if (current.state === "running") return refuse(`Stap ${current.step} loopt nu. Wacht tot die klaar is.`);
      if (command.step > current.step) return refuse(`Stap ${command.step} is nog niet aan de beurt; enkel een stap die al bereikt werd, kan heropend worden.`);
      return { ok: true, next: { step: command.step, state: waitingStateOf(command.step) } };
    }
  }
}

function notCurrent(step: Step, current: WorkflowPosition): string {
  return current.step < step
    ? `Stap ${step} is nog niet aan de beurt: de aansluiting staat op stap ${current.step}.`
    : `Stap ${step} is al voorbij: de aansluiting staat op stap ${current.step === 7 ? "voltooid" : current.step}.`;
}

/** Who acts now: the entity, the central agency, a running job, or nobody (complete). */
export function whoActs(position: WorkflowPosition): "entity" | "central" | "job" | "nobody" {
  if (position.step === 7) return "nobody";
  if (position.state === "running") return "job";
  if (position.state === "waiting_entity") return "entity";
  if (isAutomatedStep(position.step)) return "central";
  return position.state === "not_started" ? "entity" : "central";
}
