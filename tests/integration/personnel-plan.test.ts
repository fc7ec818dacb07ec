import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, positionLinks, positions, positionVersions } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { correctPosition } from "@/lib/domain/positions/correct-position";
import { abolishPosition, createPosition, linkRelation, setPositionFrozen, unlinkRelation } from "@/lib/domain/positions/personnel-plan";
import { listPlanPositions, planPositionDetail } from "@/lib/domain/positions/plan-queries";
import { occupancyReport } from "@/lib/domain/reports/occupancy-report";
import { planList } from "@/lib/domain/reports/plan-lists";
import { AppError } from "@/lib/errors/app-error";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

describe(`the personnel plan after onboarding (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 19, referenceDate: "2026-01-15" });
  const entity = data.entities[0]!;
  const actorId = data.users[0]!.id!;
  let codes: { functionCode: string; gradeCode: string; unitCode: string };
  let free: { vlimpers: string; relationNumber: number }[];
  const revision = async (positionId: string) => (await t.db.select({ r: positions.revision }).from(positions).where(eq(positions.id, positionId)))[0]!.r;
  const report = (date: string) => occupancyReport(t.db, { scope: [entity.id], date, by: "entity" }).then((r) => r.totals);

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    const relation = data.employmentRelations.find((r) => r.entityId === entity.id && r.functionProfileId && r.gradeId && r.orgUnitId)!;
    const code = async (table: string, id: string) => (await t.db.execute<{ code: string }>(sql`select code from ${sql.raw(table)} where id = ${id}`)).rows[0]!.code;
    codes = { functionCode: await code("function_profiles", relation.functionProfileId!), gradeCode: await code("grades", relation.gradeId!), unitCode: await code("org_units", relation.orgUnitId!) };
    const rows = await t.db.execute<{ vlimpers: string; relation_number: number }>(sql`
      select p.vlimpers_number as vlimpers, r.relation_number from employment_relations r join persons p on p.id = r.person_id
      where r.entity_id = ${entity.id} and r.end_date is null order by p.vlimpers_number, r.relation_number limit 3`);
    free = rows.rows.map((r) => ({ vlimpers: r.vlimpers, relationNumber: Number(r.relation_number) }));
  });
  afterAll(async () => t?.dispose());

  const data1 = () => ({ ...codes, fte: "1", costCentreCode: "", dutyLocationCode: "" });

  it("creates a position, also one planned for later, with checked reference data", async () => {
    const bad = await createPosition(t.db, { entityId: entity.id, data: { ...data1(), functionCode: "NOPE" }, validFrom: "2026-02-01", actorId });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { functionCode: expect.stringMatching(/NOPE/) } });
    const now = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-02-01", actorId });
    const later = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-09-01", actorId });
    expect(now.ok && later.ok).toBe(true);
    expect((await report("2026-03-01")).positions).toBe(1);
    expect((await report("2026-09-01")).positions).toBe(2);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "position.create"), eq(auditEvents.entityId, entity.id)));
    expect(audit).toHaveLength(2);
  });

  it("links part-timers to one position, refuses a second link of a relation, and counts the occupancy", async () => {
    const [position] = await t.db.select().from(positions).where(and(eq(positions.entityId, entity.id), eq(positions.origin, "manual"))).orderBy(positions.number).limit(1);
    await linkRelation(t.db, { entityId: entity.id, positionId: position!.id, ...free[0]!, fte: 0.5, from: "2026-03-01", actorId });
    await linkRelation(t.db, { entityId: entity.id, positionId: position!.id, ...free[1]!, fte: 0.5, from: "2026-03-01", actorId });
    await expect(linkRelation(t.db, { entityId: entity.id, positionId: position!.id, ...free[0]!, fte: 0.5, from: "2026-04-01", actorId })).rejects.toThrow(/al gekoppeld/);
    await expect(linkRelation(t.db, { entityId: entity.id, positionId: position!.id, vlimpers: "999999", relationNumber: 1, fte: 0.5, from: "2026-04-01", actorId })).rejects.toThrow(AppError);
    expect(await report("2026-03-01")).toMatchObject({ positions: 1, fte: 1, occupiedFte: 1, vacantFte: 0 });

    const [first] = await t.db.select().from(positionLinks).where(eq(positionLinks.positionId, position!.id)).orderBy(positionLinks.createdAt).limit(1);
    await unlinkRelation(t.db, { entityId: entity.id, linkId: first!.id, until: "2026-04-30", actorId });
    expect(await report("2026-04-30")).toMatchObject({ occupiedFte: 1 });
    expect(await report("2026-05-01")).toMatchObject({ occupiedFte: 0.5, vacantFte: 0.5 });
  });

  it("freezes and abolishes with dated versions, ending the links, and refuses a stale revision", async () => {
    const [position] = await t.db.select().from(positions).where(and(eq(positions.entityId, entity.id), eq(positions.origin, "manual"))).orderBy(positions.number).limit(1);
    const r = await revision(position!.id);
    await setPositionFrozen(t.db, { entityId: entity.id, positionId: position!.id, expectedRevision: r, frozen: true, from: "2026-06-01", actorId });
    await expect(setPositionFrozen(t.db, { entityId: entity.id, positionId: position!.id, expectedRevision: r, frozen: false, from: "2026-07-01", actorId })).rejects.toThrow(/intussen gewijzigd/);
    expect(await report("2026-06-01")).toMatchObject({ frozen: 1 });
    const { endedLinks } = await abolishPosition(t.db, { entityId: entity.id, positionId: position!.id, expectedRevision: r + 1, until: "2026-06-30", actorId });
    expect(endedLinks).toBe(1);
    expect(await report("2026-06-30")).toMatchObject({ positions: 1, occupiedFte: 0.5 });
    expect(await report("2026-07-01")).toMatchObject({ positions: 0, occupiedFte: 0 });
    const versions = await t.db.select().from(positionVersions).where(eq(positionVersions.positionId, position!.id)).orderBy(positionVersions.versionNumber);
    expect(versions.map((v) => [v.lifecycle, v.validFrom, v.validTo])).toEqual([
      ["active", "2026-02-01", "2026-06-01"],
      ["frozen", "2026-06-01", "2026-07-01"],
      ["abolished", "2026-07-01", null],
    ]);
    await expect(linkRelation(t.db, { entityId: entity.id, positionId: position!.id, ...free[2]!, fte: 1, from: "2026-08-01", actorId })).rejects.toThrow(/bestaat niet \(meer\)/);
  });

  it("lists vacant and frozen positions, relations without a position and occupants that differ from their position", async () => {
    const [position] = await t.db.select().from(positions).where(and(eq(positions.entityId, entity.id), eq(positions.origin, "manual"))).orderBy(positions.number).limit(1);
    const lists = async (list: "vacant" | "frozen" | "unlinked" | "mismatch", date: string) => planList(t.db, { scope: [entity.id], date, list });
    // On 1 May the first position holds one part-timer of 0.5: vacant for the rest; frozen in June.
    expect((await lists("vacant", "2026-05-01")).find((r) => r.positionNumber === position!.number)).toMatchObject({ fte: 1, occupiedFte: 0.5 });
    expect((await lists("frozen", "2026-06-15")).map((r) => r.positionNumber)).toEqual([position!.number]);
    expect(await lists("frozen", "2026-05-01")).toEqual([]);
    // Every relation of the entity in its list has no position (none ran step 1), with a reason; the two linked ones do not appear while linked.
    const unlinked = await lists("unlinked", "2026-05-01");
    expect(unlinked.length).toBeGreaterThan(10);
    expect(unlinked.every((r) => r.detail && r.person)).toBe(true);
    expect(unlinked.some((r) => r.person!.includes(`(${free[1]!.vlimpers}/${free[1]!.relationNumber})`))).toBe(false);
    // The occupant's relation gets another grade than the position's: the pair shows up, saying what differs.
    const before = await lists("mismatch", "2026-05-01");
    await t.db.execute(sql`
      update employment_relations r set grade_id = (select g.id from grades g join position_versions v on v.position_id = ${position!.id} and v.version_number = 1 where g.id is distinct from v.grade_id order by g.code limit 1)
      from persons p where p.id = r.person_id and p.vlimpers_number = ${free[1]!.vlimpers} and r.relation_number = ${free[1]!.relationNumber} and r.entity_id = ${entity.id}`);
    const after = await lists("mismatch", "2026-05-01");
    const row = after.find((r) => r.person?.includes(`(${free[1]!.vlimpers}/${free[1]!.relationNumber})`));
    expect(row).toMatchObject({ positionNumber: position!.number, detail: expect.stringMatching(/^graad /) });
    expect(after.length).toBe(before.filter((r) => r !== row).length + (before.some((r) => r.person === row!.person) ? 0 : 1));
  });

  it("lets no link outlive its position: a link made before a planned abolition ends with it, and one planned after it is withdrawn", async () => {
    const made = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-02-01", actorId });
    const other = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-02-01", actorId });
    if (!made.ok || !other.ok) throw new Error("positions not created");
    await abolishPosition(t.db, { entityId: entity.id, positionId: made.positionId, expectedRevision: await revision(made.positionId), until: "2026-10-31", actorId });
    const { linkId } = await linkRelation(t.db, { entityId: entity.id, positionId: made.positionId, ...free[2]!, fte: 1, from: "2026-10-01", actorId });
    const [link] = await t.db.select().from(positionLinks).where(eq(positionLinks.id, linkId));
    expect(link!.validTo).toBe("2026-11-01");

    // Linked to the other position from December, which is then abolished at the end of November.
    await linkRelation(t.db, { entityId: entity.id, positionId: other.positionId, ...free[2]!, fte: 1, from: "2026-12-01", actorId });
    const abolished = await abolishPosition(t.db, { entityId: entity.id, positionId: other.positionId, expectedRevision: await revision(other.positionId), until: "2026-11-30", actorId });
    expect(abolished).toEqual({ endedLinks: 0, withdrawnLinks: 1 });
    expect(await t.db.select().from(positionLinks).where(eq(positionLinks.positionId, other.positionId))).toEqual([]);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "position.abolish"), eq(auditEvents.objectId, other.positionId)));
    expect(JSON.stringify(audit!.after)).toContain("2026-12-01");
    // The relation is free again from December.
    const third = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-02-01", actorId });
    if (!third.ok) throw new Error("position not created");
    await expect(linkRelation(t.db, { entityId: entity.id, positionId: third.positionId, ...free[2]!, fte: 1, from: "2026-12-01", actorId })).resolves.toMatchObject({ linkId: expect.any(String) });
  });

  it("lists as unlinked on a date only relations in service then, and says when a link starts later", async () => {
    const unlinked = (date: string) => planList(t.db, { scope: [entity.id], date, list: "unlinked" });
    const someone = `(${free[2]!.vlimpers}/${free[2]!.relationNumber})`;
    expect((await unlinked("2026-11-15")).find((r) => r.person?.includes(someone))).toMatchObject({ detail: "linked_later" });
    const starters = await t.db.execute<{ key: string; start_date: string }>(sql`
      select '(' || p.vlimpers_number || '/' || r.relation_number || ')' as key, r.start_date::text from employment_relations r join persons p on p.id = r.person_id
      where r.entity_id = ${entity.id} and r.in_personnel_list and r.start_date > '2026-01-15' order by r.start_date limit 1`);
    const starter = starters.rows[0]!;
    const before = (await unlinked("2026-01-15")).map((r) => r.person ?? "");
    expect(before.some((p) => p.includes(starter.key))).toBe(false);
    expect((await unlinked(starter.start_date)).some((r) => r.person?.includes(starter.key))).toBe(true);
  });

  it("corrects a position with a freeze and an abolition planned: in force from today, and the planned versions keep their dates with the new data", async () => {
    const made = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-02-01", actorId });
    if (!made.ok) throw new Error("position not created");
    const positionId = made.positionId;
    await setPositionFrozen(t.db, { entityId: entity.id, positionId, expectedRevision: await revision(positionId), frozen: true, from: "2026-09-01", actorId });
    await abolishPosition(t.db, { entityId: entity.id, positionId, expectedRevision: await revision(positionId), until: "2026-12-31", actorId });
    const result = await correctPosition(t.db, { entityId: entity.id, positionId, expectedRevision: await revision(positionId), correction: { ...data1(), fte: "0,5" }, actorId, today: "2026-05-01" });
    expect(result).toMatchObject({ ok: true, changed: true });
    const versions = await t.db.select().from(positionVersions).where(eq(positionVersions.positionId, positionId)).orderBy(positionVersions.versionNumber);
    expect(versions.map((v) => [v.versionNumber, v.lifecycle, v.validFrom, v.validTo, Number(v.fte)])).toEqual([
      [1, "active", "2026-02-01", "2026-05-01", 1],
      [2, "active", "2026-05-01", "2026-09-01", 0.5],
      [3, "frozen", "2026-09-01", "2027-01-01", 0.5],
      [4, "abolished", "2027-01-01", null, 0.5],
    ]);
  });

  it("lists an occupant who is no longer in the personnel list among the occupancy that differs", async () => {
    const mismatch = () => planList(t.db, { scope: [entity.id], date: "2026-12-15", list: "mismatch" });
    const occupant = `(${free[2]!.vlimpers}/${free[2]!.relationNumber})`;
    const detail = async () => (await mismatch()).find((r) => r.person?.includes(occupant))?.detail ?? "";
    expect(await detail()).not.toMatch(/personeelslijst/);
    await t.db.execute(sql`
      update employment_relations r set in_personnel_list = false from persons p
      where p.id = r.person_id and p.vlimpers_number = ${free[2]!.vlimpers} and r.relation_number = ${free[2]!.relationNumber} and r.entity_id = ${entity.id}`);
    expect(await detail()).toMatch(/^niet meer in de personeelslijst/);
  });

  it("flags a position over-occupied on the date, in the list and on its page", async () => {
    const made = await createPosition(t.db, { entityId: entity.id, data: data1(), validFrom: "2026-02-01", actorId });
    if (!made.ok) throw new Error("position not created");
    const others = await t.db.execute<{ vlimpers: string; relation_number: number }>(sql`
      select p.vlimpers_number as vlimpers, r.relation_number from employment_relations r join persons p on p.id = r.person_id
      where r.entity_id = ${entity.id} and r.end_date is null and not exists (select 1 from position_links l where l.relation_id = r.id)
      order by p.vlimpers_number desc, r.relation_number limit 2`);
    for (const r of others.rows) {
      await linkRelation(t.db, { entityId: entity.id, positionId: made.positionId, vlimpers: r.vlimpers, relationNumber: Number(r.relation_number), fte: 0.75, from: "2026-05-01", actorId });
    }
    const flagged = async (date: string) => {
      const { rows } = await listPlanPositions(t.db, entity.id, { date, q: String(made.number), limit: 10, offset: 0 });
      const detail = await planPositionDetail(t.db, entity.id, made.positionId, date);
      return [rows.find((r) => r.id === made.positionId)!.overOccupied, detail!.overOccupied, detail!.occupiedFte];
    };
    expect(await flagged("2026-04-15")).toEqual([false, false, 0]);
    expect(await flagged("2026-05-15")).toEqual([true, true, 1.5]);
  });
});
