import { z } from "zod";
import { STEP1_REASONS } from "@/lib/domain/step1/step1-rules";

/** The reasons of green lines: step 1's, and "after_run" for relations added or unlinked after it ran. */
export const REPORT_REASONS = [...STEP1_REASONS, "after_run"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_SORTS = ["name", "vlimpers", "position", "unit", "grade", "function", "fte", "colour"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** The filters, sort and page of the step-2 report, as they come from a URL or a form: unknown values are dropped. */
export const reportFiltersSchema = z.object({
  colour: z.enum(["blue", "green"]).optional().catch(undefined),
  reason: z.enum(REPORT_REASONS).optional().catch(undefined),
  unit: z.string().max(40).optional().catch(undefined),
  grade: z.string().max(40).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(REPORT_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(0).max(100_000).default(0).catch(0),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const REPORT_PAGE_SIZE = 50;
