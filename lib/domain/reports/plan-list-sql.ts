import { sql, type SQL } from "drizzle-orm";
import type { EntityScope } from "@/lib/domain/entities/queries";
import { step1ReasonSql } from "@/lib/domain/step1/step1-sql";
import type { PlanList } from "./plan-lists";

/**
 * The rows of one list on a date, unordered and uncut, for the entities in scope (row-level security
 * limits them as well). Every list gives the same columns: what the page shows, the entity's id and
 * the row's own id (`row_key`), and the sort keys of the lasting order without nulls
 * (`position_key`, `person_key`: a list has a position number and a staff member on every row or
 * on none), so that a keyset comparison on them is exact.
 * For "unlinked" the reason is left to plan-list-reasons.ts, from three facts: a link that starts
 * later, the reason step 1 gives on the date, and whether step 1 has run for the entity.
 */
export function planListSql(input: { scope: EntityScope; date: string; list: PlanList }): SQL {
  const scoped = (column: string): SQL => (input.scope === "all" ? sql`true` : sql`${sql.raw(column)} = any(${`{${(input.scope as readonly string[]).join(",")}}`}::uuid[])`);
  const d = input.date;
  const holds = (alias: string) => sql`${sql.raw(alias)}.valid_from <= ${d}::date and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${d}::date)`;
  let query: SQL;
  switch (input.list) {
    case "vacant":
    case "frozen":
      query = sql`
        select e.name as entity, e.id as entity_id, v.id as row_key, pos.number as position_number, v.function_code, g.code as grade_code, u.code as unit_code, v.fte,
               coalesce((select sum(l.fte) from position_links l where l.entity_id = pos.entity_id and l.position_id = pos.id and ${holds("l")}), 0) as occupied,
               null::text as person, null::text as detail, null::boolean as linked_later, null::text as step1_reason, null::boolean as step1_ran
        from position_versions v
        join positions pos on pos.id = v.position_id
        join entities e on e.id = v.entity_id
        left join grades g on g.id = v.grade_id
        left join org_units u on u.id = v.org_unit_id
        where ${scoped("v.entity_id")} and ${holds("v")} and v.lifecycle = ${input.list === "frozen" ? "frozen" : "active"}`;
      if (input.list === "vacant") query = sql`select * from (${query}) listed where listed.fte > listed.occupied`;
      break;
    case "unlinked":
      query = sql`
        select e.name as entity, e.id as entity_id, r.id as row_key, null::bigint as position_number, fp.code as function_code, g.code as grade_code, u.code as unit_code, r.fte,
               null::numeric as occupied, p.last_name || ' ' || p.first_name || ' (' || p.vlimpers_number || '/' || r.relation_number || ')' as person,
               null::text as detail,
               exists (select 1 from position_links l where l.relation_id = r.id and l.valid_from > ${d}::date) as linked_later,
               ${step1ReasonSql(d)} as step1_reason,
               (ran.entity_id is not null) as step1_ran
        from employment_relations r
        join persons p on p.id = r.person_id
        join entities e on e.id = r.entity_id
        left join (
          select distinct s.entity_id from onboarding_step_runs s where s.step = 1 and s.state = 'done' and not s.dry_run
        ) ran on ran.entity_id = r.entity_id
        left join function_profiles fp on fp.id = r.function_profile_id
        left join grades g on g.id = r.grade_id
        left join org_units u on u.id = r.org_unit_id
        where ${scoped("r.entity_id")} and r.in_personnel_list
          and r.start_date <= ${d}::date and (r.end_date is null or r.end_date >= ${d}::date)
          and not exists (select 1 from position_links l where l.relation_id = r.id and ${holds("l")})`;
      break;
    case "mismatch":
      query = sql`
        select e.name as entity, e.id as entity_id, l.id as row_key, pos.number as position_number, v.function_code, g.code as grade_code, u.code as unit_code, v.fte, l.fte as occupied,
               p.last_name || ' ' || p.first_name || ' (' || p.vlimpers_number || '/' || r.relation_number || ')' as person,
               concat_ws('; ',
                 case when not r.in_personnel_list then 'niet meer in de personeelslijst' end,
                 case when v.grade_id is distinct from r.grade_id then 'graad ' || coalesce(g.code, '—') || ' ≠ ' || coalesce(rg.code, '—') end,
                 case when v.function_profile_id is distinct from r.function_profile_id then 'functie ' || v.function_code || ' ≠ ' || coalesce(rfp.code, '—') end) as detail,
               null::boolean as linked_later, null::text as step1_reason, null::boolean as step1_ran
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
  return sql`select listed.*, coalesce(listed.position_number, 0) as position_key, coalesce(listed.person, '') as person_key from (${query}) listed`;
}
