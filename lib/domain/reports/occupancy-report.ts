import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { EntityScope } from "@/lib/domain/entities/queries";
import { compareDutch } from "@/lib/i18n/dutch-order";
import { OVER_OCCUPATION_TOLERANCE, type OccupancyTotals } from "./occupancy-rules";

/** What the report groups by. */
export const OCCUPANCY_DIMENSIONS = ["entity", "unit", "level", "rank", "grade", "family"] as const;
export type OccupancyDimension = (typeof OCCUPANCY_DIMENSIONS)[number];

export const occupancyQuerySchema = z.object({
  by: z.enum(OCCUPANCY_DIMENSIONS).default("entity").catch("entity"),
  date: z.iso.date().optional().catch(undefined),
  /** A second date: the report then also shows the change between the two, from the earlier to the later. */
  compare: z.iso.date().optional().catch(undefined),
});

export interface OccupancyChange {
  key: string;
  label: string;
  positions: number;
  fte: number;
  occupiedFte: number;
  vacantFte: number;
}

/** The change per group from the report on `earlier` to the one on `later` (groups present on either date). */
export function occupancyChange(earlier: OccupancyGroup[], later: OccupancyGroup[]): OccupancyChange[] {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const byKey = new Map<string, OccupancyChange>();
  const add = (g: OccupancyGroup, sign: 1 | -1) => {
    const c = byKey.get(g.key) ?? { key: g.key, label: g.label, positions: 0, fte: 0, occupiedFte: 0, vacantFte: 0 };
    c.positions += sign * g.positions;
    c.fte = round(c.fte + sign * g.fte);
    c.occupiedFte = round(c.occupiedFte + sign * g.occupiedFte);
    c.vacantFte = round(c.vacantFte + sign * g.vacantFte);
    byKey.set(g.key, c);
  };
  for (const g of earlier) add(g, -1);
  for (const g of later) add(g, 1);
  return [...byKey.values()].sort((a, b) => compareDutch(a.label, b.label));
}

/** The groups of the report on one date. */
export interface OccupancyOnDate {
  date: string;
  groups: OccupancyGroup[];
}

/** The change per group between two dates, and the dates it reads from and to. */
export interface OccupancyComparison {
  from: string;
  to: string;
  changes: OccupancyChange[];
}

/**
 * The change between the reports on two dates, always read from the earlier date to the later:
 * whichever of the two the user picked as the date shown, a position that starts in between counts +1.
 */
export function compareOccupancy(a: OccupancyOnDate, b: OccupancyOnDate): OccupancyComparison {
  const [earlier, later] = a.date <= b.date ? [a, b] : [b, a];
  return { from: earlier.date, to: later.date, changes: occupancyChange(earlier.groups, later.groups) };
}

export interface OccupancyGroup extends OccupancyTotals {
  key: string;
  label: string;
}

/** The group's key and label for each dimension (a position without, e.g., a grade falls under "—"). */
const GROUP: Record<OccupancyDimension, { key: string; label: string }> = {
  entity: { key: "e.code", label: "e.name" },
  unit: { key: "e.code || ' ' || coalesce(u.code, '—')", label: "e.code || ' – ' || coalesce(u.name, '—')" },
  level: { key: "coalesce(g.level, fp.level, '—')", label: "'Niveau ' || coalesce(g.level, fp.level, '—')" },
  rank: { key: "coalesce(g.rank, '—')", label: "coalesce(g.rank, '—')" },
  grade: { key: "coalesce(g.code, '—')", label: "coalesce(g.code || ' – ' || g.title, '—')" },
  family: { key: "coalesce(ff.code, '—')", label: "coalesce(ff.name, '—')" },
};

/** A condition that a column holds an entity in scope. */
export type InScope = (column: SQL) => SQL;

/** The condition for a scope: `true` for "all", else membership of the listed entities. */
export function inScopeSql(scope: EntityScope): InScope {
  return (column) => (scope === "all" ? sql`true` : sql`${column} = any(${sql.param([...scope])}::uuid[])`);
}

/**
 * The common table expression `per_position`: every position that counts on the date (its version
 * then is not abolished), with the FTE its links hold then, by the rules of occupancy-rules.ts.
 * Shared by every figure of needs against occupancy, so the home page and the reports cannot count
 * differently. The links are summed per position over the whole scope and joined once: selecting
 * them through the counted positions (a CTE read twice) cost about as much again.
 */
export function positionsCountedOn(inScope: InScope, date: string): SQL {
  return sql`per_position as (
      select pv.position_id, pv.entity_id, pv.fte, pv.grade_id, pv.org_unit_id, pv.function_profile_id, pv.lifecycle,
             coalesce(o.fte, 0) as occupied
      from position_versions pv
      left join (
        select l.position_id, sum(l.fte) as fte
        from position_links l
        where ${inScope(sql`l.entity_id`)} and l.valid_from <= ${date}::date and (l.valid_to is null or l.valid_to > ${date}::date)
        group by l.position_id
      ) o on o.position_id = pv.position_id
      where ${inScope(sql`pv.entity_id`)} and pv.valid_from <= ${date}::date and (pv.valid_to is null or pv.valid_to > ${date}::date)
        -- Not "<> 'abolished'": under row-level security the planner may not use the column's
        -- statistics with the enum's (not leakproof) <>, and estimated no rows at all when every
        -- position was active, which led it to a nested loop a hundred times slower.
        and pv.lifecycle in ('active', 'frozen')
    )`;
}

/**
 * Staffing needs against occupancy on a date, grouped, for the entities in scope: computed in the
 * database over the dated versions and links, with the rules of occupancy-rules.ts, and the totals
 * over all groups (government-wide for scope "all").
 */
export async function occupancyReport(
  db: DbOrTx,
  input: { scope: EntityScope; date: string; by: OccupancyDimension },
): Promise<{ groups: OccupancyGroup[]; totals: OccupancyTotals }> {
  if (input.scope !== "all" && input.scope.length === 0) return { groups: [], totals: emptyTotals() };
  const group = GROUP[input.by];
  const result = await db.execute<{ key: string | null; label: string | null; positions: number; fte: string; occupied: string; vacant: string; over: number; frozen: number }>(sql`
    with ${positionsCountedOn(inScopeSql(input.scope), input.date)}
    select ${sql.raw(group.key)} as key, min(${sql.raw(group.label)}) as label, count(*)::int as positions,
           sum(p.fte)::text as fte, sum(p.occupied)::text as occupied, sum(greatest(p.fte - p.occupied, 0))::text as vacant,
           (count(*) filter (where p.occupied > p.fte + ${OVER_OCCUPATION_TOLERANCE}))::int as over,
           (count(*) filter (where p.lifecycle = 'frozen'))::int as frozen
    from per_position p
    join entities e on e.id = p.entity_id
    left join grades g on g.id = p.grade_id
    left join org_units u on u.id = p.org_unit_id
    left join function_profiles fp on fp.id = p.function_profile_id
    left join function_families ff on ff.id = fp.family_id
    group by 1
    order by 2`);
  const groups = result.rows.map((r) => ({
    key: r.key ?? "—",
    label: r.label ?? "—",
    positions: Number(r.positions),
    fte: Number(r.fte ?? 0),
    occupiedFte: Number(r.occupied ?? 0),
    vacantFte: Number(r.vacant ?? 0),
    overOccupied: Number(r.over),
    frozen: Number(r.frozen),
  }));
  const totals = groups.reduce(
    (t, g) => ({
      positions: t.positions + g.positions,
      fte: t.fte + g.fte,
      occupiedFte: t.occupiedFte + g.occupiedFte,
      vacantFte: t.vacantFte + g.vacantFte,
      overOccupied: t.overOccupied + g.overOccupied,
      frozen: t.frozen + g.frozen,
    }),
    emptyTotals(),
  );
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { groups, totals: { ...totals, fte: round(totals.fte), occupiedFte: round(totals.occupiedFte), vacantFte: round(totals.vacantFte) } };
}

function emptyTotals(): OccupancyTotals {
  return { positions: 0, fte: 0, occupiedFte: 0, vacantFte: 0, overOccupied: 0, frozen: 0 };
}
