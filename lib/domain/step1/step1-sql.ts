import { sql, type SQL } from "drizzle-orm";

/**
 * The entity's template (step 3) requests a position for the relation that step 4 has still to make
 * or that nobody has occupied yet (step 6 links the relation to it). Over `employment_relations r`.
 */
export const requestedInTemplateSql = sql`exists (
  select 1 from position_requests q
  where q.entity_id = r.entity_id and q.relation_id = r.id and q.decision = 'requested'
    and (q.position_id is null or not exists (select 1 from position_links pl where pl.entity_id = q.entity_id and pl.position_id = q.position_id))
)`;

/**
 * The step 1 rules (step1-rules.ts) as one SQL expression over `employment_relations r`: the
 * reason a relation is left out on the run date, or null when it gets a position. Kept in the
 * same order as the TypeScript rules; an integration test compares both row by row.
 * A link counts as current when it has not ended on or before the run date: valid_to is the
 * first day a link or version no longer holds (exclusive), so a correction closes the old version
 * and opens the new one on the same date.
 */
export function step1ReasonSql(runDate: string): SQL<string | null> {
  return sql<string | null>`case
    when exists (
      select 1 from position_links l
      where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${runDate}::date)
    ) then 'already_linked'
    when not r.in_personnel_list then 'not_in_personnel_list'
    when r.kind = 'non_employee' then 'non_employee'
    when r.status = 'inactive' then 'inactive'
    when r.status = 'leave' then 'leave'
    when r.end_date < ${runDate}::date then 'ended'
    when r.start_date > ${runDate}::date then 'not_yet_in_service'
    when r.function_profile_id is null then 'no_function_code'
    when ${requestedInTemplateSql} then 'requested_in_step3'
  end`;
}

/**
 * The relations that get a position, as plain conditions: the same set as `step1ReasonSql(...) is
 * null` (a test holds them equal), written out so the planner estimates it well; behind a CASE it
 * guesses a handful of rows and picks slow nested loops for tens of thousands.
 */
export function step1EligibleSql(runDate: string): SQL {
  return sql`(
    r.in_personnel_list and r.kind = 'employee' and r.status = 'active'
    and (r.end_date is null or r.end_date >= ${runDate}::date) and r.start_date <= ${runDate}::date
    and r.function_profile_id is not null
    and not exists (
      select 1 from position_links l
      where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${runDate}::date)
    )
    and not ${requestedInTemplateSql}
  )`;
}
