/**
 * The planning's rules, in plain dates (YYYY-MM-DD; a slot month is its first day, YYYY-MM-01).
 * Pure: the store and the pages call these with today's date in Brussels.
 */

/** The first day of the month a date falls in. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of a month (YYYY-MM-DD). */
export function lastDayOfMonth(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

/** A slot has started once its month has begun: from then on nobody books it. */
export function slotHasStarted(slotMonth: string, today: string): boolean {
  return monthOf(today) >= slotMonth;
}

/**
 * The slot's month is under way: the entity holding it is being onboarded and can neither leave it
 * nor move. Once the month is over without the onboarding done, it may choose a later slot.
 */
export function slotIsUnderWay(slotMonth: string, today: string): boolean {
  return monthOf(today) === slotMonth;
}

export type BookingRefusal =
  /** The chosen slot's month has begun (or passed). */
  | "slot_started"
  /** Every place of the slot is taken. */
  | "slot_full"
  /** The slot's month ends after the deadline: the entity would be onboarded too late. */
  | "after_deadline"
  /** The entity's current slot is under way: it can no longer move. */
  | "current_started"
  /** The entity has finished onboarding: there is nothing left to plan. */
  | "completed";

export interface BookingCheck {
  today: string;
  deadline: string | null;
  /** 1..7 (7: onboarded). */
  currentStep: number;
  /** The month of the slot the entity holds now, or null. */
  currentSlotMonth: string | null;
  /** The slot asked for, with the places other entities hold in it. */
  target: { month: string; capacity: number; bookedByOthers: number };
}

/** Why the entity may not take this slot now, or null when it may. */
export function bookingRefusal(check: BookingCheck): BookingRefusal | null {
  if (check.currentStep >= 7) return "completed";
  if (check.currentSlotMonth !== null && check.currentSlotMonth !== check.target.month && slotIsUnderWay(check.currentSlotMonth, check.today)) {
    return "current_started";
  }
  if (slotHasStarted(check.target.month, check.today)) return "slot_started";
  if (check.deadline !== null && lastDayOfMonth(check.target.month) > check.deadline) return "after_deadline";
  if (check.target.bookedByOthers >= check.target.capacity) return "slot_full";
  return null;
}

/** Why the entity may not give up its slot now, or null when it may. */
export function cancelRefusal({ currentSlotMonth, today, currentStep }: { currentSlotMonth: string | null; today: string; currentStep: number }): BookingRefusal | null {
  if (currentStep >= 7) return "completed";
  if (currentSlotMonth !== null && slotIsUnderWay(currentSlotMonth, today)) return "current_started";
  return null;
}

export const SCHEDULE_STATUSES = ["completed", "on_schedule", "no_slot", "behind", "overdue"] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/**
 * Is the entity on schedule?
 * - completed: onboarded (step 7);
 * - overdue: the deadline has passed and it is not onboarded;
 * - behind: its slot month is over (or lies after the deadline) and it is not onboarded;
 * - no_slot: it has not chosen a slot yet;
 * - on_schedule: its slot is still to come or under way.
 */
export function scheduleStatus({
  currentStep,
  slotMonth,
  deadline,
  today,
}: {
  currentStep: number;
  slotMonth: string | null;
  deadline: string | null;
  today: string;
}): ScheduleStatus {
  if (currentStep >= 7) return "completed";
  if (deadline !== null && today > deadline) return "overdue";
  if (slotMonth === null) return "no_slot";
  if (today > lastDayOfMonth(slotMonth)) return "behind";
  if (deadline !== null && lastDayOfMonth(slotMonth) > deadline) return "behind";
  return "on_schedule";
}
