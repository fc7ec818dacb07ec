import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { entities, onboardings } from "@/db/schema";
import { inScopeSql, positionsCountedOn } from "@/lib/domain/reports/occupancy-report";

export type EntityScope = "all" | readonly string[];

/** An entity in scope with its relations and where its onboarding stands. */
export type EntityOnboardingRow = {
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
};

/** …and its positions and FTE on a date. */
export type EntityOverviewRow = EntityOnboardingRow & {
  positionCount: number;
  positionFte: number;
  occupiedFte: number;
  vacantFte: number;
};

/**
 * One row per entity in scope with its headline figures, in one query: relations and onboarding,
 * and positions and FTE on `asOf` by the occupancy report's rules (versions and links valid on the
 * date, vacant FTE counted per position).
 */
export async function listEntityOverview(db: DbOrTx, { scope, asOf }: { scope: EntityScope; asOf: string }): Promise<EntityOverviewRow[]> {
  return entityRows<EntityOverviewRow>(db, scope, asOf);
}

/**
 * One row per entity in scope with its relations and onboarding, without the position figures:
 * for lists that do not show them (the central expert's home). The figures read every position
 * version and link of the entities in scope; for all entities, once onboarded, that is most of the
 * register.
 */
export async function listEntityOnboardings(db: DbOrTx, { scope }: { scope: EntityScope }): Promise<EntityOnboardingRow[]> {
  return entityRows<EntityOnboardingRow>(db, scope, null);
}

async function entityRows<Row extends EntityOnboardingRow>(db: DbOrTx, scope: EntityScope, figuresOn: string | null): Promise<Row[]> {
  if (scope !== "all" && scope.length === 0) return [];
  const inScope = inScopeSql(scope);
  const occupancy = figuresOn
    ? sql`${positionsCountedOn(inScope, figuresOn)},
    occupancy as (
      select entity_id, count(*)::int as position_count, sum(fte)::float8 as position_fte, sum(occupied)::float8 as occupied_fte,
             sum(greatest(fte - occupied, 0))::float8 as vacant_fte
      from per_position
      group by entity_id
    ),`
    : sql``;
  const figures = figuresOn
    ? sql`,
           coalesce(oc.position_count, 0) as "positionCount",
           coalesce(oc.position_fte, 0) as "positionFte",
           coalesce(oc.occupied_fte, 0) as "occupiedFte",
           coalesce(oc.vacant_fte, 0) as "vacantFte"`
    : sql``;
  const result = await db.execute<Row>(sql`
    with ${occupancy}
    relation_counts as (
      select entity_id,
             count(*)::int as relation_count,
             (count(*) filter (where status = 'active'))::int as active_relation_count
      from employment_relations
      where in_personnel_list and ${inScope(sql`entity_id`)}
      group by entity_id
    )
    select e.id, e.code, e.name, e.type,
           p.code as "policyAreaCode", p.name as "policyAreaName",
           coalesce(rc.relation_count, 0) as "relationCount",
           coalesce(rc.active_relation_count, 0) as "activeRelationCount",
           coalesce(o.current_step, 1) as "currentStep",
           coalesce(o.current_state, 'not_started') as "currentState"${figures}
    from entities e
    join policy_areas p on p.id = e.policy_area_id
    left join onboardings o on o.entity_id = e.id
    left join relation_counts rc on rc.entity_id = e.id
    ${figuresOn ? sql`left join occupancy oc on oc.entity_id = e.id` : sql``}
    where e.active and ${inScope(sql`e.id`)}
    order by e.name`);
  return result.rows as Row[];
}

/** The active entities in scope by name, for pages and choices that only name them. */
export async function listEntityNames(db: DbOrTx, scope: EntityScope): Promise<{ id: string; code: string; name: string }[]> {
  if (scope !== "all" && scope.length === 0) return [];
  const result = await db.execute<{ id: string; code: string; name: string }>(sql`
    select id, code, name from entities
    where active and ${scope === "all" ? sql`true` : sql`id = any(${sql.param([...scope])}::uuid[])`}
    order by name`);
  return result.rows;
}

export type EntityInScope = Pick<EntityOverviewRow, "id" | "code" | "name" | "type" | "policyAreaCode" | "policyAreaName" | "currentStep" | "currentState">;

/**
 * One entity with its onboarding state, or null when it does not exist or lies outside the scope
 * (the caller answers "not found"). What every entity page needs in its header: no figures, which
 * cost several milliseconds per page (see findEntityOverviewInScope).
 */
export async function findEntityInScope(db: DbOrTx, { entityId, scope }: { entityId: string; scope: EntityScope }): Promise<EntityInScope | null> {
  if (!mayBeInScope(entityId, scope)) return null;
  const result = await db.execute<EntityInScope>(sql`
    select e.id, e.code, e.name, e.type,
           p.code as "policyAreaCode", p.name as "policyAreaName",
           coalesce(o.current_step, 1) as "currentStep",
           coalesce(o.current_state, 'not_started') as "currentState"
    from entities e
    join policy_areas p on p.id = e.policy_area_id
    left join onboardings o on o.entity_id = e.id
    where e.active and e.id = ${entityId}`);
  return result.rows[0] ?? null;
}

/** One entity with its headline figures on `asOf` (a row of listEntityOverview), or null as findEntityInScope. */
export async function findEntityOverviewInScope(db: DbOrTx, { entityId, scope, asOf }: { entityId: string; scope: EntityScope; asOf: string }) {
  if (!mayBeInScope(entityId, scope)) return null;
  const [row] = await listEntityOverview(db, { scope: [entityId], asOf });
  return row ?? null;
}

function mayBeInScope(entityId: string, scope: EntityScope): boolean {
  return /^[0-9a-f-]{36}$/i.test(entityId) && (scope === "all" || scope.includes(entityId));
}

export async function relationStatusCounts(db: DbOrTx, entityId: string) {
  const result = await db.execute<{ kind: string; status: string; count: number }>(sql`
    select kind, status, count(*)::int as count
    from employment_relations
    where entity_id = ${entityId} and in_personnel_list
    group by kind, status order by kind, status`);
  return result.rows;
}
