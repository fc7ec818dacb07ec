import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { EntityScope } from "@/lib/domain/entities/queries";
import type { Step1Reason } from "@/lib/domain/step1/step1-rules";
import { planListSql } from "./plan-list-sql";
import { unlinkedReason } from "./plan-list-reasons";

/** The lists of the personnel plan on a date. */
export const PLAN_LISTS = ["vacant", "frozen", "unlinked", "mismatch"] as const;
export type PlanList = (typeof PLAN_LISTS)[number];

/** The columns a list can be sorted on, on screen. */
export const PLAN_LIST_SORTS = ["entity", "position", "person", "function", "grade", "unit", "fte", "occupied", "detail"] as const;
export type PlanListSort = (typeof PLAN_LIST_SORTS)[number];

/** The columns each list shows on screen, in order. */
export const PLAN_LIST_COLUMNS: Record<PlanList, readonly PlanListSort[]> = {
  vacant: ["entity", "position", "function", "grade", "unit", "fte", "occupied"],
  frozen: ["entity", "position", "function", "grade", "unit", "fte", "occupied"],
  unlinked: ["entity", "person", "function", "grade", "unit", "fte", "detail"],
  mismatch: ["entity", "position", "person", "function", "grade", "unit", "fte", "detail"],
};

export const PLAN_LIST_PAGE_SIZE = 100;

/**
 * The list, date, sort and page as they come from a URL: unknown values fall back to the defaults,
 * and so does a sort on a column the list does not show.
 */
export const planListQuerySchema = z
  .object({
    list: z.enum(PLAN_LISTS).default("vacant").catch("vacant"),
    date: z.iso.date().optional().catch(undefined),
    sort: z.enum(PLAN_LIST_SORTS).default("entity").catch("entity"),
    dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
    page: z.coerce.number().int().min(0).max(1_000_000).default(0).catch(0),
  })
  .transform((q) => ({ ...q, sort: PLAN_LIST_COLUMNS[q.list].includes(q.sort) ? q.sort : ("entity" as const) }));
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

export interface PlanListRow {
  entity: string;
  positionNumber: number | null;
  functionCode: string | null;
  gradeCode: string | null;
  unitCode: string | null;
  fte: number | null;
  occupiedFte: number | null;
  person: string | null;
  /**
   * Why it is on the list: for "unlinked" the reason the relation has no position (an
   * UnlinkedReason, see plan-list-reasons.ts), for "mismatch" what differs.
   */
  detail: string | null;
}

interface ListInput {
  scope: EntityScope;
  date: string;
  list: PlanList;
}

/**
 * The rows of a list in their lasting order, which every page and the download end with: entity,
 * position number, staff member, and the row's own id, so that no two rows tie and keyset paging
 * (the download) and offset paging (the screen) neither skip nor repeat a row.
 */
const ORDER_KEYS = sql.raw("entity, entity_id, position_key, person_key, row_key");

const SORT_COLUMNS: Record<Exclude<PlanListSort, "entity" | "detail">, string> = {
  position: "position_number",
  person: "person",
  function: "function_code",
  grade: "grade_code",
  unit: "unit_code",
  fte: "fte",
  occupied: "occupied",
};

function orderSql(list: PlanList, sort: PlanListSort, dir: "asc" | "desc"): SQL {
  const d = dir === "desc" ? "desc" : "asc";
  if (sort === "entity") return sql.raw(`entity ${d}, entity_id ${d}, position_key, person_key, row_key`);
  // The reason of a relation follows from these three facts (unlinkedReason), so sorting on them keeps each reason together.
  const first = sort === "detail" ? (list === "unlinked" ? `linked_later ${d}, step1_reason ${d} nulls last, step1_ran ${d}` : `detail ${d} nulls last`) : `${SORT_COLUMNS[sort]} ${d} nulls last`;
  return sql`${sql.raw(first)}, ${ORDER_KEYS}`;
}

/**
 * One page of a list of the personnel plan on a date, for the entities in scope, with the number
 * of rows on the whole list (counted by the database, never cut):
 * - vacant: positions that count on the date with FTE left free (vacant FTE > 0), frozen ones excluded;
 * - frozen: positions frozen on the date;
 * - unlinked: employment relations in the personnel list and in service on the date, without a link
 *   then, with the reason (plan-list-reasons.ts);
 * - mismatch: links on the date whose position's grade or function code differs from the relation's,
 *   or whose relation is no longer in the personnel list.
 * A page past the end gives the last page.
 */
export async function planListPage(
  db: DbOrTx,
  input: ListInput & { sort?: PlanListSort; dir?: "asc" | "desc"; page?: number; pageSize?: number },
): Promise<{ rows: PlanListRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = input.pageSize ?? PLAN_LIST_PAGE_SIZE;
  const requested = input.page ?? 0;
  if (input.scope !== "all" && input.scope.length === 0) return { rows: [], total: 0, page: 0, pageSize };
  const order = orderSql(input.list, input.sort ?? "entity", input.dir ?? "asc");
  const pageAt = (page: number) =>
    db.execute<Record<string, unknown>>(sql`
      select q.*, count(*) over () as total from (${planListSql(input)}) q
      order by ${order} limit ${pageSize} offset ${page * pageSize}`);
  let page = requested;
  let result = await pageAt(page);
  if (result.rows.length === 0 && page > 0) {
    const counted = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${planListSql(input)}) q`);
    const total = Number(counted.rows[0]?.n ?? 0);
    if (total === 0) return { rows: [], total, page: 0, pageSize };
    page = Math.ceil(total / pageSize) - 1;
    result = await pageAt(page);
  }
  return { rows: result.rows.map((r) => toRow(input.list, r)), total: Number(result.rows[0]?.total ?? 0), page, pageSize };
}

/**
 * Every row of a list, in the lasting order, a batch at a time (keyset paging on that order):
 * memory stays at one batch however long the list, and no connection is held between batches
 * (a cursor would hold the embedded database's only connection for the whole download).
 */
export async function* allPlanListRows(db: DbOrTx, input: ListInput, batch = 5_000): AsyncGenerator<PlanListRow> {
  if (input.scope !== "all" && input.scope.length === 0) return;
  let after: SQL | null = null;
  for (;;) {
    const result: { rows: Record<string, unknown>[] } = await db.execute<Record<string, unknown>>(sql`
      select q.* from (${planListSql(input)}) q
      where ${after ?? sql`true`}
      order by ${ORDER_KEYS} limit ${batch}`);
    for (const row of result.rows) yield toRow(input.list, row);
    if (result.rows.length < batch) return;
    const last = result.rows.at(-1)!;
    after = sql`(q.entity, q.entity_id, q.position_key, q.person_key, q.row_key)
      > (${String(last.entity)}, ${String(last.entity_id)}::uuid, ${String(last.position_key)}::bigint, ${String(last.person_key)}, ${String(last.row_key)}::uuid)`;
  }
}

/** Every row of a list at once: for small scopes and tests; pages and downloads use the two above. */
export async function planList(db: DbOrTx, input: ListInput): Promise<PlanListRow[]> {
  const rows: PlanListRow[] = [];
  for await (const row of allPlanListRows(db, input)) rows.push(row);
  return rows;
}

function toRow(list: PlanList, r: Record<string, unknown>): PlanListRow {
  const detail =
    list === "unlinked"
      ? unlinkedReason({ linkedLater: r.linked_later === true, step1Reason: (r.step1_reason as Step1Reason | null) ?? null, step1HasRun: r.step1_ran === true })
      : ((r.detail as string | null) ?? null);
  return {
    entity: String(r.entity),
    positionNumber: r.position_number == null ? null : Number(r.position_number),
    functionCode: (r.function_code as string | null) ?? null,
    gradeCode: (r.grade_code as string | null) ?? null,
    unitCode: (r.unit_code as string | null) ?? null,
    fte: r.fte == null ? null : Number(r.fte),
    occupiedFte: r.occupied == null ? null : Number(r.occupied),
    person: (r.person as string | null) ?? null,
    detail,
  };
}
