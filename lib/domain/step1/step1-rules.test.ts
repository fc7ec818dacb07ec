import { describe, expect, it } from "vitest";
import { leftForStep3, step1Outcome, type Step1Relation } from "./step1-rules";

const RUN = "2026-12-01";
const relation = (overrides: Partial<Step1Relation> = {}): Step1Relation => ({
  kind: "employee",
  status: "active",
  startDate: "2019-09-01",
  endDate: null,
  hasFunctionCode: true,
  inPersonnelList: true,
  hasCurrentLink: false,
  hasRequestedPosition: false,
  ...overrides,
});
const reasonOf = (overrides: Partial<Step1Relation>) => {
  const outcome = step1Outcome(relation(overrides), RUN);
  return outcome.create ? "create" : outcome.reason;
};

describe("step 1 rules, one at a time", () => {
  it("creates a position for an active employee in service with a function code", () => {
    expect(step1Outcome(relation(), RUN)).toEqual({ create: true });
  });
  it.each([
    [{ hasCurrentLink: true }, "already_linked"],
    [{ inPersonnelList: false }, "not_in_personnel_list"],
    [{ kind: "non_employee" as const }, "non_employee"],
    [{ status: "inactive" as const }, "inactive"],
    [{ status: "leave" as const }, "leave"],
    [{ endDate: "2026-11-30" }, "ended"],
    [{ startDate: "2026-12-02" }, "not_yet_in_service"],
    [{ hasFunctionCode: false }, "no_function_code"],
    [{ hasRequestedPosition: true }, "requested_in_step3"],
  ])("%j -> %s", (overrides, reason) => {
    expect(reasonOf(overrides)).toBe(reason);
  });
});

describe("step 1 rules, at the edges and combined", () => {
  it("includes a relation that starts on the run date, and leaves one starting the day after", () => {
    expect(reasonOf({ startDate: RUN })).toBe("create");
    expect(reasonOf({ startDate: "2026-12-02" })).toBe("not_yet_in_service");
  });
  it("includes a relation that ends on the run date or later", () => {
    expect(reasonOf({ endDate: RUN })).toBe("create");
    expect(reasonOf({ endDate: "2027-06-30" })).toBe("create");
  });
  it("gives a mandate holder's two relations different outcomes: the mandate is created, the fallback is inactive", () => {
    expect(reasonOf({ status: "active" })).toBe("create");
    expect(reasonOf({ status: "inactive" })).toBe("inactive");
  });
  it("calls leave plus non-employee a non-employee", () => {
    expect(reasonOf({ kind: "non_employee", status: "leave" })).toBe("non_employee");
  });
  it("calls a missing function code plus inactive inactive", () => {
    expect(reasonOf({ hasFunctionCode: false, status: "inactive" })).toBe("inactive");
  });
  it("calls a missing function code of someone not yet in service not yet in service", () => {
    expect(reasonOf({ hasFunctionCode: false, startDate: "2027-01-01" })).toBe("not_yet_in_service");
  });
  it("puts an existing link before everything else", () => {
    expect(reasonOf({ hasCurrentLink: true, kind: "non_employee", status: "leave", hasFunctionCode: false })).toBe("already_linked");
  });
  it("keeps a template's request out of step 1 only when nothing else does: the request's own reason stays", () => {
    expect(reasonOf({ hasRequestedPosition: true, hasFunctionCode: false })).toBe("no_function_code");
    expect(reasonOf({ hasRequestedPosition: true, startDate: "2027-01-01" })).toBe("not_yet_in_service");
    expect(reasonOf({ hasRequestedPosition: true, hasCurrentLink: true })).toBe("already_linked");
  });
  it("puts a relation no longer listed before what it is", () => {
    expect(reasonOf({ inPersonnelList: false, kind: "non_employee" })).toBe("not_in_personnel_list");
  });
});

describe("leftForStep3", () => {
  it("counts every reason but 'already linked', which has its position", () => {
    expect(leftForStep3({ already_linked: 400, non_employee: 10, no_function_code: 5, leave: 3 })).toBe(18);
    expect(leftForStep3({ already_linked: 430 })).toBe(0);
    expect(leftForStep3({})).toBe(0);
  });
});
