import { describe, expect, it } from "vitest";
import {
  type Actor,
  type CurrentStep,
  isAutomatedStep,
  STEP_STATES,
  type Step,
  type StepState,
  transition,
  waitingStateOf,
  whoActs,
  type WorkflowCommand,
  type WorkflowPosition,
} from "./workflow";

// The expectations below come from the specification, written out by hand; they never ask
// transition() or waitingStateOf() what the answer should be.
const WAITS_IN: Record<Step, StepState> = {
  1: "waiting_central",
  2: "waiting_entity",
  3: "waiting_entity",
  4: "waiting_central",
  5: "waiting_entity",
  6: "waiting_central",
};
const pos = (step: CurrentStep, state: StepState): WorkflowPosition => ({ step, state });
const at = (p: WorkflowPosition) => `${p.step}/${p.state}`;
/** The position a step hands over to when it is done: the next step waiting for its actor, or complete after 6. */
const after = (s: Step): WorkflowPosition => (s === 6 ? pos(7, "done") : pos((s + 1) as Step, WAITS_IN[(s + 1) as Step]));

const POSITIONS: WorkflowPosition[] = ([1, 2, 3, 4, 5, 6, 7] as const).flatMap((step) => STEP_STATES.map((state) => pos(step, state)));
const ACTORS: Actor[] = ["central", "entity", "system"];
const REASONS = ["Fout in het template", "", "   \t "];
const COMMANDS: WorkflowCommand[] = [
  ...([1, 4, 6] as const).flatMap((step) => (["start", "finish", "fail"] as const).map((type) => ({ type, step }))),
  ...([2, 3, 5] as const).flatMap((step) => (["complete", "withdraw"] as const).map((type) => ({ type, step }))),
  ...([1, 2, 3, 4, 5, 6] as const).flatMap((step) => REASONS.map((reason) => ({ type: "reopen" as const, step, reason }))),
];

/** The specification as a table: per command, the next position, or null when refused. */
function expected(cur: WorkflowPosition, cmd: WorkflowCommand, actor: Actor): WorkflowPosition | null {
  const s = cmd.step;
  const isAt = (step: number, state: StepState) => cur.step === step && cur.state === state;
  switch (cmd.type) {
    case "start":
      return actor === "central" && cur.step === s && cur.state !== "running" ? pos(s, "running") : null;
    case "finish":
      return actor === "system" && isAt(s, "running") ? after(s) : null;
    case "fail":
      return actor === "system" && isAt(s, "running") ? pos(s, "failed") : null;
    case "complete":
      return actor !== "system" && isAt(s, "waiting_entity") ? after(s) : null;
    case "withdraw":
      if (actor === "system") return null;
      if (isAt(s, "waiting_entity")) return cur;
      if (isAt(s + 1, "waiting_central") || isAt(s + 1, "failed")) return pos(s, "waiting_entity");
      return null;
    case "reopen":
      if (actor !== "central" || cmd.reason.trim() === "" || cur.state === "running" || s > cur.step) return null;
      return pos(s, WAITS_IN[s]);
  }
}

const describeCommand = (cmd: WorkflowCommand) =>
  cmd.type === "reopen" ? `reopen step ${cmd.step} (reason ${JSON.stringify(cmd.reason)})` : `${cmd.type} step ${cmd.step}`;

const CASES = COMMANDS.flatMap((command) =>
  ACTORS.flatMap((actor) =>
    POSITIONS.map((current) => {
      const next = expected(current, command, actor);
      return {
        name: `${describeCommand(command)} by ${actor} at ${at(current)} → ${next ? at(next) : "refused"}`,
        command,
        actor,
        current,
        next,
      };
    }),
  ),
);

describe("transition: every command × actor × position", () => {
  it("covers the full cross product", () => {
    expect(CASES).toHaveLength(COMMANDS.length * ACTORS.length * POSITIONS.length);
    expect(COMMANDS).toHaveLength(33);
    expect(POSITIONS).toHaveLength(42);
    // Counted by hand: start 3 steps × 5 idle states, finish 3, fail 3, complete 3 × 2 actors,
    // withdraw 3 × 3 positions × 2 actors, reopen by central with a reason: Σ min(step, 6) × 5 idle states = 27 × 5.
    expect(CASES.filter((c) => c.next)).toHaveLength(15 + 3 + 3 + 6 + 18 + 135);
  });

  // Tuples with %s: a $name title would be cut at 40 characters, hiding the expected outcome.
  describe.each(COMMANDS.map((command) => [describeCommand(command), command] as const))("%s", (_label, command) => {
    it.each(CASES.filter((c) => c.command === command).map((c) => [c.name, c] as const))("%s", (_name, { current, actor, next }) => {
      const result = transition(current, command, actor);
      if (next) {
        expect(result).toEqual({ ok: true, next });
      } else {
        expect(result.ok).toBe(false);
        const reason = result.ok ? "" : result.reason;
        expect(typeof reason).toBe("string");
        expect(reason.trim()).not.toBe("");
      }
    });
  });

  it("leaves the current position untouched", () => {
    const current = pos(3, "waiting_entity");
    transition(current, { type: "complete", step: 3 }, "entity");
    expect(current).toEqual(pos(3, "waiting_entity"));
  });
});

describe("transition: refusals explain themselves in Dutch", () => {
  const refusals: { name: string; current: WorkflowPosition; command: WorkflowCommand; actor: Actor; keyword: string }[] = [
    { name: "start of a running step", current: pos(4, "running"), command: { type: "start", step: 4 }, actor: "central", keyword: "loopt al" },
    { name: "start of a later step", current: pos(2, "waiting_entity"), command: { type: "start", step: 4 }, actor: "central", keyword: "nog niet aan de beurt" },
    { name: "start of a passed step", current: pos(5, "waiting_entity"), command: { type: "start", step: 4 }, actor: "central", keyword: "voorbij" },
    { name: "start by the entity", current: pos(1, "not_started"), command: { type: "start", step: 1 }, actor: "entity", keyword: "centrale team" },
    { name: "finish of a step that is not running", current: pos(4, "waiting_central"), command: { type: "finish", step: 4 }, actor: "system", keyword: "loopt niet" },
    { name: "reopen of a later step", current: pos(3, "waiting_entity"), command: { type: "reopen", step: 5, reason: "x" }, actor: "central", keyword: "nog niet aan de beurt" },
    { name: "reopen without reason", current: pos(5, "waiting_entity"), command: { type: "reopen", step: 3, reason: "" }, actor: "central", keyword: "reden" },
    { name: "reopen with a blank reason", current: pos(5, "waiting_entity"), command: { type: "reopen", step: 3, reason: "  " }, actor: "central", keyword: "reden" },
    { name: "reopen while a job runs", current: pos(4, "running"), command: { type: "reopen", step: 2, reason: "x" }, actor: "central", keyword: "loopt nu" },
    { name: "complete of a step not waiting for the entity", current: pos(3, "not_started"), command: { type: "complete", step: 3 }, actor: "entity", keyword: "wacht niet" },
    { name: "withdraw after the next step started", current: pos(4, "running"), command: { type: "withdraw", step: 3 }, actor: "entity", keyword: "heropenen" },
  ];

  it.each(refusals)("$name says “$keyword”", ({ current, command, actor, keyword }) => {
    const result = transition(current, command, actor);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(keyword);
  });
});

describe("waitingStateOf", () => {
  it.each(([1, 2, 3, 4, 5, 6] as const).map((step) => ({ step, state: WAITS_IN[step] })))("step $step waits in $state", ({ step, state }) => {
    expect(waitingStateOf(step)).toBe(state);
  });
});

describe("isAutomatedStep", () => {
  it.each([
    { step: 1, automated: true },
    { step: 2, automated: false },
    { step: 3, automated: false },
    { step: 4, automated: true },
    { step: 5, automated: false },
    { step: 6, automated: true },
    { step: 7, automated: false },
  ])("step $step automated: $automated", ({ step, automated }) => {
    expect(isAutomatedStep(step)).toBe(automated);
  });
});

describe("whoActs", () => {
  it.each([
    { current: pos(7, "done"), who: "nobody" },
    { current: pos(1, "running"), who: "job" },
    { current: pos(4, "running"), who: "job" },
    { current: pos(6, "running"), who: "job" },
    { current: pos(2, "waiting_entity"), who: "entity" },
    { current: pos(3, "waiting_entity"), who: "entity" },
    { current: pos(5, "waiting_entity"), who: "entity" },
    { current: pos(4, "waiting_central"), who: "central" },
    { current: pos(6, "waiting_central"), who: "central" },
    { current: pos(4, "failed"), who: "central" },
    { current: pos(6, "failed"), who: "central" },
    { current: pos(4, "not_started"), who: "central" },
    { current: pos(1, "not_started"), who: "central" },
  ])("at $current.step/$current.state → $who", ({ current, who }) => {
    expect(whoActs(current)).toBe(who);
  });
});

/** Applies commands in order, failing on the first refusal. */
function walk(start: WorkflowPosition, steps: [WorkflowCommand, Actor][]): WorkflowPosition {
  return steps.reduce((current, [command, actor]) => {
    const result = transition(current, command, actor);
    if (!result.ok) throw new Error(`${describeCommand(command)} by ${actor} at ${at(current)} refused: ${result.reason}`);
    return result.next;
  }, start);
}

describe("walks", () => {
  it("follows the golden path from 1/not_started to 7/done", () => {
    const end = walk(pos(1, "not_started"), [
      [{ type: "start", step: 1 }, "central"],
      [{ type: "finish", step: 1 }, "system"],
      [{ type: "complete", step: 2 }, "entity"],
      [{ type: "complete", step: 3 }, "entity"],
      [{ type: "start", step: 4 }, "central"],
      [{ type: "finish", step: 4 }, "system"],
      [{ type: "complete", step: 5 }, "entity"],
      [{ type: "start", step: 6 }, "central"],
      [{ type: "finish", step: 6 }, "system"],
    ]);
    expect(end).toEqual(pos(7, "done"));
  });

  it("reopens step 3 from 5/waiting_entity and moves on to 4/waiting_central", () => {
    const reopened = walk(pos(5, "waiting_entity"), [[{ type: "reopen", step: 3, reason: "Verkeerde tegenpartijen" }, "central"]]);
    expect(reopened).toEqual(pos(3, "waiting_entity"));
    expect(walk(reopened, [[{ type: "complete", step: 3 }, "entity"]])).toEqual(pos(4, "waiting_central"));
  });
});
