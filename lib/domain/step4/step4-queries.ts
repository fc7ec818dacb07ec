import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { listStepRuns } from "@/lib/domain/onboarding/step-run-queries";
import type { ControlReportLine } from "./control-report-xlsx";

export interface Step4Counts {
  /** Requested rows that get a position now. */
  create: number;
  /** Requested rows that already have one (an earlier run). */
  alreadyCreated: number;
  /** Green lines the entity said need no position. */
  notNeeded: number;
}

/** What step 4 would do for the entity's current request. */
export async function step4Counts(db: DbOrTx, entityId: string): Promise<Step4Counts> {
  const result = await db.execute<{ create: number; already_created: number; not_needed: number }>(sql`
    select count(*) filter (where decision = 'requested' and position_id is null)::int as create,
           count(*) filter (where decision = 'requested' and position_id is not null)::int as already_created,
           count(*) filter (where decision = 'not_needed')::int as not_needed
    from position_requests where entity_id = ${entityId}`);
  const row = result.rows[0]!;
  return { create: Number(row.create), alreadyCreated: Number(row.already_created), notNeeded: Number(row.not_needed) };
}

/**
 * Creates a position for every requested row of the entity's template that has none yet, with its
 * first version from the row's data, and notes the position on the row, in one set-based
 * statement. Numbers come from the government-wide sequence in the order of the template's rows.
 * A row without a start date starts on the run date. Rows that have a position are not chosen,
 * so running it again creates nothing. Run it inside a transaction that holds the entity's lock.
 */
export async function createStep4Positions(tx: Tx, input: { entityId: string; runDate: string; actorId: string | null }): Promise<number> {
  const { entityId, runDate, actorId } = input;
  const result = await tx.execute<{ created: number }>(sql`
    with chosen as materialized (
      select gen_random_uuid() as position_id, q.id as request_id, q.entity_id, q.fte, q.grade_id, q.org_unit_id,
             q.cost_centre_id, q.duty_location_id, coalesce(q.valid_from, ${runDate}::date) as valid_from,
             fp.id as function_profile_id, fp.code as function_code, fp.title as function_title, q.row_number
      from position_requests q
      join function_profiles fp on fp.id = q.function_profile_id
      where q.entity_id = ${entityId} and q.decision = 'requested' and q.position_id is null
    ),
    new_positions as (
      insert into positions (id, entity_id, origin, created_by)
      select position_id, entity_id, 'template', ${actorId}::uuid from chosen order by row_number
      returning id
    ),
    new_versions as (
      insert into position_versions (entity_id, position_id, version_number, valid_from, function_profile_id, function_code,
                                     function_title, grade_id, org_unit_id, cost_centre_id, duty_location_id, fte, created_by)
      select entity_id, position_id, 1, valid_from, function_profile_id, function_code, function_title, grade_id,
             org_unit_id, cost_centre_id, duty_location_id, fte, ${actorId}::uuid
      from chosen
    ),
    noted as (
      update position_requests q set position_id = c.position_id
      from chosen c where q.id = c.request_id
    )
    select (select count(*) from new_positions)::int as created`);
  return Number(result.rows[0]?.created ?? 0);
}

/** The positions step 4 created for the entity, in the order of the template, as control-report lines. */
export async function controlReportLines(db: DbOrTx, entityId: string): Promise<ControlReportLine[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select pos.number, v.function_code, v.function_title, g.code as grade_code, u.code as unit_code, u.name as unit_name,
           c.code as cost_centre_code, d.code as duty_location_code, v.fte, v.valid_from::text as valid_from,
           p.vlimpers_number, p.last_name || ' ' || p.first_name as name, r.relation_number, q.note
    from position_requests q
    join positions pos on pos.id = q.position_id
    join position_versions v on v.position_id = pos.id and v.version_number = 1
    left join grades g on g.id = v.grade_id
    left join org_units u on u.id = v.org_unit_id
    left join cost_centres c on c.id = v.cost_centre_id
    left join duty_locations d on d.id = v.duty_location_id
    left join employment_relations r on r.id = q.relation_id
    left join persons p on p.id = r.person_id
    where q.entity_id = ${entityId}
    order by q.row_number`);
  return result.rows.map((row) => ({
    positionNumber: Number(row.number),
    functionCode: String(row.function_code),
    functionTitle: String(row.function_title),
    gradeCode: (row.grade_code as string | null) ?? null,
    unitCode: (row.unit_code as string | null) ?? null,
    unitName: (row.unit_name as string | null) ?? null,
    costCentreCode: (row.cost_centre_code as string | null) ?? null,
    dutyLocationCode: (row.duty_location_code as string | null) ?? null,
    fte: Number(row.fte),
    validFrom: String(row.valid_from),
    requestedForVlimpers: (row.vlimpers_number as string | null) ?? null,
    requestedForName: (row.name as string | null) ?? null,
    requestedForRelation: row.relation_number == null ? null : Number(row.relation_number),
    note: (row.note as string | null) ?? null,
  }));
}

/** The runs of step 4 of an entity, newest first, with their job's state and control report. */
export function listStep4Runs(db: DbOrTx, entityId: string) {
  return listStepRuns(db, entityId, 4);
}
