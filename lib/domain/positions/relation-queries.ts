import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** One employment relation of an entity: its person, its data and every link it had, newest first. */
export async function relationDetail(db: DbOrTx, entityId: string, relationId: string) {
  const head = await db.execute<Record<string, unknown>>(sql`
    select r.id, r.relation_number, r.kind, r.status, r.legal_status, r.start_date::text as start_date, r.end_date::text as end_date, r.fte,
           r.in_personnel_list, p.vlimpers_number, p.last_name || ' ' || p.first_name as name,
           fp.code as function_code, fp.title as function_title, g.code as grade_code, u.code as unit_code
    from employment_relations r
    join persons p on p.id = r.person_id
    left join function_profiles fp on fp.id = r.function_profile_id
    left join grades g on g.id = r.grade_id
    left join org_units u on u.id = r.org_unit_id
    where r.id = ${relationId} and r.entity_id = ${entityId}`);
  const row = head.rows[0];
  if (!row) return null;
  const links = await db.execute<Record<string, unknown>>(sql`
    select l.id, l.fte, l.valid_from::text as valid_from, l.valid_to::text as valid_to, pos.id as position_id, pos.number
    from position_links l join positions pos on pos.id = l.position_id
    where l.relation_id = ${relationId} and l.entity_id = ${entityId}
    order by l.valid_from desc, l.id`);
  return {
    id: String(row.id),
    relationNumber: Number(row.relation_number),
    kind: row.kind as "employee" | "non_employee",
    status: row.status as "active" | "leave" | "inactive",
    legalStatus: String(row.legal_status),
    startDate: String(row.start_date),
    endDate: (row.end_date as string | null) ?? null,
    fte: Number(row.fte),
    inPersonnelList: Boolean(row.in_personnel_list),
    vlimpers: String(row.vlimpers_number),
    name: String(row.name),
    functionCode: (row.function_code as string | null) ?? null,
    functionTitle: (row.function_title as string | null) ?? null,
    gradeCode: (row.grade_code as string | null) ?? null,
    unitCode: (row.unit_code as string | null) ?? null,
    links: links.rows.map((l) => ({
      id: String(l.id),
      positionId: String(l.position_id),
      positionNumber: Number(l.number),
      fte: Number(l.fte),
      validFrom: String(l.valid_from),
      validTo: (l.valid_to as string | null) ?? null,
    })),
  };
}
