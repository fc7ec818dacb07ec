import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { EntityScope } from "@/lib/domain/entities/queries";
import { step1ReasonSql } from "@/lib/domain/step1/step1-sql";

/** The lists of the personnel plan on a date. */
export const PLAN_LISTS = ["vacant", "frozen", "unlinked", "mismatch"] as const;
export type PlanList = (typeof PLAN_LISTS)[number];

export const planListQuerySchema = z.object({
  list: z.enum(PLAN_LISTS).default("vacant").catch("vacant"),
  date: z.iso.date().optional().catch(undefined),
});

export interface PlanListRow {
  entity: string;
  positionNumber: number | null;
  functionCode: string | null;
  gradeCode: string | null;
  unitCode: string | null;
  fte: number | null;
  occupiedFte: number | null;
  person: string | null;
  /** Why it is on the list: the reason a relation has no position, or what differs. */
  detail: string | null;
}

const LIMIT = 5_000;

/**
 * One list of the personnel plan on a date, for the entities in scope, at most 5,000 rows:
 * - vacant: positions that count on the date with FTE left free (vacant FTE > 0), frozen ones excluded;
 * - frozen: positions frozen on the date;
 * - unlinked: employment relations in the personnel list and in service on the date, without a link
 *   then, with the reason step 1 gives (or "linked_later" when a link starts after the date, or
 *   "after_run" when no reason applies);
 * - mismatch: links on the date whose position's grade or function code differs from the relation's,
 *   or whose relation is no longer in the personnel list.
 */
export async function planList(db: DbOrTx, input: { scope: EntityScope; date: string; list: PlanList }): Promise<PlanListRow[]> {
  if (input.scope !== "all" && input.scope.length === 0) return [];
  const scoped = (column: string): SQL => (input.scope === "all" ? sql`true` : sql`${sql.raw(column)} = any(${`{${(input.scope as readonly string[]).join(",")}}`}::uuid[])`);
  const d = input.date;
  const holds = (alias: string) => sql`${sql.raw(alias)}.valid_from <= ${d}::date and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${d}::date)`;
  let query: SQL;
  switch (input.list) {
    case "vacant":
    case "frozen":
      query = sql`
        select e.name as entity, pos.number as position_number, v.function_code, g.code as grade_code, u.code as unit_code, v.fte,
               coalesce((select sum(l.fte) from position_links l where l.position_id = pos.id and ${holds("l")}), 0) as occupied,
               null as person, null as detail
        from position_versions v
        join positions pos on pos.id = v.position_id
        join entities e on e.id = v.entity_id
        left join grades g on g.id = v.grade_id
        left join org_units u on u.id = v.org_unit_id
        where ${scoped("v.entity_id")} and ${holds("v")} and v.lifecycle = ${input.list === "frozen" ? "frozen" : "active"}`;
      if (input.list === "vacant") query = sql`select * from (${query}) q where q.fte > q.occupied`;
      break;
    case "unlinked":
      query = sql`
        select e.name as entity, null::bigint as position_number, fp.code as function_code, g.code as grade_code, u.code as unit_code, r.fte,
               null::numeric as occupied, p.last_name || ' ' || p.first_name || ' (' || p.vlimpers_number || '/' || r.relation_number || ')' as person,
               case when exists (select 1 from position_links l where l.relation_id = r.id and l.valid_from > ${d}::date) then 'linked_later'
                    else coalesce(${step1ReasonSql(d)}, 'after_run') end as detail
        from employment_relations r
        join persons p on p.id = r.person_id
        join entities e on e.id = r.entity_id
        left join function_profiles fp on fp.id = r.function_profile_id
        left join grades g on g.id = r.grade_id
        left join org_units u on u.id = r.org_unit_id
        where ${scoped("r.entity_id")} and r.in_personnel_list
          and r.start_date <= ${d}::date and (r.end_date is null or r.end_date >= ${d}::date)
          and not exists (select 1 from position_links l where l.relation_id = r.id and ${holds("l")})`;
      break;
    case "mismatch":
      query = sql`
        select e.name as entity, pos.number as position_number, v.function_code, g.code as grade_code, u.code as unit_code, v.fte, l.fte as occupied,
               p.last_name || ' ' || p.first_name || ' (' || p.vlimpers_number || '/' || r.relation_number || ')' as person,
               concat_ws('; ',
                 case when not r.in_personnel_list then 'niet meer in de personeelslijst' end,
                 case when v.grade_id is distinct from r.grade_id then 'graad ' || coalesce(g.code, '—') || ' ≠ ' || coalesce(rg.code, '—') end,
                 case when v.function_profile_id is distinct from r.function_profile_id then 'functie ' || v.function_code || ' ≠ ' || coalesce(rfp.code, '—') end) as detail
        from position_links l
        join positions pos on pos.id = l.position_id
        join position_versions v on v.position_id = pos.id and ${holds("v")}
        join employment_relations r on r.id = l.relation_id
        join persons p on p.id = r.person_id
        join entities e on e.id = l.entity_id
        left join grades g on g.id = v.grade_id
        left join grades rg on rg.id = r.grade_id
        left join function_profiles rfp on rfp.id = r.function_profile_id
        left join org_units u on u.id = v.org_unit_id
        where ${scoped("l.entity_id")} and ${holds("l")}
          and (v.grade_id is distinct from r.grade_id or v.function_profile_id is distinct from r.function_profile_id or not r.in_personnel_list)`;
      break;
  }
  const result = await db.execute<Record<string, unknown>>(sql`select * from (${query}) rows order by entity, position_number nulls last, person limit ${LIMIT}`);
  return result.rows.map((r) => ({
    entity: String(r.entity),
    positionNumber: r.position_number == null ? null : Number(r.position_number),
    functionCode: (r.function_code as string | null) ?? null,
    gradeCode: (r.grade_code as string | null) ?? null,
    unitCode: (r.unit_code as string | null) ?? null,
    fte: r.fte == null ? null : Number(r.fte),
    occupiedFte: r.occupied == null ? null : Number(r.occupied),
    person: (r.person as string | null) ?? null,
    detail: (r.detail as string | null) ?? null,
  }));
}
