import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { todayInBrussels } from "../lib/dates";
import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { runStep1 } from "../lib/domain/step1/run-step1";
import { expertSessionCookie, startAppServer } from "./app-server";
import { scratchDatabase } from "./scratch-database";

export interface ReportEntity {
  id: string;
  name: string;
  relations: number;
}

export interface ReportDatabase {
  url: string;
  db: Db;
  runDate: string;
  entity: ReportEntity;
  /** Positions step 1 made: the blue lines of the report. */
  blueLines: number;
  drop(): Promise<void>;
}

/**
 * A scratch database with the full demo data set in which step 1 has run for the entity with the
 * most employment relations, so that it has a step-2 report. With `relations`, that entity is first
 * topped up to that many relations (see addRelations).
 */
export async function reportDatabase(label: string, options: { relations?: number } = {}): Promise<ReportDatabase> {
  const scratch = await scratchDatabase(label);
  try {
    const db = scratch.handle.db;
    const runDate = todayInBrussels();
    await loadDemoData(db, generateDemoData({ size: "full", referenceDate: runDate }));
    let entity = await largestEntity(db);
    if (options.relations && options.relations > entity.relations) {
      await addRelations(db, entity.id, options.relations - entity.relations);
      entity = { ...entity, relations: options.relations };
    }
    await scratch.handle.ownerDb.execute(sql`analyze`);
    const { created } = await runStep1(db, { entityId: entity.id, runDate, actorId: null });
    await recordStep1Run(db, entity.id, runDate, created);
    await scratch.handle.ownerDb.execute(sql`vacuum analyze`); // as the seed script does
    console.log(`[bench]   ${entity.name}: ${entity.relations} relations, step 1 made ${created} positions (blue lines)`);
    return { url: scratch.url, db, runDate, entity, blueLines: created, drop: () => scratch.drop() };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/**
 * A report database (above), `next start` on it and the central expert's session, for `run`; the
 * server stopped and the database dropped afterwards.
 */
export async function withReportServer<T>(
  label: string,
  port: number,
  run: (context: { data: ReportDatabase; baseUrl: string; expertCookie: string; serverPid: number }) => Promise<T>,
): Promise<T> {
  const data = await reportDatabase(label);
  try {
    const server = await startAppServer({ databaseUrl: data.url, port });
    try {
      return await run({ data, baseUrl: server.url, expertCookie: await expertSessionCookie(server.url, data.db), serverPid: server.pid });
    } finally {
      await server.stop();
    }
  } finally {
    await data.drop();
  }
}

/** The entity with the most employment relations. */
export async function largestEntity(db: Db): Promise<ReportEntity> {
  const result = await db.execute<{ id: string; name: string; relations: number }>(sql`
    select e.id, e.name, count(*)::int as relations
    from employment_relations r join entities e on e.id = r.entity_id
    group by e.id, e.name order by count(*) desc, e.id limit 1`);
  const row = result.rows[0]!;
  return { id: row.id, name: row.name, relations: Number(row.relations) };
}

/**
 * The finished step run the report reads its run date from (latestStep1RunDate). runStep1 only
 * closes a step run it is given; the job that normally opens one is not part of these benchmarks.
 */
export async function recordStep1Run(db: Db, entityId: string, runDate: string, created: number): Promise<void> {
  await db.execute(sql`
    insert into onboarding_step_runs (entity_id, step, state, dry_run, counts, note, started_at, finished_at)
    values (${entityId}, 1, 'done', false, ${JSON.stringify({ created })}::jsonb, ${runDate}, now(), now())`);
}

/**
 * `extra` more relations for an entity, one per new person (relation number 1). Each copies the
 * data of one of the entity's own relations in turn (kind, status, dates, grade, function, unit,
 * cost centre, fte), so the mix of blue and green lines and the reference data stay the entity's;
 * the names repeat the entity's names. Vlimpers numbers are the lowest six-digit numbers the entity
 * does not use yet; person ids are md5-derived so the second statement can find them.
 */
export async function addRelations(db: Db, entityId: string, extra: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      with free as (
        select lpad(v::text, 6, '0') as vlimpers from generate_series(1, 999999) v
        except
        select vlimpers_number from persons where entity_id = ${entityId}
      ),
      numbered as (select vlimpers, row_number() over (order by vlimpers) as i from free),
      names as (
        select first_name, last_name, row_number() over (order by id) as j, count(*) over () as m
        from persons where entity_id = ${entityId}
      )
      insert into persons (id, entity_id, vlimpers_number, first_name, last_name)
      select md5('bench-person-' || n.i)::uuid, ${entityId}, n.vlimpers, names.first_name, names.last_name
      from numbered n join names on names.j = (n.i - 1) % names.m + 1
      where n.i <= ${extra}`);
    await tx.execute(sql`
      with template as (
        select r.*, row_number() over (order by r.id) as j, count(*) over () as m
        from employment_relations r where r.entity_id = ${entityId}
      )
      insert into employment_relations (entity_id, person_id, relation_number, kind, non_employee_category, legal_status, status,
                                        start_date, end_date, grade_id, function_profile_id, fte, org_unit_id, cost_centre_id,
                                        in_personnel_list)
      select ${entityId}, md5('bench-person-' || i)::uuid, 1, t.kind, t.non_employee_category, t.legal_status, t.status,
             t.start_date, t.end_date, t.grade_id, t.function_profile_id, t.fte, t.org_unit_id, t.cost_centre_id, t.in_personnel_list
      from generate_series(1, ${extra}::int) i join template t on t.j = (i - 1) % t.m + 1`);
  });
}
