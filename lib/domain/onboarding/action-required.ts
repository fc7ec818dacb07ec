import { whoActs, type CurrentStep, type StepState } from "./workflow";
import { compareDutch } from "@/lib/i18n/dutch-order";

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
    .sort((a, b) => a.step - b.step || compareDutch(a.entityName, b.entityName));
}

export interface RequiredActionGroup {
  step: CurrentStep;
  failed: boolean;
  actions: RequiredAction[];
}

/**
 * The same actions grouped per step (a failed step apart from one that waits), in the same
 * order: "27 entities wait for step 1" is one line, not 27 identical ones.
 */
export function groupRequiredActions(actions: readonly RequiredAction[]): RequiredActionGroup[] {
  const groups: RequiredActionGroup[] = [];
  for (const action of actions) {
    const failed = action.state === "failed";
    const group = groups.find((g) => g.step === action.step && g.failed === failed);
    if (group) group.actions.push(action);
    else groups.push({ step: action.step, failed, actions: [action] });
  }
  return groups;
}
