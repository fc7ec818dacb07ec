import { describe, expect, it } from "vitest";
import { answerFor } from "./demo-answers";
import { daysBefore, DEMO_STAGES, firstOfMonthAfter, reaches } from "./stages";

describe("demo stages", () => {
  it("plans every stage once, on entities of their own, and none of the browser tests' entities", () => {
    expect(new Set(DEMO_STAGES.map((s) => s.stage)).size).toBe(DEMO_STAGES.length);
    expect(new Set(DEMO_STAGES.map((s) => s.code)).size).toBe(DEMO_STAGES.length);
    for (const code of ["DFB", "DOMG", "VMM", "AGO"]) expect(DEMO_STAGES.some((s) => s.code === code)).toBe(false);
  });

  it("runs the steps of each entity in order, in the past", () => {
    for (const { daysAgo, stage } of DEMO_STAGES) {
      if (reaches(stage, "step4")) expect(daysAgo.step4).toBeLessThan(daysAgo.step1);
      if (reaches(stage, "step6")) expect(daysAgo.step6).toBeLessThan(daysAgo.step4!);
      expect(daysAgo.step1).toBeGreaterThan(0);
    }
  });

  it("a stage further on passes every milestone before it", () => {
    expect(reaches("step2", "reviewed")).toBe(false);
    expect(reaches("step3", "reviewed")).toBe(true);
    expect(reaches("step3", "submitted")).toBe(false);
    expect(reaches("step4", "submitted")).toBe(true);
    expect(reaches("step4", "step4")).toBe(false);
    expect(reaches("step5", "step4")).toBe(true);
    expect(reaches("step5", "step5Submitted")).toBe(false);
    expect(reaches("step6", "step6")).toBe(false);
    expect(reaches("onboarded", "step6")).toBe(true);
    expect(reaches("reopened", "step6")).toBe(true);
  });

  it("counts dates in calendar days and months", () => {
    expect(daysBefore("2026-03-01", 1)).toBe("2026-02-28");
    expect(daysBefore("2026-01-10", 10)).toBe("2025-12-31");
    expect(firstOfMonthAfter("2026-12-05", 1)).toBe("2027-01-01");
    expect(firstOfMonthAfter("2026-01-31", 3)).toBe("2026-04-01");
  });
});

describe("the demo HR officer's template answers", () => {
  it("gives a position to people about to start, on leave or without a function code, and none to non-employees and fallback relations", () => {
    expect(answerFor("not_yet_in_service", "X")).toEqual({ need: true });
    expect(answerFor("leave", "X")).toMatchObject({ need: true });
    expect(answerFor("no_function_code", "FP-B")).toMatchObject({ need: true, functionCode: "FP-B" });
    expect(answerFor("non_employee", "X")).toMatchObject({ need: false });
    expect(answerFor("inactive", "X")).toMatchObject({ need: false });
  });
});
