import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { entities, onboardings, policyAreas } from "@/db/schema";

export type EntityScope = "all" | readonly string[];

function scopeCondition(scope: EntityScope): SQL | undefined {
  if (scope === "all") return undefined;
  // An empty scope must match nothing, not everything.
  return scope.length === 0 ? sql`false` : inArray(entities.id, [...scope]);
}

export interface EntityOverviewRow {
  id: string;
  code: string;
  name: string;
  type: (typeof entities.$inferSelect)["type"];
  policyAreaCode: string;
  policyAreaName: string;
  relationCount: number;
  activeRelationCount: number;
  currentStep: number;
  currentState: (typeof onboardings.$inferSelect)["currentState"];
  positionCount: number;
  positionFte: number;
  occupiedFte: number;
}

/**
 * One row per entity in scope with its headline figures, computed in the database.
 * Positions and FTE count versions valid on `asOf`; occupied FTE counts links valid on `asOf`.
 */
export async function listEntityOverview(
  db: DbOrTx,
  { scope, asOf }: { scope: EntityScope; asOf: string },
): Promise<EntityOverviewRow[]> {
  const rows = await db
    .select({
      id: entities.id,
      code: entities.code,
      name: entities.name,
      type: entities.type,
      policyAreaCode: policyAreas.code,
      policyAreaName: policyAreas.name,
      relationCount: sql<number>`(select count(*)::int from employment_relations r where r.entity_id = ${entities.id} and r.in_personnel_list)`,
      activeRelationCount: sql<number>`(select count(*)::int from employment_relations r where r.entity_id = ${entities.id} and r.in_personnel_list and r.status = 'active')`,
      currentStep: sql<number>`coalesce(${onboardings.currentStep}, 1)`,
      currentState: sql<EntityOverviewRow["currentState"]>`coalesce(${onboardings.currentState}, 'not_started')`,
      positionCount: sql<number>`coalesce(pv.position_count, 0)::int`,
      positionFte: sql<number>`coalesce(pv.position_fte, 0)::float8`,
      occupiedFte: sql<number>`coalesce(pl.occupied_fte, 0)::float8`,
    })
    .from(entities)
    .innerJoin(policyAreas, eq(policyAreas.id, entities.policyAreaId))
    .leftJoin(onboardings, eq(onboardings.entityId, entities.id))
    .leftJoin(
      sql`lateral (
        select count(*) as position_count, sum(v.fte) as position_fte
        from position_versions v
        where v.entity_id = ${entities.id} and v.lifecycle <> 'abolished'
          and v.valid_from <= ${asOf}::date and (v.valid_to is null or v.valid_to >= ${asOf}::date)
      ) pv`,
      sql`true`,
    )
    .leftJoin(
      sql`lateral (
        select sum(l.fte) as occupied_fte
        from position_links l
        where l.entity_id = ${entities.id}
          and l.valid_from <= ${asOf}::date and (l.valid_to is null or l.valid_to >= ${asOf}::date)
      ) pl`,
      sql`true`,
    )
    .where(and(eq(entities.active, true), scopeCondition(scope)))
    .orderBy(asc(entities.name));
  return rows;
}

/** One entity, or null when it does not exist or lies outside the scope (the caller answers "not found"). */
export async function findEntityInScope(db: DbOrTx, { entityId, scope, asOf }: { entityId: string; scope: EntityScope; asOf: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(entityId)) return null;
  if (scope !== "all" && !scope.includes(entityId)) return null;
  const [row] = await listEntityOverview(db, { scope: [entityId], asOf });
  return row ?? null;
}

export async function relationStatusCounts(db: DbOrTx, entityId: string) {
  const result = await db.execute<{ kind: string; status: string; count: number }>(sql`
    select kind, status, count(*)::int as count
    from employment_relations
    where entity_id = ${entityId} and in_personnel_list
    group by kind, status order by kind, status`);
  return result.rows;
}
