import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { STEP1_REASONS, type Step1Reason } from "./step1-rules";
import { step1EligibleSql, step1ReasonSql } from "./step1-sql";

export type Step1Counts = { create: number } & Record<Step1Reason, number>;

/** What step 1 would do for an entity on the run date: how many positions, and why the rest are left. */
export async function step1Counts(db: DbOrTx, entityId: string, runDate: string): Promise<Step1Counts> {
  const result = await db.execute<{ reason: string | null; n: number }>(sql`
    select ${step1ReasonSql(runDate)} as reason, count(*)::int as n
    from employment_relations r
    where r.entity_id = ${entityId}
    group by 1`);
  const counts = Object.fromEntries([["create", 0], ...STEP1_REASONS.map((r) => [r, 0])]) as Step1Counts;
  for (const row of result.rows) counts[(row.reason ?? "create") as keyof Step1Counts] = Number(row.n);
  return counts;
}

export interface Step1Line {
  relationId: string;
  vlimpers: string;
  name: string;
  relationNumber: number;
  functionCode: string | null;
  gradeCode: string | null;
  unitCode: string | null;
  fte: number;
  startDate: string;
}

/** The relations behind one number of the dry run ("create" or a reason), a page at a time. */
export async function step1Lines(
  db: DbOrTx,
  entityId: string,
  runDate: string,
  outcome: Step1Reason | "create",
  page: { limit: number; offset: number },
): Promise<Step1Line[]> {
  const reason = step1ReasonSql(runDate);
  const filter = outcome === "create" ? sql`(${reason}) is null` : sql`(${reason}) = ${outcome}`;
  const result = await db.execute<{
    relation_id: string;
    vlimpers: string;
    name: string;
    relation_number: number;
    function_code: string | null;
    grade_code: string | null;
    unit_code: string | null;
    fte: string;
    start_date: string;
  }>(sql`
    select r.id as relation_id, p.vlimpers_number as vlimpers, p.last_name || ' ' || p.first_name as name,
           r.relation_number, fp.code as function_code, g.code as grade_code, u.code as unit_code, r.fte, r.start_date::text
    from employment_relations r
    join persons p on p.id = r.person_id
    left join function_profiles fp on fp.id = r.function_profile_id
    left join grades g on g.id = r.grade_id
    left join org_units u on u.id = r.org_unit_id
    where r.entity_id = ${entityId} and ${filter}
    order by p.last_name, p.first_name, r.relation_number, r.id
    limit ${page.limit} offset ${page.offset}`);
  return result.rows.map((row) => ({
    relationId: row.relation_id,
    vlimpers: row.vlimpers,
    name: row.name,
    relationNumber: Number(row.relation_number),
    functionCode: row.function_code,
    gradeCode: row.grade_code,
    unitCode: row.unit_code,
    fte: Number(row.fte),
    startDate: row.start_date,
  }));
}

/**
 * Creates a position from each eligible relation's own data and links the relation to it, in one
 * set-based statement: positions, their first versions and the links come from the same chosen
 * rows (ids drawn once, in a materialised CTE). Position numbers come from the government-wide
 * sequence in the order unit, name, relation. Relations that already have a link are not chosen,
 * so running it again creates nothing. A relation with an end date is linked until then (valid_to
 * is exclusive: the day after). Run it inside a transaction that holds the entity's lock.
 */
export async function createStep1Positions(tx: Tx, input: { entityId: string; runDate: string; actorId: string | null }): Promise<number> {
  const { entityId, runDate, actorId } = input;
  const result = await tx.execute<{ created: number }>(sql`
    with chosen as materialized (
      select gen_random_uuid() as position_id, r.id as relation_id, r.entity_id, r.fte, r.grade_id, r.org_unit_id,
             r.cost_centre_id, r.end_date, fp.id as function_profile_id, fp.code as function_code, fp.title as function_title,
             row_number() over (order by u.code nulls last, p.last_name, p.first_name, r.relation_number) as seq
      from employment_relations r
      join persons p on p.id = r.person_id
      join function_profiles fp on fp.id = r.function_profile_id
      left join org_units u on u.id = r.org_unit_id
      where r.entity_id = ${entityId} and ${step1EligibleSql(runDate)}
    ),
    new_positions as (
      insert into positions (id, entity_id, origin, created_by)
      select position_id, entity_id, 'step1', ${actorId}::uuid from chosen order by seq
      returning id
    ),
    new_versions as (
      insert into position_versions (entity_id, position_id, version_number, valid_from, function_profile_id, function_code,
                                     function_title, grade_id, org_unit_id, cost_centre_id, fte, created_by)
      select entity_id, position_id, 1, ${runDate}::date, function_profile_id, function_code, function_title, grade_id,
             org_unit_id, cost_centre_id, fte, ${actorId}::uuid
      from chosen
      returning id
    ),
    new_links as (
      insert into position_links (entity_id, position_id, relation_id, fte, valid_from, valid_to, created_by)
      select entity_id, position_id, relation_id, fte, ${runDate}::date, end_date + 1, ${actorId}::uuid from chosen
      returning id
    )
    select (select count(*) from new_positions)::int as created`);
  return Number(result.rows[0]?.created ?? 0);
}

/** The runs of step 1 of an entity, newest first, with their job's state. */
export async function listStep1Runs(db: DbOrTx, entityId: string) {
  const result = await db.execute<{
    id: string;
    state: "running" | "done" | "failed";
    run_date: string | null;
    counts: Record<string, number>;
    started_at: Date;
    finished_at: Date | null;
    job_state: string | null;
    job_error: string | null;
    job_run_id: string | null;
    actor_name: string | null;
  }>(sql`
    select s.id, s.state, s.note as run_date, s.counts, s.started_at, s.finished_at, j.state as job_state, j.error as job_error, s.job_run_id, u.name as actor_name
    from onboarding_step_runs s
    left join job_runs j on j.id = s.job_run_id
    left join users u on u.id = s.actor_id
    where s.entity_id = ${entityId} and s.step = 1 and not s.dry_run
    order by s.started_at desc
    limit 20`);
  return result.rows.map((r) => ({ ...r, started_at: new Date(r.started_at), finished_at: r.finished_at ? new Date(r.finished_at) : null }));
}
