import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, employmentRelations, persons, positionLinks, positions, positionVersions, userGrants, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { createSlot } from "@/lib/domain/planning/planning-store";
import { createEntity, createPosition, createReference, createRelation } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

/** Rules the database itself holds, whatever the application does. */
describe(`database rules (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let entityId: string;
  let reference: Awaited<ReturnType<typeof createReference>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    entityId = (await createEntity(t.db)).id;
    reference = await createReference(t.db);
  });
  afterAll(async () => t?.dispose());

  const errorOf = async (work: Promise<unknown>) => {
    const error = await work.then(() => null, (e: unknown) => e as { cause?: { message?: string }; message: string });
    expect(error, "the database accepted what it must refuse").not.toBeNull();
    return `${error!.message} ${error!.cause?.message ?? ""}`;
  };

  it("has applied every migration to the empty database", async () => {
    const result = await t.ownerDb.execute<{ count: number }>(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(result.rows[0]!.count).toBeGreaterThanOrEqual(2);
  });

  it("refuses a position version without function code or title", async () => {
    const position = await createPosition(t.db, entityId, reference.profile);
    const version = {
      entityId,
      positionId: position.id,
      versionNumber: 2,
      validFrom: "2025-01-01",
      functionProfileId: reference.profile.id,
      fte: "1.000",
    };
    expect(await errorOf(t.db.insert(positionVersions).values({ ...version, functionCode: " ", functionTitle: "Titel" }))).toMatch(
      /function_code_present/,
    );
    expect(await errorOf(t.db.insert(positionVersions).values({ ...version, functionCode: "FP1", functionTitle: "" }))).toMatch(
      /function_title_present/,
    );
    expect(
      await errorOf(t.db.execute(sql`insert into position_versions (entity_id, position_id, version_number, valid_from, function_profile_id, fte)
        values (${entityId}, ${position.id}, 3, '2025-01-01', ${reference.profile.id}, 1)`)),
    ).toMatch(/null value in column "function_code"/);
  });

  it("keeps one open version per position", async () => {
    const position = await createPosition(t.db, entityId, reference.profile);
    const second = t.db.insert(positionVersions).values({
      entityId,
      positionId: position.id,
      versionNumber: 2,
      validFrom: "2025-01-01",
      functionProfileId: reference.profile.id,
      functionCode: reference.profile.code,
      functionTitle: reference.profile.title,
      fte: "0.5",
    });
    expect(await errorOf(second)).toMatch(/position_versions_one_open/);
  });

  it("gives positions unique numbers from the sequence", async () => {
    const a = await createPosition(t.db, entityId, reference.profile);
    const b = await createPosition(t.db, entityId, reference.profile);
    expect(b.number).toBeGreaterThan(a.number);
    expect(a.number).toBeGreaterThanOrEqual(100001);
    expect(await errorOf(t.db.insert(positions).values({ entityId, origin: "manual", number: a.number }))).toMatch(/unique/i);
  });

  it("refuses a second current link for one employment relation", async () => {
    const { relation } = await createRelation(t.db, entityId);
    const p1 = await createPosition(t.db, entityId, reference.profile);
    const p2 = await createPosition(t.db, entityId, reference.profile);
    await t.db.insert(positionLinks).values({ entityId, positionId: p1.id, relationId: relation.id, fte: "1.000", validFrom: "2025-01-01" });
    const second = t.db.insert(positionLinks).values({ entityId, positionId: p2.id, relationId: relation.id, fte: "0.5", validFrom: "2025-02-01" });
    expect(await errorOf(second)).toMatch(/position_links_one_current_per_relation/);
    // An ended link does not block a new one.
    await t.db.execute(sql`update position_links set valid_to = '2025-01-31' where relation_id = ${relation.id}`);
    await t.db.insert(positionLinks).values({ entityId, positionId: p2.id, relationId: relation.id, fte: "0.5", validFrom: "2025-02-01" });
  });

  it("refuses FTE outside (0, 1] on relations, positions and links", async () => {
    expect(await errorOf(createRelation(t.db, entityId, { fte: "0" }))).toMatch(/fte_range/);
    expect(await errorOf(createRelation(t.db, entityId, { fte: "1.2" }))).toMatch(/fte_range/);
  });

  it("refuses tenant rows without an entity", async () => {
    expect(
      await errorOf(t.db.execute(sql`insert into persons (vlimpers_number, first_name, last_name) values ('123456', 'A', 'B')`)),
    ).toMatch(/null value in column "entity_id"/);
    expect(await errorOf(t.db.execute(sql`insert into positions (origin) values ('manual')`))).toMatch(/null value in column "entity_id"/);
    expect(
      await errorOf(t.db.execute(sql`insert into persons (entity_id, vlimpers_number, first_name, last_name)
        values ('00000000-0000-4000-8000-000000000000', '123456', 'A', 'B')`)),
    ).toMatch(/foreign key/);
  });

  it("refuses Vlimpers numbers that are not six digits", async () => {
    expect(await errorOf(t.db.insert(persons).values({ entityId, vlimpersNumber: "12345", firstName: "A", lastName: "B" }))).toMatch(
      /vlimpers_format/,
    );
  });

  it("refuses an HR grant without entity and a central-expert grant tied to one", async () => {
    const [user] = await t.db.insert(users).values({ email: "grant@test", name: "Grant" }).returning();
    expect(await errorOf(t.db.insert(userGrants).values({ userId: user!.id, role: "entity_hr", entityId: null }))).toMatch(/hr_has_entity/);
    expect(await errorOf(t.db.insert(userGrants).values({ userId: user!.id, role: "central_expert", entityId }))).toMatch(/expert_is_global/);
    await t.db.insert(userGrants).values({ userId: user!.id, role: "manager", entityId: null });
    expect(await errorOf(t.db.insert(userGrants).values({ userId: user!.id, role: "manager", entityId: null }))).toMatch(/user_grants_unique/);
  });

  it("keeps the audit trail append-only", async () => {
    await recordAudit(t.db, { actorId: null, action: "test.write", objectType: "test", entityId, after: { a: 1 } });
    // The application's role may not change or remove audit rows at all; the owner is stopped by the trigger.
    expect(await errorOf(t.db.update(auditEvents).set({ action: "tampered" }))).toMatch(/permission denied/);
    expect(await errorOf(t.db.delete(auditEvents))).toMatch(/permission denied/);
    expect(await errorOf(t.ownerDb.update(auditEvents).set({ action: "tampered" }))).toMatch(/append-only/);
    expect(await errorOf(t.ownerDb.delete(auditEvents))).toMatch(/append-only/);
    const rows = await t.db.select().from(auditEvents);
    expect(rows.map((r) => r.action)).toContain("test.write");
  });

  it("rolls a change back when its audit row cannot be written", async () => {
    const actor = (await t.db.insert(users).values({ email: "audit-fail@example.org", name: "Audit" }).returning({ id: users.id }))[0]!.id;
    // The audit write of this one kind of change fails (as a full disk or a broken trigger would).
    await t.ownerDb.execute(sql`alter table audit_events add constraint audit_test_refuse check (action <> 'planning.create-slot') not valid`);
    try {
      const slots = async () => Number((await t.db.execute<{ n: number }>(sql`select count(*)::int as n from onboarding_slots`)).rows[0]!.n);
      const before = await slots();
      expect(await errorOf(createSlot(t.db, { month: "2030-01-01", capacity: 2, note: null, actorId: actor }))).toMatch(/audit_test_refuse/);
      expect(await slots()).toBe(before);
    } finally {
      await t.ownerDb.execute(sql`alter table audit_events drop constraint audit_test_refuse`);
    }
  });

  it("refuses an employment relation that ends before it starts", async () => {
    expect(await errorOf(createRelation(t.db, entityId, { startDate: "2025-05-01", endDate: "2025-04-30" }))).toMatch(/employment_relations_dates/);
    const count = await t.db.$count(employmentRelations);
    expect(count).toBeGreaterThan(0);
  });
});
