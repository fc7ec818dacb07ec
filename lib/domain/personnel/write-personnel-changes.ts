import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { typedArray } from "@/db/sql-arrays";
import { abolishedAfter } from "@/lib/domain/positions/link-bounds";
import type { RelationsDiff } from "./diff-relations";
import type { ResolvedRelationRow } from "./validate-personnel-list";

const RELATION_VALUES = [
  ["relation_number", "int4", (r: ResolvedRelationRow) => String(r.relationNumber)],
  ["kind", "relation_kind", (r: ResolvedRelationRow) => r.kind],
  ["non_employee_category", "text", (r: ResolvedRelationRow) => r.nonEmployeeCategory],
  ["legal_status", "legal_status", (r: ResolvedRelationRow) => r.legalStatus],
  ["status", "relation_status", (r: ResolvedRelationRow) => r.status],
  ["start_date", "date", (r: ResolvedRelationRow) => r.startDate],
  ["end_date", "date", (r: ResolvedRelationRow) => r.endDate],
  ["grade_id", "uuid", (r: ResolvedRelationRow) => r.gradeId],
  ["function_profile_id", "uuid", (r: ResolvedRelationRow) => r.functionProfileId],
  ["fte", "numeric", (r: ResolvedRelationRow) => r.fte],
  ["org_unit_id", "uuid", (r: ResolvedRelationRow) => r.unitId],
  ["cost_centre_id", "uuid", (r: ResolvedRelationRow) => r.costCentreId],
] as const;

/**
 * Writes a personnel-list diff set-based, one statement per kind of change, inside the caller's
 * transaction: persons upserted, relations inserted and updated, links moved with their relation's
 * new end date, relations no longer listed flagged. Nothing is deleted.
 */
export async function writePersonnelChanges(tx: Tx, entityId: string, diff: RelationsDiff): Promise<{ linksMoved: number }> {
  const touched = [...diff.added, ...diff.changed.map((c) => c.row)];
  if (touched.length) await upsertPersons(tx, entityId, touched);
  if (diff.added.length) await insertRelations(tx, entityId, diff.added);
  if (diff.changed.length) await updateRelations(tx, diff.changed.map((c) => ({ id: c.stored.id, row: c.row })));
  const newEndDates = diff.changed.filter((c) => c.fields.includes("endDate"));
  const linksMoved = newEndDates.length ? await moveLinkEnds(tx, newEndDates.map((c) => ({ id: c.stored.id, oldEnd: c.stored.endDate }))) : 0;
  if (diff.gone.length) {
    await tx.execute(sql`
      update employment_relations set in_personnel_list = false, updated_at = now()
      where entity_id = ${entityId} and id = any(${typedArray(diff.gone.map((g) => g.id), "uuid")})`);
  }
  return { linksMoved };
}

async function upsertPersons(tx: Tx, entityId: string, rows: readonly ResolvedRelationRow[]) {
  const byVlimpers = new Map(rows.map((r) => [r.vlimpers, r]));
  const people = [...byVlimpers.values()];
  await tx.execute(sql`
    insert into persons (entity_id, vlimpers_number, first_name, last_name)
    select ${entityId}::uuid, t.v, t.f, t.l
    from unnest(${typedArray(people.map((p) => p.vlimpers))}, ${typedArray(people.map((p) => p.firstName))},
                ${typedArray(people.map((p) => p.lastName))}) as t(v, f, l)
    on conflict (entity_id, vlimpers_number) do update
      set first_name = excluded.first_name, last_name = excluded.last_name, updated_at = now()
      where persons.first_name is distinct from excluded.first_name or persons.last_name is distinct from excluded.last_name`);
}

async function insertRelations(tx: Tx, entityId: string, rows: readonly ResolvedRelationRow[]) {
  const names = RELATION_VALUES.map(([name]) => sql.identifier(name));
  const arrays = RELATION_VALUES.map(([, type, value]) => typedArray(rows.map(value), type));
  const columns = sql.join(RELATION_VALUES.map(([name]) => sql`t.${sql.identifier(name)}`), sql`, `);
  await tx.execute(sql`
    insert into employment_relations (entity_id, person_id, ${sql.join(names, sql`, `)})
    select ${entityId}::uuid, p.id, ${columns}
    from unnest(${typedArray(rows.map((r) => r.vlimpers))}, ${sql.join(arrays, sql`, `)})
      as t(vlimpers, ${sql.join(names, sql`, `)})
    join persons p on p.entity_id = ${entityId}::uuid and p.vlimpers_number = t.vlimpers`);
}

async function updateRelations(tx: Tx, changes: readonly { id: string; row: ResolvedRelationRow }[]) {
  const names = RELATION_VALUES.map(([name]) => sql.identifier(name));
  const arrays = RELATION_VALUES.map(([, type, value]) => typedArray(changes.map((c) => value(c.row)), type));
  const assignments = sql.join(
    RELATION_VALUES.filter(([name]) => name !== "relation_number").map(([name]) => sql`${sql.identifier(name)} = t.${sql.identifier(name)}`),
    sql`, `,
  );
  await tx.execute(sql`
    update employment_relations r
    set ${assignments}, in_personnel_list = true, updated_at = now()
    from unnest(${typedArray(changes.map((c) => c.id), "uuid")}, ${sql.join(arrays, sql`, `)}) as t(id, ${sql.join(names, sql`, `)})
    where r.id = t.id`);
}

/**
 * A link made for a relation ends the day after the relation does (step 1, step 6, linking by hand).
 * When the personnel list brings a new end date (a contract extended, shortened or made
 * open-ended), the relation's latest link follows it if it ended with the old one, though never
 * past its position's abolition; every link that would now outlive the relation ends with it (a
 * link that would only start after it is left empty, and opens again if the contract is extended).
 * Earlier links and links ended by hand are only ever shortened. Returns how many links moved.
 */
async function moveLinkEnds(tx: Tx, changes: readonly { id: string; oldEnd: string | null }[]): Promise<number> {
  const result = await tx.execute<{ moved: number }>(sql`
    with candidates as (
      select l.id, l.valid_from, l.valid_to, r.end_date + 1 as new_end,
             ${abolishedAfter(sql`l.position_id`, sql`l.valid_from`)} as abolished_from,
             l.valid_from = max(l.valid_from) over (partition by l.relation_id) as latest,
             case when t.old_end is null then l.valid_to is null else l.valid_to = greatest(t.old_end + 1, l.valid_from) end as ended_with_relation
      from unnest(${typedArray(changes.map((c) => c.id), "uuid")}, ${typedArray(changes.map((c) => c.oldEnd), "date")}) as t(id, old_end)
      join employment_relations r on r.id = t.id
      join position_links l on l.relation_id = t.id
    ),
    moved as (
      select id,
             case when latest and ended_with_relation
               then case when new_end is null then abolished_from else least(greatest(new_end, valid_from), abolished_from) end
               else greatest(new_end, valid_from)
             end as valid_to
      from candidates
      where (latest and ended_with_relation) or (new_end is not null and (valid_to is null or valid_to > new_end))
    ),
    updated as (
      update position_links l set valid_to = moved.valid_to from moved
      where l.id = moved.id and l.valid_to is distinct from moved.valid_to
      returning l.id
    )
    select count(*)::int as moved from updated`);
  return Number(result.rows[0]?.moved ?? 0);
}
