import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { step1ReasonSql } from "@/lib/domain/step1/step1-sql";
import { todayInBrussels } from "@/lib/dates";
import type { ReportReason } from "./report-filters";
import type { ReportFilters, ReportSort } from "./report-filters";

export interface ReportLine {
  relationId: string;
  colour: "blue" | "green";
  reason: ReportReason | null;
  vlimpers: string;
  name: string;
  relationNumber: number;
  kind: "employee" | "non_employee";
  status: "active" | "leave" | "inactive";
  legalStatus: string;
  positionId: string | null;
  positionNumber: number | null;
  positionRevision: number | null;
  functionCode: string | null;
  functionTitle: string | null;
  gradeCode: string | null;
  unitCode: string | null;
  unitName: string | null;
  costCentreCode: string | null;
  dutyLocationCode: string | null;
  fte: number;
}

export interface ReportCounts {
  blue: number;
  green: number;
  byReason: Partial<Record<ReportReason, number>>;
}

/** The run date of the latest finished step 1 of an entity, or null when step 1 has not run. */
export async function latestStep1RunDate(db: DbOrTx, entityId: string): Promise<string | null> {
  const result = await db.execute<{ run_date: string }>(sql`
    select note as run_date from onboarding_step_runs
    where entity_id = ${entityId} and step = 1 and state = 'done' and not dry_run
    order by finished_at desc limit 1`);
  return result.rows[0]?.run_date ?? null;
}

/**
 * One line per employment relation, computed from the data as it is now: blue when the relation
 * is linked to a position that step 1 made (with that position's current data), green otherwise,
 * with the reason step 1 gives on its run date.
 */
function linesSql(entityId: string, runDate: string, today: string): SQL {
  // Blue lines show the position's data only (also where a correction emptied a field); green
  // lines show the relation's own data. A green line whose reason no longer applies on the run
  // date (a relation added or unlinked after the run) says so: "after_run".
  const blueOr = (positionValue: string, relationValue: string) => sql.raw(`case when pos.id is not null then ${positionValue} else ${relationValue} end`);
  return sql`
    select r.id as relation_id,
           case when pos.id is not null then 'blue' else 'green' end as colour,
           case when pos.id is null then coalesce(${step1ReasonSql(runDate)}, 'after_run') end as reason,
           p.vlimpers_number as vlimpers, p.last_name || ' ' || p.first_name as name, r.relation_number,
           r.kind, r.status, r.legal_status,
           pos.id as position_id, pos.number as position_number, pos.revision as position_revision,
           ${blueOr("v.function_code", "rfp.code")} as function_code, ${blueOr("v.function_title", "rfp.title")} as function_title,
           ${blueOr("vg.code", "rg.code")} as grade_code,
           ${blueOr("vu.code", "ru.code")} as unit_code, ${blueOr("vu.name", "ru.name")} as unit_name,
           ${blueOr("vc.code", "rc.code")} as cost_centre_code, vd.code as duty_location_code,
           ${blueOr("v.fte", "r.fte")} as fte,
           p.last_name, p.first_name
    from employment_relations r
    join persons p on p.id = r.person_id and p.entity_id = ${entityId}
    left join (
      select distinct on (cl.relation_id) cl.relation_id, cl.position_id from position_links cl
      where cl.entity_id = ${entityId} and cl.valid_from <= greatest(${today}::date, ${runDate}::date)
        and (cl.valid_to is null or cl.valid_to > ${today}::date)
      order by cl.relation_id, cl.valid_from desc
    ) l on l.relation_id = r.id
    left join positions pos on pos.id = l.position_id and pos.entity_id = ${entityId} and pos.origin = 'step1'
    left join position_versions v on v.position_id = pos.id and v.entity_id = ${entityId} and v.valid_to is null
    left join grades vg on vg.id = v.grade_id
    left join org_units vu on vu.id = v.org_unit_id
    left join cost_centres vc on vc.id = v.cost_centre_id
    left join duty_locations vd on vd.id = v.duty_location_id
    left join function_profiles rfp on rfp.id = r.function_profile_id
    left join grades rg on rg.id = r.grade_id
    left join org_units ru on ru.id = r.org_unit_id
    left join cost_centres rc on rc.id = r.cost_centre_id
    where r.entity_id = ${entityId}`;
}

const SORT_COLUMNS: Record<ReportSort, string[]> = {
  name: ["last_name", "first_name", "relation_number"],
  vlimpers: ["vlimpers", "relation_number"],
  position: ["position_number"],
  unit: ["unit_code"],
  grade: ["grade_code"],
  function: ["function_code"],
  fte: ["fte"],
  colour: ["colour", "reason"],
};

/** The order of the lines: the chosen column in the chosen direction, empty values last, then a stable tie-breaker. */
function orderSql(sort: ReportSort, dir: "asc" | "desc"): SQL {
  const direction = dir === "desc" ? "desc" : "asc";
  return sql.raw([...SORT_COLUMNS[sort].map((column) => `${column} ${direction} nulls last`), "relation_id"].join(", "));
}

function whereSql(filters: Omit<ReportFilters, "sort" | "dir" | "page">): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.colour) conditions.push(sql`colour = ${filters.colour}`);
  if (filters.reason) conditions.push(sql`reason = ${filters.reason}`);
  if (filters.unit) conditions.push(sql`unit_code = ${filters.unit}`);
  if (filters.grade) conditions.push(sql`grade_code = ${filters.grade}`);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(name ilike ${like} or vlimpers like ${like} or function_code ilike ${like} or function_title ilike ${like} or position_number::text like ${like})`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/**
 * One page of the report with the filters applied. The lines are materialised before filtering:
 * a filter on a computed column (colour) otherwise makes the planner expect a handful of rows and
 * rescan the reference tables for every line.
 */
export async function step2Report(db: DbOrTx, entityId: string, runDate: string, filters: ReportFilters, pageSize: number, asOf = todayInBrussels()) {
  // One statement: the lines are computed once for the page, the total, the counts and the filter choices.
  const result = await db.execute<{ page: Record<string, unknown>[] | null; total: number; counts: { colour: "blue" | "green"; reason: ReportReason | null; n: number }[] | null; units: { code: string; name: string }[] | null; grades: string[] | null }>(sql`
    with lines as materialized (${linesSql(entityId, runDate, asOf)}),
    filtered as (select * from lines where ${whereSql(filters)})
    select
      (select json_agg(p) from (select * from filtered order by ${orderSql(filters.sort, filters.dir)} limit ${pageSize} offset ${filters.page * pageSize}) p) as page,
      (select count(*)::int from filtered) as total,
      (select json_agg(c) from (select colour, reason, count(*)::int as n from lines group by colour, reason) c) as counts,
      (select json_agg(u order by u.code) from (select distinct unit_code as code, coalesce(unit_name, unit_code) as name from lines where unit_code is not null) u) as units,
      (select json_agg(g.grade_code order by g.grade_code) from (select distinct grade_code from lines where grade_code is not null) g) as grades`);
  const row = result.rows[0]!;
  const counts: ReportCounts = { blue: 0, green: 0, byReason: {} };
  for (const c of row.counts ?? []) {
    counts[c.colour] += Number(c.n);
    if (c.reason) counts.byReason[c.reason] = Number(c.n);
  }
  const units = new Map<string, string>();
  for (const u of row.units ?? []) if (!units.has(u.code)) units.set(u.code, u.name);
  return {
    lines: (row.page ?? []).map(toLine),
    total: Number(row.total ?? 0),
    counts,
    options: { units: [...units].map(([code, name]) => ({ code, name })), grades: row.grades ?? [] },
  };
}

/**
 * Every line with the filters applied, in order, for the download. The lines are computed once per
 * batch, so the default batch holds a whole entity (computing them costs more than holding them);
 * a cursor would hold the embedded database's only connection for the whole download.
 */
export async function* allReportLines(db: DbOrTx, entityId: string, runDate: string, filters: ReportFilters, batch = 100_000, asOf = todayInBrussels()) {
  for (let offset = 0; ; offset += batch) {
    const result = await db.execute<Record<string, unknown>>(sql`
      with lines as materialized (${linesSql(entityId, runDate, asOf)})
      select * from lines where ${whereSql(filters)}
      order by ${orderSql(filters.sort, filters.dir)}
      limit ${batch} offset ${offset}`);
    for (const row of result.rows) yield toLine(row);
    if (result.rows.length < batch) return;
  }
}

function toLine(row: Record<string, unknown>): ReportLine {
  return {
    relationId: String(row.relation_id),
    colour: row.colour as ReportLine["colour"],
    reason: (row.reason as ReportReason | null) ?? null,
    vlimpers: String(row.vlimpers),
    name: String(row.name),
    relationNumber: Number(row.relation_number),
    kind: row.kind as ReportLine["kind"],
    status: row.status as ReportLine["status"],
    legalStatus: String(row.legal_status),
    positionId: (row.position_id as string | null) ?? null,
    positionNumber: row.position_number == null ? null : Number(row.position_number),
    positionRevision: row.position_revision == null ? null : Number(row.position_revision),
    functionCode: (row.function_code as string | null) ?? null,
    functionTitle: (row.function_title as string | null) ?? null,
    gradeCode: (row.grade_code as string | null) ?? null,
    unitCode: (row.unit_code as string | null) ?? null,
    unitName: (row.unit_name as string | null) ?? null,
    costCentreCode: (row.cost_centre_code as string | null) ?? null,
    dutyLocationCode: (row.duty_location_code as string | null) ?? null,
    fte: Number(row.fte),
  };
}
