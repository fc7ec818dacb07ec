import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { seedDemoStages } from "../../lib/demo/seed-stages";
import { DEMO_STAGES, type DemoStage } from "../../lib/demo/stages";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const TODAY = "2026-03-10";

/** Where each stage leaves the onboarding: step and state. */
const EXPECTED: Record<DemoStage, [number, string]> = {
  step2: [2, "waiting_entity"],
  step3: [3, "waiting_entity"],
  step4: [4, "waiting_central"],
  step4Failed: [4, "failed"],
  step5: [5, "waiting_entity"],
  step6: [6, "waiting_central"],
  onboarded: [7, "done"],
  onboardedWithPlan: [7, "done"],
  reopened: [5, "waiting_entity"],
};

describe(`the demo's entities taken through their steps (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 5, referenceDate: TODAY });
  const codeOf = new Map(data.entities.map((e) => [e.code, e.id]));
  const id = (code: string) => codeOf.get(code)!;
  const rows = async <R extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await t.db.execute<R>(query)).rows;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    await seedDemoStages(t, { today: TODAY, expertEmail: "expert@demo.vlaanderen.be" });
  }, 240_000);
  afterAll(async () => t?.dispose());

  it("puts every staged entity where its stage says, and leaves the browser tests' entities at step 1 without positions", async () => {
    const found = await rows<{ code: string; current_step: number; current_state: string; positions: number }>(sql`
      select e.code, o.current_step, o.current_state, (select count(*)::int from positions p where p.entity_id = e.id) as positions
      from onboardings o join entities e on e.id = o.entity_id`);
    const byCode = new Map(found.map((r) => [r.code, r]));
    for (const plan of DEMO_STAGES) {
      expect({ code: plan.code, at: [byCode.get(plan.code)!.current_step, byCode.get(plan.code)!.current_state] }).toEqual({ code: plan.code, at: EXPECTED[plan.stage] });
    }
    for (const code of ["DFB", "DOMG", "VMM", "AGO"]) expect(byCode.get(code)).toMatchObject({ current_step: 1, current_state: "not_started", positions: 0 });
  });

  it("ran the automated steps as jobs of the central expert, on their dates; only the planned one failed, with its reason", async () => {
    const jobs = await rows<{ type: string; state: string; error: string | null; code: string; email: string }>(sql`
      select j.type, j.state, j.error, e.code, u.email from job_runs j join entities e on e.id = j.entity_id join users u on u.id = j.created_by`);
    expect(new Set(jobs.map((j) => j.email))).toEqual(new Set(["expert@demo.vlaanderen.be"]));
    const failed = jobs.filter((j) => j.state !== "succeeded");
    expect(failed.map((j) => [j.code, j.type, j.state])).toEqual([["DEWI", "onboarding.step4", "failed"]]);
    expect(failed[0]!.error).toMatch(/niet meer actief zijn \(organisatie-eenheid /);
    const hfb = DEMO_STAGES.find((s) => s.code === "HFB")!;
    const [run] = await rows<{ note: string }>(sql`select note from onboarding_step_runs where entity_id = ${id("HFB")} and step = 1 and state = 'done'`);
    expect(run!.note).toBe(new Date(Date.parse(`${TODAY}T00:00:00Z`) - hfb.daysAgo.step1 * 86_400_000).toISOString().slice(0, 10));
    const [queued] = await rows<{ n: number }>(sql`select count(*)::int as n from pgboss.job where state not in ('completed', 'failed')`);
    expect(queued!.n).toBe(0);
  });

  it("did the entity's steps as its HR officer: corrections, a refused first template, half of step 5 online", async () => {
    const actions = await rows<{ code: string; action: string; email: string }>(sql`
      select e.code, a.action, u.email from audit_events a join entities e on e.id = a.entity_id join users u on u.id = a.actor_id
      where a.action in ('position.correct', 'onboarding.step3.upload.preview', 'onboarding.step5.assign')`);
    expect(actions.filter((a) => a.code === "ADV" && a.action === "position.correct")).toHaveLength(2);
    expect(new Set(actions.filter((a) => ["ADV", "AJH", "ABB", "HFB"].includes(a.code)).map((a) => a.email))).toEqual(new Set(["hr.kbbj@demo.vlaanderen.be"]));
    const [refused] = await rows<{ state: string; errors: number }>(sql`
      select state, (summary->>'errors')::int as errors from import_runs where entity_id = ${id("AJH")} and kind = 'position-template'`);
    expect(refused).toMatchObject({ state: "rejected" });
    expect(refused!.errors).toBeGreaterThanOrEqual(3);
    const [abb] = await rows<{ chosen: number; open: number }>(sql`
      select count(*) filter (where assigned_relation_id is not null)::int as chosen, count(*) filter (where assigned_relation_id is null)::int as open
      from position_requests where entity_id = ${id("ABB")} and position_id is not null`);
    expect(abb!.chosen).toBeGreaterThan(0);
    expect(abb!.open).toBeGreaterThan(0);
  });

  it("keeps HFB's personnel plan after its onboarding: shared, frozen, abolished and planned positions", async () => {
    const [plan] = await rows<{ over: number; frozen: number; abolished: number; planned: number; vacant_requested: number }>(sql`
      select
        (select count(*)::int from (select l.position_id from position_links l join position_versions v on v.position_id = l.position_id and v.valid_to is null
           where l.entity_id = ${id("HFB")} and l.valid_from <= ${TODAY}::date and (l.valid_to is null or l.valid_to > ${TODAY}::date)
           group by l.position_id, v.fte having sum(l.fte) > v.fte) o) as over,
        (select count(*)::int from position_versions where entity_id = ${id("HFB")} and lifecycle = 'frozen') as frozen,
        (select count(*)::int from position_versions where entity_id = ${id("HFB")} and lifecycle = 'abolished') as abolished,
        (select count(*)::int from positions p join position_versions v on v.position_id = p.id
           where p.entity_id = ${id("HFB")} and p.origin = 'manual' and v.valid_from > ${TODAY}::date) as planned,
        (select count(*)::int from position_requests where entity_id = ${id("HFB")} and relation_id is not null and position_id is not null and assigned_relation_id is null) as vacant_requested`);
    expect(plan).toEqual({ over: 1, frozen: 1, abolished: 1, planned: 2, vacant_requested: 1 });
  });

  it("reopened step 5 of DWSE with a reason, after its onboarding was complete", async () => {
    const [reopen] = await rows<{ reason: string }>(sql`select after->>'reason' as reason from audit_events where entity_id = ${id("DWSE")} and action = 'onboarding.reopen'`);
    expect(reopen!.reason).toMatch(/controlerapport/);
    const [links] = await rows<{ n: number }>(sql`select count(*)::int as n from position_links l join positions p on p.id = l.position_id where l.entity_id = ${id("DWSE")} and p.origin = 'template'`);
    expect(links!.n).toBeGreaterThan(0);
  });
});
