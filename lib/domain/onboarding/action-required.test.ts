import { describe, expect, it } from "vitest";
import { groupRequiredActions, requiredActions, type OnboardingOfEntity } from "./action-required";

const entity = (name: string, currentStep: number, currentState: OnboardingOfEntity["currentState"]): OnboardingOfEntity => ({ id: name, name, currentStep, currentState });

describe("requiredActions", () => {
  const all = [
    entity("Omgeving", 3, "waiting_entity"),
    entity("Financiën", 4, "waiting_central"),
    entity("Milieu", 1, "not_started"),
    entity("Wegen", 6, "running"),
    entity("Personeel", 7, "done"),
    entity("Onderwijs", 2, "waiting_entity"),
    entity("Cultuur", 4, "failed"),
  ];

  it("gives the entity's HR the steps that wait for the entity, lowest step first", () => {
    expect(requiredActions(all, "entity").map((a) => [a.entityName, a.step])).toEqual([
      ["Onderwijs", 2],
      ["Omgeving", 3],
    ]);
  });

  it("gives the central agency the automated steps to start, also again after a failure, but not a running one or a complete onboarding", () => {
    expect(requiredActions(all, "central").map((a) => [a.entityName, a.step, a.state])).toEqual([
      ["Milieu", 1, "not_started"],
      ["Cultuur", 4, "failed"],
      ["Financiën", 4, "waiting_central"],
    ]);
  });

  it("gives nothing when nothing waits", () => {
    expect(requiredActions([entity("Wegen", 6, "running"), entity("Personeel", 7, "done")], "entity")).toEqual([]);
  });
});

describe("groupRequiredActions", () => {
  it("makes one group per step, a failed step apart, keeping the order of the actions", () => {
    const central = requiredActions(
      [
        entity("Wegen", 1, "not_started"),
        entity("Milieu", 1, "not_started"),
        entity("Cultuur", 4, "failed"),
        entity("Financiën", 4, "waiting_central"),
        entity("Sport", 6, "waiting_central"),
        entity("Bos", 1, "failed"),
      ],
      "central",
    );
    const groups = groupRequiredActions(central);
    expect(groups.map((g) => [g.step, g.failed, g.actions.map((a) => a.entityName)])).toEqual([
      [1, true, ["Bos"]],
      [1, false, ["Milieu", "Wegen"]],
      [4, true, ["Cultuur"]],
      [4, false, ["Financiën"]],
      [6, false, ["Sport"]],
    ]);
  });

  it("has no group without actions", () => {
    expect(groupRequiredActions([])).toEqual([]);
  });
});
