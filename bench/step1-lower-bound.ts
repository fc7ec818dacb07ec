import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { step1ReasonSql } from "../lib/domain/step1/step1-sql";
import { summarize } from "./harness";
import { assertSameRows, entityIds, measureStep1, runStep1ForAll, step1Rows, timed } from "./step1-data";

/**
 * The step 1 rules (step1ReasonSql: "the reason is null") written out as one condition per rule, for
 * the columns are NOT NULL except end_date and function_profile_id. Same rows, but the planner can
 * estimate each condition: with the CASE expression it expects 150 of 30,000 relations and joins
 * them by nested loops over every function profile and unit (this statement with it: 2.26 s, with
 * the conditions below: 2.01 s, on the full demo data, 2 cores).
 * benchStep1LowerBound checks that both conditions choose the same relations.
 */
export function eligibleSql(runDate: string) {
  return sql`not exists (
        select 1 from position_links l
        where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${runDate}::date)
      )
      and r.in_personnel_list
      and r.kind <> 'non_employee'
      and r.status not in ('inactive', 'leave')
      and (r.end_date is null or r.end_date >= ${runDate}::date)
      and r.start_date <= ${runDate}::date
      and r.function_profile_id is not null`;
}

/**
 * The least step 1 can cost on this server: ONE statement for all entities at once, with the same
 * rules (eligibleSql) and the same columns as createStep1Positions, but without the per-entity
 * transactions, locks, dry-run counts, onboarding updates and audit rows around it. Position
 * numbers follow entity id, then the product's order within an entity (unit, name, relation).
 */
export async function createAllStep1Positions(db: Db, runDate: string) {
  const result = await db.execute<{ positions: number; versions: number; links: number }>(sql`
    with chosen as materialized (
      select gen_random_uuid() as position_id, r.id as relation_id, r.entity_id, r.fte, r.grade_id, r.org_unit_id,
             r.cost_centre_id, fp.id as function_profile_id, fp.code as function_code, fp.title as function_title,
             row_number() over (order by r.entity_id, u.code nulls last, p.last_name, p.first_name, r.relation_number) as seq
      from employment_relations r
      join persons p on p.id = r.person_id
      join function_profiles fp on fp.id = r.function_profile_id
      left join org_units u on u.id = r.org_unit_id
      where ${eligibleSql(runDate)}
    ),
    new_positions as (
      insert into positions (id, entity_id, origin, created_by)
      select position_id, entity_id, 'step1', null from chosen order by seq
      returning id
    ),
    new_versions as (
      insert into position_versions (entity_id, position_id, version_number, valid_from, function_profile_id, function_code,
                                     function_title, grade_id, org_unit_id, cost_centre_id, fte, created_by)
      select entity_id, position_id, 1, ${runDate}::date, function_profile_id, function_code, function_title, grade_id,
             org_unit_id, cost_centre_id, fte, null
      from chosen
      returning id
    ),
    new_links as (
      insert into position_links (entity_id, position_id, relation_id, fte, valid_from, created_by)
      select entity_id, position_id, relation_id, fte, ${runDate}::date, null from chosen
      returning id
    )
    select (select count(*) from new_positions)::int as positions,
           (select count(*) from new_versions)::int as versions,
           (select count(*) from new_links)::int as links`);
  const row = result.rows[0]!;
  return { positions: Number(row.positions), versions: Number(row.versions), links: Number(row.links) };
}

/**
 * step1.lower_bound.seconds: createAllStep1Positions on the full demo data. Before the measured
 * runs, runStep1 runs once for every entity (not timed) to learn what it makes; after every run the
 * positions, versions and links per entity must be the same, or the figure is refused.
 */
export async function benchStep1LowerBound() {
  const samples = await measureStep1(
    "step1_lower",
    async ({ db, runDate }) => {
      const differing = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from employment_relations r
        where (${eligibleSql(runDate)}) is distinct from ((${step1ReasonSql(runDate)}) is null)`);
      if (Number(differing.rows[0]!.n) !== 0) throw new Error(`eligibleSql and step1ReasonSql disagree on ${differing.rows[0]!.n} relations`);
      await runStep1ForAll(db, runDate, await entityIds(db));
      const expected = await step1Rows(db);
      console.log(`[bench]   runStep1 made ${JSON.stringify(expected.get(""))}`);
      return expected;
    },
    async ({ db, runDate }, expected) => {
      const { seconds, result } = await timed(() => createAllStep1Positions(db, runDate));
      assertSameRows("step1.lower_bound", await step1Rows(db), expected);
      console.log(`[bench]   one statement made ${JSON.stringify(result)}, as runStep1 did`);
      return seconds;
    },
  );
  return summarize("step1.lower_bound.seconds", "s", samples);
}
