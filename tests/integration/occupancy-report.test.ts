import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { occupancyOn, totalsOf, type LinkFacts, type PositionVersionFacts } from "@/lib/domain/reports/occupancy-rules";
import { OCCUPANCY_DIMENSIONS, occupancyReport } from "@/lib/domain/reports/occupancy-report";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";

describe(`needs against occupancy, as of a date (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 17, referenceDate: RUN_DATE });

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    for (const entity of data.entities.slice(0, 3)) await runStep1(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId: null });
    // Variety the rules must handle: a frozen and an abolished position from a later date, a second
    // part-timer sharing a position, a link that ends, a position planned for the future.
    await t.db.execute(sql`
      with picked as (select position_id, row_number() over (order by position_id) as n from position_versions where valid_to is null)
      update position_versions v set lifecycle = case when p.n = 1 then 'frozen'::position_lifecycle else 'abolished'::position_lifecycle end
      from picked p where p.position_id = v.position_id and p.n <= 2`);
    await t.db.execute(sql`update position_links set valid_to = '2025-09-01' where id = (select id from position_links order by id limit 1)`);
    await t.db.execute(sql`update position_versions set valid_from = '2026-01-01' where position_id = (select position_id from position_versions order by position_id desc limit 1)`);
    // Ids are random, so the shared position is chosen among those the changes above left alone:
    // active, valid since step 1, its link still running.
    await t.db.execute(sql`
      insert into position_links (entity_id, position_id, relation_id, fte, valid_from)
      select l.entity_id, l.position_id, r.id, 0.5, '2025-07-01'
      from position_links l
      join position_versions v on v.position_id = l.position_id and v.valid_to is null and v.lifecycle = 'active' and v.valid_from <= '2025-07-01'
      join employment_relations r on r.entity_id = l.entity_id and not exists (select 1 from position_links x where x.relation_id = r.id)
      where l.valid_to is null
      order by l.id desc, r.id limit 1`);
  });
  afterAll(async () => t?.dispose());

  async function expected(date: string) {
    const versions = await t.db.execute<{ position_id: string; fte: string; lifecycle: PositionVersionFacts["lifecycle"]; valid_from: string; valid_to: string | null }>(sql`
      select position_id, fte, lifecycle, valid_from::text, valid_to::text from position_versions`);
    const links = await t.db.execute<{ position_id: string; fte: string; valid_from: string; valid_to: string | null }>(sql`
      select position_id, fte, valid_from::text, valid_to::text from position_links`);
    return totalsOf(
      occupancyOn(
        date,
        versions.rows.map((v) => ({ positionId: v.position_id, fte: Number(v.fte), lifecycle: v.lifecycle, validFrom: v.valid_from, validTo: v.valid_to })),
        links.rows.map((l): LinkFacts => ({ positionId: l.position_id, fte: Number(l.fte), validFrom: l.valid_from, validTo: l.valid_to })),
      ),
    );
  }

  it.each(["2025-06-14", RUN_DATE, "2025-07-01", "2025-09-01", "2026-01-01"])("gives on %s the totals the rules give row by row, whatever the grouping", async (date) => {
    const want = await expected(date);
    for (const by of OCCUPANCY_DIMENSIONS) {
      const { groups, totals } = await occupancyReport(t.db, { scope: "all", date, by });
      expect(totals, `${by} on ${date}`).toEqual(want);
      expect(groups.reduce((sum, g) => sum + g.positions, 0)).toBe(want.positions);
    }
  });

  it("has positions, shared and over-occupied ones, and nothing before step 1 ran", async () => {
    const after = await expected("2025-07-01");
    expect(after.positions).toBeGreaterThan(100);
    expect(after.frozen).toBe(1);
    expect(after.overOccupied).toBe(1);
    expect((await expected("2025-06-14")).positions).toBe(0);
  });

  it("keeps to the entities in scope", async () => {
    const [first] = data.entities;
    const { groups, totals } = await occupancyReport(t.db, { scope: [first!.id], date: "2025-07-01", by: "entity" });
    expect(groups.map((g) => g.key)).toEqual([first!.code]);
    const all = await occupancyReport(t.db, { scope: "all", date: "2025-07-01", by: "entity" });
    expect(totals.positions).toBeLessThan(all.totals.positions);
    expect((await occupancyReport(t.db, { scope: [], date: "2025-07-01", by: "entity" })).groups).toEqual([]);
  });
});
