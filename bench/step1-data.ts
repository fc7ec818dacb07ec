import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { todayInBrussels } from "../lib/dates";
import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { runStep1 } from "../lib/domain/step1/run-step1";
import { step1ReasonSql } from "../lib/domain/step1/step1-sql";
import { scratchDatabase } from "./scratch-database";

export const STEP1_RUNS = 3;

export interface Step1Database {
  db: Db;
  /** The demo data's reference date, used as the run date. */
  runDate: string;
  /**
   * Back to the state just after loading: no positions, versions or links, onboardings as loaded,
   * and a checkpoint so that the previous run's dirty pages are not written during the next
   * measurement. TRUNCATE leaves the three tables as a new database has them: never analysed
   * (reltuples -1). Analysing them while empty would not be the same: the planner then believes
   * they stay empty, and the foreign-key checks on positions.id, planned once per connection, scan
   * the whole table for every row (step 1 on all entities: 30-45 s instead of a few seconds).
   */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

/** A scratch database with the full demo data set (~30,000 relations), analysed and ready for step 1. */
export async function step1Database(label: string): Promise<Step1Database> {
  const scratch = await scratchDatabase(label);
  try {
    const runDate = todayInBrussels();
    const db = scratch.handle.db;
    await loadDemoData(db, generateDemoData({ size: "full", referenceDate: runDate }));
    // runStep1 moves each onboarding on to step 2; every run has to start from the loaded state.
    // Maintenance of the scratch database runs as its owner (the application role may not truncate).
    const owner = scratch.handle.ownerDb;
    await owner.execute(sql`create table bench_onboardings_loaded as select id, current_step, current_state, updated_at from onboardings`);
    const reset = async () => {
      await owner.execute(sql`truncate position_links, position_versions, position_requests, positions`);
      await owner.execute(sql`
        update onboardings o set current_step = s.current_step, current_state = s.current_state, updated_at = s.updated_at
        from bench_onboardings_loaded s where s.id = o.id`);
      await owner.execute(sql`checkpoint`);
    };
    // Statistics of the loaded data, as autovacuum would gather them; reset() then empties the three step-1 tables.
    await owner.execute(sql`analyze`);
    await reset();
    return { db, runDate, reset, drop: () => scratch.drop() };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/**
 * STEP1_RUNS measurements on one loaded database: `setup` once (not timed), then before each run a
 * reset to the loaded state, then `run`, which times its own work and returns seconds (so that
 * checks after the work stay out of the figure).
 */
export async function measureStep1<T>(
  label: string,
  setup: (data: Step1Database) => Promise<T>,
  run: (data: Step1Database, context: T) => Promise<number>,
): Promise<number[]> {
  const data = await step1Database(label);
  try {
    const context = await setup(data);
    const samples: number[] = [];
    for (let index = 0; index < STEP1_RUNS; index++) {
      await data.reset();
      const seconds = await run(data, context);
      console.log(`[bench]   run ${index + 1}: ${seconds.toFixed(3)} s`);
      samples.push(seconds);
    }
    return samples;
  } finally {
    await data.drop();
  }
}

/** Seconds taken by `work`, with its result. */
export async function timed<R>(work: () => Promise<R>): Promise<{ seconds: number; result: R }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

/** Every entity of the data set in a fixed order (by name). */
export async function entityIds(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`select id from entities order by name, id`);
  return result.rows.map((r) => r.id);
}

/** runStep1 for each entity, one after the other; the number of positions created. */
export async function runStep1ForAll(db: Db, runDate: string, entities: string[]): Promise<number> {
  let created = 0;
  for (const entityId of entities) created += (await runStep1(db, { entityId, runDate, actorId: null })).created;
  return created;
}

/** How many relations step 1 would give a position on the run date, government-wide. */
export async function eligibleCount(db: Db, runDate: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from employment_relations r where (${step1ReasonSql(runDate)}) is null`);
  return Number(result.rows[0]!.n);
}

export interface Step1Rows {
  positions: number;
  versions: number;
  links: number;
}

/** Rows of positions, versions and links per entity ("" = the sum). */
export async function step1Rows(db: Db): Promise<Map<string, Step1Rows>> {
  const result = await db.execute<{ entity_id: string; positions: number; versions: number; links: number }>(sql`
    select e.id as entity_id,
           (select count(*) from positions x where x.entity_id = e.id)::int as positions,
           (select count(*) from position_versions x where x.entity_id = e.id and x.version_number = 1)::int as versions,
           (select count(*) from position_links x where x.entity_id = e.id)::int as links
    from entities e`);
  const rows = new Map<string, Step1Rows>();
  const total: Step1Rows = { positions: 0, versions: 0, links: 0 };
  for (const row of result.rows) {
    const counts = { positions: Number(row.positions), versions: Number(row.versions), links: Number(row.links) };
    rows.set(row.entity_id, counts);
    total.positions += counts.positions;
    total.versions += counts.versions;
    total.links += counts.links;
  }
  rows.set("", total);
  return rows;
}

/** Throws unless both have the same rows per entity. */
export function assertSameRows(what: string, actual: Map<string, Step1Rows>, expected: Map<string, Step1Rows>): void {
  for (const [entityId, want] of expected) {
    const got = actual.get(entityId);
    if (!got || got.positions !== want.positions || got.versions !== want.versions || got.links !== want.links) {
      throw new Error(`${what}: entity ${entityId || "(all)"} has ${JSON.stringify(got)}, runStep1 made ${JSON.stringify(want)}`);
    }
  }
}
