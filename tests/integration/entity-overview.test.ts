import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { positionLinks, positionVersions } from "@/db/schema";
import { findEntityInScope, findEntityOverviewInScope, listEntityNames, listEntityOnboardings, listEntityOverview } from "@/lib/domain/entities/queries";
import { createEntity, createPosition, createReference, createRelation } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

describe(`entity overview (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let a: { id: string; code: string };
  let b: { id: string; code: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    a = await createEntity(t.db, { name: "A-entiteit" });
    b = await createEntity(t.db, { name: "B-entiteit" });
    const reference = await createReference(t.db);
    const r1 = await createRelation(t.db, a.id, { fte: "0.8" });
    await createRelation(t.db, a.id, { status: "leave" });
    await createRelation(t.db, a.id, { inPersonnelList: false });
    await createRelation(t.db, b.id);
    const position = await createPosition(t.db, a.id, reference.profile);
    await createPosition(t.db, a.id, reference.profile);
    await t.db.insert(positionLinks).values({ entityId: a.id, positionId: position.id, relationId: r1.relation.id, fte: "0.8", validFrom: "2024-01-01" });
  });
  afterAll(async () => t?.dispose());

  it("counts relations still in the personnel list, positions and FTE valid on the date", async () => {
    const rows = await listEntityOverview(t.db, { scope: "all", asOf: "2025-06-30" });
    const rowA = rows.find((r) => r.id === a.id)!;
    expect(rowA).toMatchObject({ relationCount: 2, activeRelationCount: 1, positionCount: 2, positionFte: 2, occupiedFte: 0.8, currentStep: 1, currentState: "not_started" });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ relationCount: 1, positionCount: 0, occupiedFte: 0 });
  });

  it("counts a position corrected on the date once, ends links on their end date, and counts vacant FTE per position", async () => {
    const c = await createEntity(t.db, { name: "C-entiteit" });
    const reference = await createReference(t.db);
    const corrected = await createPosition(t.db, c.id, reference.profile);
    const vacant = await createPosition(t.db, c.id, reference.profile);
    // A correction on 2025-03-01 closes version 1 that day and opens version 2 from it.
    const [first] = await t.db
      .update(positionVersions)
      .set({ validTo: "2025-03-01" })
      .where(and(eq(positionVersions.positionId, corrected.id), eq(positionVersions.versionNumber, 1)))
      .returning();
    const { id: _id, createdAt: _createdAt, ...copy } = first!;
    await t.db.insert(positionVersions).values({ ...copy, versionNumber: 2, validFrom: "2025-03-01", validTo: null });
    // Over-occupied by 0.5 FTE; the other position's only link ended the day before.
    const [r1, r2, r3] = [await createRelation(t.db, c.id), await createRelation(t.db, c.id, { fte: "0.5" }), await createRelation(t.db, c.id)];
    await t.db.insert(positionLinks).values([
      { entityId: c.id, positionId: corrected.id, relationId: r1.relation.id, fte: "1", validFrom: "2024-01-01" },
      { entityId: c.id, positionId: corrected.id, relationId: r2.relation.id, fte: "0.5", validFrom: "2024-01-01" },
      { entityId: c.id, positionId: vacant.id, relationId: r3.relation.id, fte: "1", validFrom: "2024-01-01", validTo: "2025-03-01" },
    ]);
    const [row] = await listEntityOverview(t.db, { scope: [c.id], asOf: "2025-03-01" });
    expect(row).toMatchObject({ positionCount: 2, positionFte: 2, occupiedFte: 1.5, vacantFte: 1 });
    const [before] = await listEntityOverview(t.db, { scope: [c.id], asOf: "2025-02-28" });
    expect(before).toMatchObject({ positionCount: 2, positionFte: 2, occupiedFte: 2.5, vacantFte: 0 });
  });

  it("counts nothing before the positions existed", async () => {
    const [rowA] = await listEntityOverview(t.db, { scope: [a.id], asOf: "2023-12-31" });
    expect(rowA).toMatchObject({ positionCount: 0, positionFte: 0, occupiedFte: 0 });
  });

  it("returns only entities in scope, and nothing for an empty scope", async () => {
    expect((await listEntityOverview(t.db, { scope: [b.id], asOf: "2025-01-01" })).map((r) => r.id)).toEqual([b.id]);
    expect(await listEntityOverview(t.db, { scope: [], asOf: "2025-01-01" })).toEqual([]);
    expect(await listEntityNames(t.db, [b.id])).toEqual([{ id: b.id, code: b.code, name: "B-entiteit" }]);
    expect(await listEntityNames(t.db, [])).toEqual([]);
    expect(await findEntityInScope(t.db, { entityId: a.id, scope: [b.id] })).toBeNull();
    expect(await findEntityInScope(t.db, { entityId: "not-a-uuid", scope: "all" })).toBeNull();
    expect(await findEntityInScope(t.db, { entityId: a.id, scope: "all" })).toEqual({
      id: a.id,
      code: a.code,
      name: "A-entiteit",
      type: expect.any(String),
      policyAreaCode: expect.any(String),
      policyAreaName: expect.any(String),
      currentStep: 1,
      currentState: "not_started",
    });
    expect(await findEntityOverviewInScope(t.db, { entityId: a.id, scope: [b.id], asOf: "2025-01-01" })).toBeNull();
  });

  it("finds one entity with the same figures as its row in the overview", async () => {
    const [rowA] = await listEntityOverview(t.db, { scope: "all", asOf: "2025-01-01" }).then((rows) => rows.filter((r) => r.id === a.id));
    expect(await findEntityOverviewInScope(t.db, { entityId: a.id, scope: "all", asOf: "2025-01-01" })).toEqual(rowA);
    expect(rowA!.positionCount).toBeGreaterThan(0);
  });

  it("lists the same entities, relations and onboarding without the figures, in scope", async () => {
    const overview = await listEntityOverview(t.db, { scope: "all", asOf: "2025-01-01" });
    const withoutFigures = overview.map(({ positionCount, positionFte, occupiedFte, vacantFte, ...rest }) => rest);
    const onboardings = await listEntityOnboardings(t.db, { scope: "all" });
    expect(onboardings).toEqual(withoutFigures);
    expect(onboardings.find((r) => r.id === a.id)).not.toHaveProperty("positionCount");
    expect((await listEntityOnboardings(t.db, { scope: [b.id] })).map((r) => r.id)).toEqual([b.id]);
    expect(await listEntityOnboardings(t.db, { scope: [] })).toEqual([]);
  });
});
