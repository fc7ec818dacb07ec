import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { todayInBrussels } from "@/lib/dates";
import { countsOn } from "@/lib/domain/positions/link-bounds";
import type { ControlContext, ControlRelation } from "./control-rules";
import type { PositionChoice } from "./take-over-requested";

/** Everything a control-report row is checked against, as the data are now. */
export async function loadControlContext(db: DbOrTx, entityId: string, today = todayInBrussels()): Promise<ControlContext> {
  const positionRows = await db.execute<{ number: number; request_id: string; position_id: string; fte: string }>(sql`
    select pos.number, q.id as request_id, pos.id as position_id, v.fte
    from position_requests q
    join positions pos on pos.id = q.position_id
    join position_versions v on v.position_id = pos.id and v.valid_to is null
    where q.entity_id = ${entityId}`);
  const relationRows = await db.execute<{ vlimpers: string; name: string; relation_number: number; relation_id: string; fte: string; in_personnel_list: boolean; linked_to: string[] }>(sql`
    select p.vlimpers_number as vlimpers, p.last_name || ' ' || p.first_name as name, r.relation_number, r.id as relation_id, r.fte,
           r.in_personnel_list,
           array(select l.position_id::text from position_links l where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${today}::date)) as linked_to
    from employment_relations r join persons p on p.id = r.person_id
    where r.entity_id = ${entityId}`);
  const persons: ControlContext["persons"] = new Map();
  for (const row of relationRows.rows) {
    const person = persons.get(row.vlimpers) ?? { name: row.name, relations: new Map<number, ControlRelation>() };
    person.relations.set(Number(row.relation_number), { relationId: row.relation_id, fte: Number(row.fte), linkedTo: row.linked_to, inPersonnelList: Boolean(row.in_personnel_list) });
    persons.set(row.vlimpers, person);
  }
  return {
    positions: new Map(positionRows.rows.map((r) => [Number(r.number), { requestId: r.request_id, positionId: r.position_id, fte: Number(r.fte) }])),
    persons,
  };
}

/** The step-4 positions of the entity with who goes into them, in the order of the template, a page at a time. */
export async function listControlRows(db: DbOrTx, entityId: string, page: { limit: number; offset: number }) {
  const result = await db.execute<Record<string, unknown>>(sql`
    select q.id, q.assignment_revision, pos.number, v.function_code, v.function_title, g.code as grade_code, u.code as unit_code, v.fte,
           rp.vlimpers_number as requested_vlimpers, rp.last_name || ' ' || rp.first_name as requested_name, rr.relation_number as requested_relation,
           ap.vlimpers_number as assigned_vlimpers, ap.last_name || ' ' || ap.first_name as assigned_name, ar.relation_number as assigned_relation,
           count(*) over () as total
    from position_requests q
    join positions pos on pos.id = q.position_id
    join position_versions v on v.position_id = pos.id and v.valid_to is null
    left join grades g on g.id = v.grade_id
    left join org_units u on u.id = v.org_unit_id
    left join employment_relations rr on rr.id = q.relation_id
    left join persons rp on rp.id = rr.person_id
    left join employment_relations ar on ar.id = q.assigned_relation_id
    left join persons ap on ap.id = ar.person_id
    where q.entity_id = ${entityId}
    order by q.row_number
    limit ${page.limit} offset ${page.offset}`);
  const rows = result.rows.map((row) => ({
    requestId: String(row.id),
    revision: Number(row.assignment_revision),
    positionNumber: Number(row.number),
    functionCode: String(row.function_code),
    functionTitle: String(row.function_title),
    gradeCode: (row.grade_code as string | null) ?? null,
    unitCode: (row.unit_code as string | null) ?? null,
    fte: Number(row.fte),
    requestedFor: row.requested_vlimpers ? `${row.requested_name} (${row.requested_vlimpers}/${row.requested_relation})` : null,
    assigned: row.assigned_vlimpers ? { vlimpers: String(row.assigned_vlimpers), name: String(row.assigned_name), relationNumber: Number(row.assigned_relation) } : null,
  }));
  return { rows, total: rows.length ? Number(result.rows[0]!.total) : 0 };
}

/** Every step-4 position of the entity with the person step 3 named for it and the one chosen in step 5, in report order. */
export async function listPositionChoices(db: DbOrTx, entityId: string): Promise<PositionChoice[]> {
  const result = await db.execute<{ id: string; number: number; vlimpers: string | null; relation_number: number | null; assigned_relation_id: string | null }>(sql`
    select q.id, pos.number, rp.vlimpers_number as vlimpers, rr.relation_number, q.assigned_relation_id
    from position_requests q
    join positions pos on pos.id = q.position_id
    left join employment_relations rr on rr.id = q.relation_id
    left join persons rp on rp.id = rr.person_id
    where q.entity_id = ${entityId}
    order by q.row_number`);
  return result.rows.map((r) => ({
    requestId: r.id,
    positionNumber: Number(r.number),
    requested: r.vlimpers && r.relation_number !== null ? { vlimpers: r.vlimpers, relationNumber: Number(r.relation_number) } : null,
    assignedRelationId: r.assigned_relation_id,
  }));
}

export type ControlRowView = Awaited<ReturnType<typeof listControlRows>>["rows"][number];

/** The relations that may still go into a position: the entity's, not linked, not already chosen for another position; searchable. */
export async function assignableRelations(db: DbOrTx, entityId: string, query: string, limit = 30, today = todayInBrussels()) {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute<{ vlimpers: string; name: string; relation_number: number; fte: string; status: string }>(sql`
    select p.vlimpers_number as vlimpers, p.last_name || ' ' || p.first_name as name, r.relation_number, r.fte, r.status
    from employment_relations r join persons p on p.id = r.person_id
    where r.entity_id = ${entityId} and r.in_personnel_list
      and not exists (select 1 from position_links l where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${today}::date))
      and not exists (select 1 from position_requests q where q.entity_id = ${entityId} and q.assigned_relation_id = r.id)
      and (p.vlimpers_number like ${like} or p.last_name || ' ' || p.first_name ilike ${like})
    order by p.last_name, p.first_name, r.relation_number
    limit ${limit}`);
  return result.rows.map((r) => ({ vlimpers: r.vlimpers, name: r.name, relationNumber: Number(r.relation_number), fte: Number(r.fte), status: r.status }));
}

export interface Step6Counts {
  /** Positions someone was chosen for in step 5, whatever step 6 will do with them. */
  assigned: number;
  /** Positions that get their person linked. */
  link: number;
  /** Positions that stay vacant. */
  vacant: number;
  /** Assignments already linked to their position (an earlier run). */
  alreadyLinked: number;
  /** Assignments whose relation was linked to another position since step 5: step 6 skips them. */
  linkedElsewhere: number;
  /** Assignments to a position abolished since step 4 (it no longer counts when the link would start): skipped too. */
  positionGone: number;
}

/** What step 6 would do for the entity's assignments, run on `asOf`. */
export async function step6Counts(db: DbOrTx, entityId: string, asOf = todayInBrussels()): Promise<Step6Counts> {
  const result = await db.execute<{ assigned: number; link: number; vacant: number; already_linked: number; linked_elsewhere: number; position_gone: number }>(sql`
    with assignments as (
      select q.assigned_relation_id as relation_id,
             exists (select 1 from position_links l where l.relation_id = q.assigned_relation_id and l.position_id = q.position_id
                     and (l.valid_to is null or l.valid_to > ${asOf}::date)) as here,
             exists (select 1 from position_links l where l.relation_id = q.assigned_relation_id and l.position_id <> q.position_id
                     and (l.valid_to is null or l.valid_to > ${asOf}::date)) as elsewhere,
             not ${countsOn(sql`q.position_id`, sql`greatest(${asOf}::date, v.valid_from, r.start_date)`)} as gone
      from position_requests q
      join position_versions v on v.position_id = q.position_id and v.version_number = 1
      left join employment_relations r on r.id = q.assigned_relation_id
      where q.entity_id = ${entityId} and q.position_id is not null
    )
    select count(*) filter (where relation_id is not null)::int as assigned,
           count(*) filter (where relation_id is not null and not here and not elsewhere and not gone)::int as link,
           count(*) filter (where relation_id is null)::int as vacant,
           count(*) filter (where here)::int as already_linked,
           count(*) filter (where elsewhere and not here)::int as linked_elsewhere,
           count(*) filter (where relation_id is not null and gone and not here and not elsewhere)::int as position_gone
    from assignments`);
  const row = result.rows[0]!;
  return {
    assigned: Number(row.assigned),
    link: Number(row.link),
    vacant: Number(row.vacant),
    alreadyLinked: Number(row.already_linked),
    linkedElsewhere: Number(row.linked_elsewhere),
    positionGone: Number(row.position_gone),
  };
}
