import { describe, expect, it } from "vitest";
import { bookingRefusal, cancelRefusal, lastDayOfMonth, monthOf, scheduleStatus, slotHasStarted, type BookingCheck } from "./schedule-rules";

const base: BookingCheck = {
  today: "2026-03-15",
  deadline: "2026-12-31",
  currentStep: 1,
  currentSlotMonth: null,
  target: { month: "2026-05-01", capacity: 3, bookedByOthers: 0 },
};
const check = (change: Partial<Omit<BookingCheck, "target">> & { target?: Partial<BookingCheck["target"]> }) =>
  bookingRefusal({ ...base, ...change, target: { ...base.target, ...change.target } });

describe("months", () => {
  it("gives the first and last day of a month, leap years included", () => {
    expect(monthOf("2026-03-15")).toBe("2026-03-01");
    expect(lastDayOfMonth("2024-02-01")).toBe("2024-02-29");
    expect(lastDayOfMonth("2026-02-01")).toBe("2026-02-28");
    expect(lastDayOfMonth("2026-12-01")).toBe("2026-12-31");
    expect(lastDayOfMonth("2026-04-01")).toBe("2026-04-30");
  });

  it("counts a slot as started from the first day of its month", () => {
    expect(slotHasStarted("2026-04-01", "2026-03-31")).toBe(false);
    expect(slotHasStarted("2026-04-01", "2026-04-01")).toBe(true);
    expect(slotHasStarted("2026-04-01", "2026-06-10")).toBe(true);
  });
});

describe("booking a slot", () => {
  it("allows a free slot that is still to come", () => {
    expect(check({})).toBeNull();
    expect(check({ target: { capacity: 1, bookedByOthers: 0 } })).toBeNull();
  });

  it("refuses a full slot: the places of other entities count, not the entity's own", () => {
    expect(check({ target: { capacity: 2, bookedByOthers: 2 } })).toBe("slot_full");
    expect(check({ target: { capacity: 2, bookedByOthers: 3 } })).toBe("slot_full");
    expect(check({ currentSlotMonth: "2026-05-01", target: { capacity: 2, bookedByOthers: 1 } })).toBeNull();
  });

  it("refuses a slot that has started or passed", () => {
    expect(check({ target: { month: "2026-03-01" } })).toBe("slot_started");
    expect(check({ target: { month: "2026-01-01" } })).toBe("slot_started");
  });

  it("refuses a slot that ends after the deadline, and accepts one ending on it", () => {
    expect(check({ deadline: "2026-05-30" })).toBe("after_deadline");
    expect(check({ deadline: "2026-05-31" })).toBeNull();
    expect(check({ deadline: null, target: { month: "2030-01-01" } })).toBeNull();
  });

  it("refuses to move an entity whose slot is under way, but lets it keep the slot it holds", () => {
    expect(check({ currentSlotMonth: "2026-03-01" })).toBe("current_started");
    expect(check({ currentSlotMonth: "2026-04-01" })).toBeNull();
  });

  it("lets an entity whose slot month is over without being onboarded choose a later slot", () => {
    expect(check({ currentSlotMonth: "2026-02-01" })).toBeNull();
    expect(check({ currentSlotMonth: "2026-02-01", currentStep: 7 })).toBe("completed");
  });

  it("refuses an entity that has finished onboarding", () => {
    expect(check({ currentStep: 7 })).toBe("completed");
  });
});

describe("giving up a slot", () => {
  it("is allowed until the slot starts, and again once its month is over without the onboarding done", () => {
    expect(cancelRefusal({ currentSlotMonth: "2026-04-01", today: "2026-03-31", currentStep: 2 })).toBeNull();
    expect(cancelRefusal({ currentSlotMonth: "2026-04-01", today: "2026-04-01", currentStep: 2 })).toBe("current_started");
    expect(cancelRefusal({ currentSlotMonth: "2026-04-01", today: "2026-04-30", currentStep: 2 })).toBe("current_started");
    expect(cancelRefusal({ currentSlotMonth: "2026-04-01", today: "2026-05-01", currentStep: 2 })).toBeNull();
    expect(cancelRefusal({ currentSlotMonth: "2026-04-01", today: "2026-03-01", currentStep: 7 })).toBe("completed");
  });
});

describe("schedule status", () => {
  const today = "2026-06-10";
  it("reads completed, overdue, no slot, behind and on schedule", () => {
    expect(scheduleStatus({ currentStep: 7, slotMonth: null, deadline: "2026-01-01", today })).toBe("completed");
    expect(scheduleStatus({ currentStep: 3, slotMonth: "2026-07-01", deadline: "2026-06-09", today })).toBe("overdue");
    expect(scheduleStatus({ currentStep: 1, slotMonth: null, deadline: "2026-12-31", today })).toBe("no_slot");
    expect(scheduleStatus({ currentStep: 4, slotMonth: "2026-05-01", deadline: "2026-12-31", today })).toBe("behind");
    expect(scheduleStatus({ currentStep: 4, slotMonth: "2026-06-01", deadline: "2026-12-31", today })).toBe("on_schedule");
    expect(scheduleStatus({ currentStep: 1, slotMonth: "2026-09-01", deadline: null, today })).toBe("on_schedule");
  });

  it("marks a slot after the deadline as behind, and the deadline day itself as still on time", () => {
    expect(scheduleStatus({ currentStep: 1, slotMonth: "2026-09-01", deadline: "2026-08-31", today })).toBe("behind");
    expect(scheduleStatus({ currentStep: 2, slotMonth: "2026-06-01", deadline: "2026-06-30", today: "2026-06-30" })).toBe("on_schedule");
    expect(scheduleStatus({ currentStep: 2, slotMonth: "2026-06-01", deadline: "2026-06-30", today: "2026-07-01" })).toBe("overdue");
  });
});
