import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { onboardings } from "@/db/schema";
import type { EntityScope } from "@/lib/domain/entities/queries";
import { scheduleStatus, type ScheduleStatus } from "@/lib/domain/planning/schedule-rules";

export type { EntityScope };

export type ProgressBoardRow = {
  id: string;
  code: string;
  name: string;
  policyAreaCode: string;
  policyAreaName: string;
  /** 1..6, or 7 once the onboarding is complete. */
  currentStep: number;
  currentState: (typeof onboardings.$inferSelect)["currentState"];
  /** Run date (YYYY-MM-DD) of the latest finished step 1, or null: then blue and green lines are 0. */
  step1RunDate: string | null;
  /** Relations linked now to a position step 1 made (as the step-2 report counts them). */
  blueLines: number;
  /** All other relations of the entity. */
  greenLines: number;
  /** Errors of the uploads still waiting to be fixed: per kind, the latest upload if it was rejected. */
  openErrors: number;
  /** First day of the chosen slot month ('YYYY-MM-01'), or null. */
  plannedSlotMonth: string | null;
  deadline: string | null;
  /** Days from today to the deadline (negative once it has passed), or null without a deadline. */
  daysToDeadline: number | null;
  /** Whether the entity keeps to its slot and the deadline. */
  scheduleStatus: ScheduleStatus;
};

/**
 * The progress board ("voortgang van de aansluitingen"): one row per active entity in scope, in one
 * statement with one grouped pass per table. Blue and green lines are counted the way the step-2
 * report computes them (the current link of each relation, on the run date of step 1 or later).
 * A rejected upload without error rows (the whole file refused) counts as one open error.
 */
export async function progressBoard(
  db: DbOrTx,
  { scope, today, deadline }: { scope: EntityScope; today: string; deadline: string | null },
): Promise<ProgressBoardRow[]> {
  if (scope !== "all" && scope.length === 0) return [];
  const inScope = (column: SQL) => (scope === "all" ? sql`true` : sql`${column} = any(${sql.param([...scope])}::uuid[])`);
  const result = await db.execute<ProgressBoardRow>(sql`
    with step1 as (
      select distinct on (entity_id) entity_id,
             -- A step-1 run records its run date as its note; the finish date stands in for an older run without one.
             coalesce(case when note ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then note end,
                      to_char(coalesce(finished_at, started_at) at time zone 'Europe/Brussels', 'YYYY-MM-DD')) as run_date
      from onboarding_step_runs
      where step = 1 and state = 'done' and not dry_run and ${inScope(sql`entity_id`)}
      order by entity_id, finished_at desc nulls last, started_at desc
    ), lines as (
      select r.entity_id,
             (count(*) filter (where pos.id is not null))::int as blue,
             (count(*) filter (where pos.id is null))::int as green
      from step1 s
      join employment_relations r on r.entity_id = s.entity_id
      left join lateral (
        select cl.position_id from position_links cl
        where cl.relation_id = r.id and cl.valid_from <= greatest(${today}::date, s.run_date::date)
          and (cl.valid_to is null or cl.valid_to > ${today}::date)
        order by cl.valid_from desc limit 1
      ) l on true
      left join positions pos on pos.id = l.position_id and pos.origin = 'step1'
      group by r.entity_id
    ), latest_imports as (
      select distinct on (entity_id, kind) entity_id, state, rejection, problems
      from import_runs
      where entity_id is not null and ${inScope(sql`entity_id`)}
      order by entity_id, kind, created_at desc, id desc
    ), open_errors as (
      select entity_id,
             sum(greatest(
               (select count(*) from jsonb_array_elements(problems) p where p->>'severity' = 'error'),
               case when rejection is not null then 1 else 0 end
             ))::int as open_errors
      from latest_imports
      where state = 'rejected'
      group by entity_id
    )
    select e.id, e.code, e.name,
           pa.code as "policyAreaCode", pa.name as "policyAreaName",
           coalesce(o.current_step, 1) as "currentStep",
           coalesce(o.current_state, 'not_started') as "currentState",
           s.run_date as "step1RunDate",
           coalesce(l.blue, 0) as "blueLines",
           coalesce(l.green, 0) as "greenLines",
           coalesce(oe.open_errors, 0) as "openErrors",
           to_char(sl.month, 'YYYY-MM-DD') as "plannedSlotMonth",
           ${deadline}::text as deadline,
           (${deadline}::date - ${today}::date)::int as "daysToDeadline"
    from entities e
    join policy_areas pa on pa.id = e.policy_area_id
    left join onboardings o on o.entity_id = e.id
    left join onboarding_slots sl on sl.id = o.slot_id
    left join step1 s on s.entity_id = e.id
    left join lines l on l.entity_id = e.id
    left join open_errors oe on oe.entity_id = e.id
    where e.active and ${inScope(sql`e.id`)}
    order by e.name, e.id`);
  return result.rows.map((row) => ({
    ...row,
    currentStep: Number(row.currentStep),
    blueLines: Number(row.blueLines),
    greenLines: Number(row.greenLines),
    openErrors: Number(row.openErrors),
    daysToDeadline: row.daysToDeadline === null ? null : Number(row.daysToDeadline),
    scheduleStatus: scheduleStatus({ currentStep: Number(row.currentStep), slotMonth: row.plannedSlotMonth, deadline, today }),
  }));
}
