/**
 * The case mix of the demo personnel, as fractions of PERSONS (not relations).
 * Each case is given by an exact quota per entity over a shuffled list, so the counts match
 * these fractions closely for any size. The first five cases go to distinct persons; part-time
 * is laid over persons with one employee relation.
 */
export const DEMO_MIX = {
  /** Niet-werknemers: council members paid a fee, pension-annuity receivers, interns, paid control tasks. */
  nonEmployee: 0.04,
  /** Employees on leave (status "leave"). */
  leave: 0.03,
  /** Two relations: an inactive fallback ("terugvalpositie") and an active fixed-term mandate. */
  mandateHolder: 0.02,
  /** Start on the first day of the month after the reference date. */
  startingNextMonth: 0.01,
  /** Active relation without a function profile (cannot get a position in step 1). */
  missingFunctionCode: 0.02,
  /** FTE below 1 (0.5 to 0.9). */
  partTime: 0.2,
} as const;

export type MixCase = keyof typeof DEMO_MIX;

/** The cases that never share a person. */
export const EXCLUSIVE_CASES = [
  "nonEmployee",
  "leave",
  "mandateHolder",
  "startingNextMonth",
  "missingFunctionCode",
] as const satisfies readonly MixCase[];
export type ExclusiveCase = (typeof EXCLUSIVE_CASES)[number];

/** Part-time fractions with how common each is (4/5 is the most common arrangement). */
export const PART_TIME_FTES: readonly (readonly [string, number])[] = [
  ["0.500", 20],
  ["0.600", 8],
  ["0.700", 10],
  ["0.800", 42],
  ["0.900", 20],
];

/** nonEmployeeCategory texts as the HR system would export them, with their grade level. */
export const NON_EMPLOYEE_CATEGORIES: readonly { category: string; level: "A" | "B" | "C"; weight: number }[] = [
  { category: "Lid adviesraad (presentiegeld)", level: "A", weight: 3 },
  { category: "Ontvanger rustgeldrente", level: "C", weight: 2 },
  { category: "Studentstagiair", level: "B", weight: 4 },
  { category: "Bezoldigde controleopdracht", level: "B", weight: 1 },
];
