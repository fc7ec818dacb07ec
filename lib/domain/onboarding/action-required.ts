import { whoActs, type CurrentStep, type StepState } from "./workflow";

export interface OnboardingOfEntity {
  id: string;
  name: string;
  currentStep: number;
  currentState: StepState;
}

export interface RequiredAction {
  entityId: string;
  entityName: string;
  step: CurrentStep;
  state: StepState;
}

/**
 * What waits for whom ("actie vereist"): for the entity's HR, the onboardings whose current step
 * waits for the entity; for the central agency, those waiting for it (an automated step to start,
 * or to start again after a failure). Lowest step first, then by name.
 */
export function requiredActions(onboardings: readonly OnboardingOfEntity[], actor: "entity" | "central"): RequiredAction[] {
  return onboardings
    .filter((o) => whoActs({ step: o.currentStep as CurrentStep, state: o.currentState }) === actor)
    .map((o) => ({ entityId: o.id, entityName: o.name, step: o.currentStep as CurrentStep, state: o.currentState }))
    .sort((a, b) => a.step - b.step || a.entityName.localeCompare(b.entityName, "nl-BE"));
}
