import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { OVER_OCCUPATION_TOLERANCE } from "@/lib/domain/reports/occupancy-rules";

/**
 * The FTE occupied on the date, and whether that is more than the version in force then allows
 * (the open version shown may be a change planned for later).
 */
function occupancyOn(date: string) {
  const holds = (alias: string) => sql`${sql.raw(alias)}.valid_from <= ${date}::date and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${date}::date)`;
  // The entity as well as the position: the links' index leads with the entity.
  const occupied = sql`coalesce((select sum(l.fte) from position_links l where l.entity_id = pos.entity_id and l.position_id = pos.id and ${holds("l")}), 0)`;
  const inForce = sql`(select f.fte from position_versions f where f.position_id = pos.id and f.lifecycle in ('active', 'frozen') and ${holds("f")}
                       order by f.valid_from desc limit 1)`;
  return sql`${occupied} as occupied, coalesce(${occupied} > ${inForce} + ${OVER_OCCUPATION_TOLERANCE}, false) as over_occupied`;
}

/** The entity's positions as they are on a date, with who occupies them, a page at a time; free text on number, function and unit. */
export async function listPlanPositions(db: DbOrTx, entityId: string, input: { date: string; q?: string; limit: number; offset: number }) {
  const like = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const result = await db.execute<Record<string, unknown>>(sql`
    select pos.id, pos.number, pos.origin, v.function_code, v.function_title, g.code as grade_code, u.code as unit_code, v.fte, v.lifecycle,
           v.valid_from::text as valid_from,
           ${occupancyOn(input.date)},
           count(*) over () as total
    from positions pos
    join position_versions v on v.position_id = pos.id and v.valid_to is null
    left join grades g on g.id = v.grade_id
    left join org_units u on u.id = v.org_unit_id
    where pos.entity_id = ${entityId}
      and (${like}::text is null or pos.number::text like ${like} or v.function_code ilike ${like} or v.function_title ilike ${like} or u.code ilike ${like})
    order by pos.number
    limit ${input.limit} offset ${input.offset}`);
  const rows = result.rows.map((r) => ({
    id: String(r.id),
    number: Number(r.number),
    origin: String(r.origin),
    functionCode: String(r.function_code),
    functionTitle: String(r.function_title),
    gradeCode: (r.grade_code as string | null) ?? null,
    unitCode: (r.unit_code as string | null) ?? null,
    fte: Number(r.fte),
    lifecycle: r.lifecycle as "active" | "frozen" | "abolished",
    validFrom: String(r.valid_from),
    occupiedFte: Number(r.occupied),
    overOccupied: Boolean(r.over_occupied),
  }));
  return { rows, total: rows.length ? Number(result.rows[0]!.total) : 0 };
}

export type PlanPositionRow = Awaited<ReturnType<typeof listPlanPositions>>["rows"][number];

/** One position: its open version and revision, its occupancy on `date`, and every link with the person, newest first. */
export async function planPositionDetail(db: DbOrTx, entityId: string, positionId: string, date: string) {
  const head = await db.execute<Record<string, unknown>>(sql`
    select pos.id, pos.number, pos.revision, pos.origin, v.function_code, v.function_title, g.code as grade_code, u.code as unit_code,
           u.name as unit_name, c.code as cost_centre_code, d.code as duty_location_code, v.fte, v.lifecycle, v.valid_from::text as valid_from,
           ${occupancyOn(date)}
    from positions pos
    join position_versions v on v.position_id = pos.id and v.valid_to is null
    left join grades g on g.id = v.grade_id
    left join org_units u on u.id = v.org_unit_id
    left join cost_centres c on c.id = v.cost_centre_id
    left join duty_locations d on d.id = v.duty_location_id
    where pos.id = ${positionId} and pos.entity_id = ${entityId}`);
  const row = head.rows[0];
  if (!row) return null;
  const links = await db.execute<Record<string, unknown>>(sql`
    select l.id, l.relation_id, l.fte, l.valid_from::text as valid_from, l.valid_to::text as valid_to, p.vlimpers_number, p.last_name || ' ' || p.first_name as name, r.relation_number
    from position_links l join employment_relations r on r.id = l.relation_id join persons p on p.id = r.person_id
    where l.position_id = ${positionId} and l.entity_id = ${entityId}
    order by l.valid_from desc, l.id`);
  return {
    id: String(row.id),
    number: Number(row.number),
    revision: Number(row.revision),
    origin: String(row.origin),
    functionCode: String(row.function_code),
    functionTitle: String(row.function_title),
    gradeCode: (row.grade_code as string | null) ?? null,
    unitCode: (row.unit_code as string | null) ?? null,
    unitName: (row.unit_name as string | null) ?? null,
    costCentreCode: (row.cost_centre_code as string | null) ?? null,
    dutyLocationCode: (row.duty_location_code as string | null) ?? null,
    fte: Number(row.fte),
    lifecycle: row.lifecycle as "active" | "frozen" | "abolished",
    validFrom: String(row.valid_from),
    occupiedFte: Number(row.occupied),
    overOccupied: Boolean(row.over_occupied),
    links: links.rows.map((l) => ({
      id: String(l.id),
      relationId: String(l.relation_id),
      fte: Number(l.fte),
      validFrom: String(l.valid_from),
      validTo: (l.valid_to as string | null) ?? null,
      vlimpers: String(l.vlimpers_number),
      name: String(l.name),
      relationNumber: Number(l.relation_number),
    })),
  };
}

export type PlanPositionDetail = NonNullable<Awaited<ReturnType<typeof planPositionDetail>>>;
