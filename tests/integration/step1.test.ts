import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { createStep1Positions, step1Counts } from "@/lib/domain/step1/step1-queries";
import { step1Outcome, STEP1_REASONS } from "@/lib/domain/step1/step1-rules";
import { requestedInTemplateSql, step1EligibleSql, step1ReasonSql } from "@/lib/domain/step1/step1-sql";
import { markStep1Failed, runStep1, startStep1 } from "@/lib/domain/step1/run-step1";
import { AppError } from "@/lib/errors/app-error";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";

describe(`step 1 on the small demo data (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 5, referenceDate: RUN_DATE });
  const [first, second, third] = data.entities;

  const count = async (query: ReturnType<typeof sql>) => Number((await t.db.execute<{ n: number }>(query)).rows[0]!.n);
  const positionsOf = (entityId: string) => count(sql`select count(*)::int as n from positions where entity_id = ${entityId}`);

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
  });
  afterAll(async () => {
    await stopQueue(t);
    await t?.dispose();
  });

  it("gives every relation the same outcome in SQL as the rules in TypeScript", async () => {
    const rows = await t.db.execute<{
      id: string;
      kind: "employee" | "non_employee";
      status: "active" | "leave" | "inactive";
      start_date: string;
      end_date: string | null;
      has_function_code: boolean;
      in_personnel_list: boolean;
      has_current_link: boolean;
      has_requested_position: boolean;
      reason: string | null;
    }>(sql`
      select r.id, r.kind, r.status, r.start_date::text, r.end_date::text, r.function_profile_id is not null as has_function_code,
             r.in_personnel_list,
             exists (select 1 from position_links l where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${RUN_DATE}::date)) as has_current_link,
             ${requestedInTemplateSql} as has_requested_position,
             ${step1ReasonSql(RUN_DATE)} as reason
      from employment_relations r`);
    expect(rows.rows.length).toBe(data.employmentRelations.length);
    const seen = new Set<string>();
    for (const row of rows.rows) {
      const outcome = step1Outcome(
        {
          kind: row.kind,
          status: row.status,
          startDate: row.start_date,
          endDate: row.end_date,
          hasFunctionCode: row.has_function_code,
          inPersonnelList: row.in_personnel_list,
          hasCurrentLink: row.has_current_link,
          hasRequestedPosition: row.has_requested_position,
        },
        RUN_DATE,
      );
      const expected = outcome.create ? null : outcome.reason;
      expect({ id: row.id, reason: row.reason }).toEqual({ id: row.id, reason: expected });
      seen.add(row.reason ?? "create");
    }
    // The plain eligibility conditions select exactly the relations without a reason.
    const disagreements = await count(sql`
      select count(*)::int as n from employment_relations r
      where (${step1EligibleSql(RUN_DATE)}) <> ((${step1ReasonSql(RUN_DATE)}) is null)`);
    expect(disagreements).toBe(0);
    // The demo mix reaches the interesting outcomes, so this comparison means something.
    for (const outcome of ["create", "non_employee", "inactive", "leave", "not_yet_in_service", "no_function_code"]) expect(seen).toContain(outcome);
  });

  it("creates one position per eligible relation from its own data, linked to it; a second run creates nothing", async () => {
    const before = await step1Counts(t.db, first!.id, RUN_DATE);
    expect(before.create).toBeGreaterThan(0);
    const result = await runStep1(t.db, { entityId: first!.id, runDate: RUN_DATE, actorId: null });
    expect(result.created).toBe(before.create);
    expect(await positionsOf(first!.id)).toBe(before.create);

    const mismatches = await count(sql`
      select count(*)::int as n
      from position_links l
      join employment_relations r on r.id = l.relation_id
      join position_versions v on v.position_id = l.position_id and v.valid_to is null
      join function_profiles fp on fp.id = r.function_profile_id
      where l.entity_id = ${first!.id}
        and (v.fte <> r.fte or v.grade_id is distinct from r.grade_id or v.org_unit_id is distinct from r.org_unit_id
             or v.cost_centre_id is distinct from r.cost_centre_id or v.function_code <> fp.code or v.function_title <> fp.title
             or l.fte <> r.fte or l.valid_from <> ${RUN_DATE}::date or v.entity_id <> r.entity_id)`);
    expect(mismatches).toBe(0);
    expect(await count(sql`select count(distinct number)::int as n from positions where entity_id = ${first!.id}`)).toBe(before.create);

    const again = await runStep1(t.db, { entityId: first!.id, runDate: RUN_DATE, actorId: null });
    expect(again.created).toBe(0);
    expect(again.counts.create).toBe(0);
    expect(again.counts.already_linked).toBe(before.already_linked + before.create);
    for (const reason of STEP1_REASONS.filter((r) => r !== "already_linked")) expect(again.counts[reason]).toBe(before[reason]);
    expect(await positionsOf(first!.id)).toBe(before.create);
    // Other entities are untouched.
    expect(await positionsOf(second!.id)).toBe(0);
  });

  it("links a relation with an end date until that date, and a late delivery of a finished job changes nothing", async () => {
    const ended = await count(sql`
      select count(*)::int as n from position_links l join employment_relations r on r.id = l.relation_id
      where l.entity_id = ${first!.id} and r.end_date is not null and l.valid_to <> r.end_date + 1`);
    expect(ended).toBe(0);
    const [stepRun] = (
      await t.db.execute<{ id: string }>(sql`
        insert into onboarding_step_runs (entity_id, step, state, counts, note, finished_at)
        values (${first!.id}, 1, 'done', ${JSON.stringify({ create: 7, created: 7 })}::jsonb, ${RUN_DATE}, now()) returning id`)
    ).rows;
    const replay = await runStep1(t.db, { entityId: first!.id, runDate: RUN_DATE, actorId: null, stepRunId: stepRun!.id });
    expect(replay.created).toBe(7);
    const [after] = (await t.db.execute<{ counts: Record<string, number> }>(sql`select counts from onboarding_step_runs where id = ${stepRun!.id}`)).rows;
    expect(after!.counts).toEqual({ create: 7, created: 7 });
  });

  it("leaves nothing behind when the run fails halfway", async () => {
    const expected = (await step1Counts(t.db, second!.id, RUN_DATE)).create;
    await t.ownerDb.execute(sql`create function fail_links() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await t.ownerDb.execute(sql`create trigger fail_links before insert on position_links for each statement execute function fail_links()`);
    await expect(runStep1(t.db, { entityId: second!.id, runDate: RUN_DATE, actorId: null })).rejects.toThrow();
    await t.ownerDb.execute(sql`drop trigger fail_links on position_links`);
    expect(await positionsOf(second!.id)).toBe(0);
    expect(await count(sql`select count(*)::int as n from position_versions where entity_id = ${second!.id}`)).toBe(0);
    // A rerun completes it.
    expect((await runStep1(t.db, { entityId: second!.id, runDate: RUN_DATE, actorId: null })).created).toBe(expected);
  });

  it("runs two simultaneous runs of one entity one after the other: positions are made once", async () => {
    const expected = (await step1Counts(t.db, third!.id, RUN_DATE)).create;
    const results = await Promise.all([
      runStep1(t.db, { entityId: third!.id, runDate: RUN_DATE, actorId: null }),
      runStep1(t.db, { entityId: third!.id, runDate: RUN_DATE, actorId: null }),
    ]);
    expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, expected]);
    expect(await positionsOf(third!.id)).toBe(expected);
  });

  it("refuses a second start while step 1 is queued for the entity", async () => {
    await queueFor(t);
    const entity = data.entities[3]!;
    const actorId = data.users[0]!.id;
    await startStep1(t, { entityId: entity.id, runDate: RUN_DATE, actorId });
    const error = await startStep1(t, { entityId: entity.id, runDate: RUN_DATE, actorId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    // Once its job failed for good, the run is closed as failed and a new start is allowed.
    const [running] = (await t.db.execute<{ id: string }>(sql`select id from onboarding_step_runs where entity_id = ${entity.id} and state = 'running'`)).rows;
    await markStep1Failed(t.db, { entityId: entity.id, stepRunId: running!.id });
    const [onboarding] = (await t.db.execute<{ current_state: string }>(sql`select current_state from onboardings where entity_id = ${entity.id}`)).rows;
    expect(onboarding!.current_state).toBe("failed");
    await expect(startStep1(t, { entityId: entity.id, runDate: RUN_DATE, actorId })).resolves.toMatchObject({ stepRunId: expect.any(String) });
  });

  it("lets only one of two simultaneous starts through", async () => {
    await queueFor(t);
    // An entity still at step 1: the earlier tests ran step 1 for the first three, the one before started it for the fourth.
    const entity = data.entities[4]!;
    const actorId = data.users[0]!.id;
    const results = await Promise.allSettled([
      startStep1(t, { entityId: entity.id, runDate: RUN_DATE, actorId }),
      startStep1(t, { entityId: entity.id, runDate: RUN_DATE, actorId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe("conflict");
    expect(await count(sql`select count(*)::int as n from onboarding_step_runs where entity_id = ${entity.id} and step = 1 and state = 'running'`)).toBe(1);
  });

  it("does not create positions with the raw insert twice either: the chosen set excludes linked relations", async () => {
    const entity = data.entities[4]!;
    const created = await t.db.transaction((tx) => createStep1Positions(tx, { entityId: entity.id, runDate: RUN_DATE, actorId: null }));
    expect(created).toBeGreaterThan(0);
    expect(await t.db.transaction((tx) => createStep1Positions(tx, { entityId: entity.id, runDate: RUN_DATE, actorId: null }))).toBe(0);
  });

  it("makes no second position for a relation the template already requests, once it is eligible on a later run", async () => {
    const entity = third!;
    // Someone starting on 1 August: left for step 3 by the June run, where the entity requests their position.
    const inserted = await t.db.execute<{ id: string }>(sql`
      insert into employment_relations (entity_id, person_id, relation_number, kind, legal_status, status, start_date, fte, function_profile_id, grade_id, org_unit_id)
      select entity_id, person_id, 9, kind, legal_status, status, '2025-08-01', fte, function_profile_id, grade_id, org_unit_id
      from employment_relations
      where entity_id = ${entity.id} and kind = 'employee' and status = 'active' and function_profile_id is not null and grade_id is not null and org_unit_id is not null
      order by id limit 1
      returning id`);
    const late = inserted.rows[0]!.id;
    const reasonOn = async (date: string) => (await t.db.execute<{ reason: string | null }>(sql`select ${step1ReasonSql(date)} as reason from employment_relations r where r.id = ${late}`)).rows[0]!.reason;
    expect(await reasonOn(RUN_DATE)).toBe("not_yet_in_service");
    const file = await t.db.execute<{ id: string }>(sql`
      insert into stored_files (entity_id, purpose, file_name, content_type, size_bytes, sha256, content)
      values (${entity.id}, 'position-template-upload', 'sjabloon.xlsx', 'application/octet-stream', 1, 'x', '\\x00'::bytea) returning id`);
    const run = await t.db.execute<{ id: string }>(sql`
      insert into import_runs (entity_id, kind, state, file_id) values (${entity.id}, 'position-template', 'committed', ${file.rows[0]!.id}) returning id`);
    await t.db.execute(sql`
      insert into position_requests (entity_id, import_run_id, row_number, relation_id, decision, function_profile_id, grade_id, org_unit_id, fte)
      select entity_id, ${run.rows[0]!.id}, 2, id, 'requested', function_profile_id, grade_id, org_unit_id, fte from employment_relations where id = ${late}`);

    expect(await reasonOn("2025-09-01")).toBe("requested_in_step3");
    expect((await step1Counts(t.db, entity.id, "2025-09-01")).requested_in_step3).toBe(1);
    await runStep1(t.db, { entityId: entity.id, runDate: "2025-09-01", actorId: null });
    expect(await count(sql`select count(*)::int as n from position_links where relation_id = ${late}`)).toBe(0);
  });
});

// The full demo data (~30,000 relations) on PostgreSQL: every relation gets the outcome the rules give.
describe.runIf(testDatabaseKind() === "postgres")("step 1 on the full demo data (postgres)", () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "full", seed: 3, referenceDate: RUN_DATE });

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
  });
  afterAll(async () => t?.dispose());

  it("counts per outcome and reason equal what the rules give row by row, and a run creates exactly the eligible ones", async () => {
    const expected: Record<string, number> = {};
    for (const r of data.employmentRelations) {
      const outcome = step1Outcome(
        {
          kind: r.kind,
          status: r.status,
          startDate: r.startDate,
          endDate: r.endDate ?? null,
          hasFunctionCode: r.functionProfileId != null,
          inPersonnelList: r.inPersonnelList ?? true,
          hasCurrentLink: false,
          hasRequestedPosition: false,
        },
        RUN_DATE,
      );
      const key = outcome.create ? "create" : outcome.reason;
      expected[key] = (expected[key] ?? 0) + 1;
    }
    const actual: Record<string, number> = {};
    for (const entity of data.entities) {
      const counts = await step1Counts(t.db, entity.id, RUN_DATE);
      for (const [key, n] of Object.entries(counts)) if (n) actual[key] = (actual[key] ?? 0) + n;
    }
    expect(actual).toEqual(expected);
    let created = 0;
    for (const entity of data.entities) created += (await runStep1(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId: null })).created;
    expect(created).toBe(expected.create);
  });

});
