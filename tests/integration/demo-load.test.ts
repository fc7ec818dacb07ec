import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData, summarizeMix, type DemoData } from "../../lib/demo/generate";
import { isDatabaseEmpty, loadDemoData } from "../../lib/demo/load";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const TABLES: readonly [keyof Omit<DemoData, "meta">, string][] = [
  ["policyAreas", "policy_areas"],
  ["entities", "entities"],
  ["orgUnits", "org_units"],
  ["costCentres", "cost_centres"],
  ["dutyLocations", "duty_locations"],
  ["grades", "grades"],
  ["functionFamilies", "function_families"],
  ["functionProfiles", "function_profiles"],
  ["persons", "persons"],
  ["employmentRelations", "employment_relations"],
  ["users", "users"],
  ["userGrants", "user_grants"],
  ["onboardings", "onboardings"],
];

describe(`loading the small demo data set (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 7, referenceDate: "2025-06-15" });

  const countRows = async (table: string) => {
    const result = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
    return Number(result.rows[0]?.n);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 180_000);

  afterAll(async () => {
    await database?.dispose();
  });

  it("loads every generated row, in one go", async () => {
    expect(await isDatabaseEmpty(database.db)).toBe(true);

    const started = performance.now();
    await loadDemoData(database.db, data);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[demo-load] ${database.kind}: ${data.employmentRelations.length} relations, ${data.persons.length} persons loaded in ${seconds.toFixed(2)} s`,
    );

    expect(await isDatabaseEmpty(database.db)).toBe(false);
    for (const [key, table] of TABLES) {
      expect({ table, rows: await countRows(table) }).toEqual({ table, rows: data[key].length });
    }
  }, 120_000);

  it("stores the case mix as generated", async () => {
    const mix = summarizeMix(data);
    const result = await database.db.execute<{ leave: number; non_employee: number; mandates: number; no_profile: number; part_time: number; future: number }>(sql`
      select
        count(*) filter (where status = 'leave')::int as leave,
        count(*) filter (where kind = 'non_employee')::int as non_employee,
        count(*) filter (where legal_status = 'mandate' and status = 'active' and end_date > ${data.meta.referenceDate}::date)::int as mandates,
        count(*) filter (where function_profile_id is null)::int as no_profile,
        count(*) filter (where fte < 1)::int as part_time,
        count(*) filter (where start_date > ${data.meta.referenceDate}::date)::int as future
      from employment_relations`);
    expect(result.rows[0]).toEqual({
      leave: mix.cases.leave,
      non_employee: mix.cases.nonEmployee,
      mandates: mix.cases.mandateHolder,
      no_profile: mix.cases.missingFunctionCode,
      part_time: mix.cases.partTime,
      future: mix.cases.startingNextMonth,
    });
  });

  it("links the demo accounts to their entities", async () => {
    const result = await database.db.execute<{ email: string; role: string; code: string | null }>(sql`
      select u.email, g.role, e.code
      from user_grants g join users u on u.id = g.user_id left join entities e on e.id = g.entity_id
      where u.email = 'hr.omgeving@demo.vlaanderen.be'
      order by e.code`);
    expect(result.rows.map((r) => r.code)).toEqual(["DOMG", "VMM"]);
  });

  it("leaves the database as it was when a load fails halfway", async () => {
    // New persons (from another seed, moved onto the loaded entities) go in fine; the relations
    // that follow are the loaded ones again and hit their primary key: all must roll back.
    const other = generateDemoData({ size: "small", seed: 8, referenceDate: data.meta.referenceDate });
    const entityIdByCode = new Map(data.entities.map((e) => [e.code, e.id]));
    const otherCode = new Map(other.entities.map((e) => [e.id, e.code]));
    const taken = new Set(data.persons.map((p) => `${p.entityId}/${p.vlimpersNumber}`));
    const newPersons = other.persons
      .map((p) => ({ ...p, entityId: entityIdByCode.get(otherCode.get(p.entityId) ?? "") ?? "" }))
      .filter((p) => !taken.has(`${p.entityId}/${p.vlimpersNumber}`));
    const empty = Object.fromEntries(TABLES.map(([key]) => [key, []])) as unknown as Omit<DemoData, "meta">;
    const halfway: DemoData = { ...empty, meta: data.meta, persons: newPersons, employmentRelations: data.employmentRelations };

    const error = await loadDemoData(database.db, halfway).then(
      () => null,
      (e: unknown) => e as { cause?: { code?: string; table?: string } },
    );
    // 23505 unique_violation, raised by the relations: the persons before them had gone in.
    expect(error?.cause).toMatchObject({ code: "23505", table: "employment_relations" });
    expect(await countRows("persons")).toBe(data.persons.length);
    expect(await countRows("employment_relations")).toBe(data.employmentRelations.length);
  });
});
