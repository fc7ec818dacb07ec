import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, onboardings } from "@/db/schema";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { addAgreement, editAgreement, listAgreements } from "@/lib/domain/agreements/agreement-store";
import { bookSlot, cancelBooking, createSlot, deleteSlot, entityPlanning, listSlots, readDeadline, setDeadline, updateSlot } from "@/lib/domain/planning/planning-store";
import { AppError } from "@/lib/errors/app-error";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const TODAY = "2026-03-10";

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "accepted";
}

describe(`planning and agreements (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 8, referenceDate: "2026-03-01" });
  const [a, b, c] = [data.entities[0]!, data.entities[1]!, data.entities[2]!];
  const expert = data.users.find((u) => u.email.startsWith("expert"))?.id ?? data.users[0]!.id!;
  const other = data.users.find((u) => u.id !== expert)!.id!;
  const slotOf = async (entityId: string) => (await t.db.select({ slotId: onboardings.slotId }).from(onboardings).where(eq(onboardings.entityId, entityId)))[0]?.slotId ?? null;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
  });
  afterAll(async () => t?.dispose());

  it("keeps the deadline as a setting that can change and be cleared", async () => {
    expect(await readDeadline(t.db)).toBeNull();
    await setDeadline(t.db, { deadline: "2026-12-31", actorId: expert });
    await setDeadline(t.db, { deadline: "2026-11-30", actorId: expert });
    expect(await readDeadline(t.db)).toBe("2026-11-30");
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "planning.set-deadline"));
    expect(audits.at(-1)).toMatchObject({ before: { deadline: "2026-12-31" }, after: { deadline: "2026-11-30" } });
    await setDeadline(t.db, { deadline: "2026-12-31", actorId: expert });
  });

  it("books, moves and frees places, and refuses full, started and too-late slots", async () => {
    const april = await createSlot(t.db, { month: "2026-04-17", capacity: 1, note: "Na de paasvakantie", actorId: expert });
    const may = await createSlot(t.db, { month: "2026-05-01", capacity: 2, note: null, actorId: expert });
    const march = await createSlot(t.db, { month: "2026-03-01", capacity: 5, note: null, actorId: expert });
    const january = await createSlot(t.db, { month: "2027-01-01", capacity: 5, note: null, actorId: expert });
    expect(await refusal(createSlot(t.db, { month: "2026-04-01", capacity: 3, note: null, actorId: expert }))).toMatch(/^conflict: .*bestaat al een slot/);

    expect(await bookSlot(t.db, { entityId: a.id, slotId: april.id, today: TODAY, actorId: expert })).toEqual({ month: "2026-04-01" });
    expect(await refusal(bookSlot(t.db, { entityId: b.id, slotId: april.id, today: TODAY, actorId: expert }))).toMatch(/volzet/);
    expect(await refusal(bookSlot(t.db, { entityId: b.id, slotId: march.id, today: TODAY, actorId: expert }))).toMatch(/al begonnen/);
    expect(await refusal(bookSlot(t.db, { entityId: b.id, slotId: january.id, today: TODAY, actorId: expert }))).toMatch(/na de uiterste datum/);
    expect(await slotOf(b.id)).toBeNull();

    // Booking the slot it holds again changes nothing; moving frees its old place.
    await bookSlot(t.db, { entityId: a.id, slotId: april.id, today: TODAY, actorId: expert });
    await bookSlot(t.db, { entityId: a.id, slotId: may.id, today: TODAY, actorId: expert });
    await bookSlot(t.db, { entityId: b.id, slotId: april.id, today: TODAY, actorId: expert });
    expect(await slotOf(a.id)).toBe(may.id);

    // While April is under way, b can neither move nor leave.
    expect(await refusal(bookSlot(t.db, { entityId: b.id, slotId: may.id, today: "2026-04-02", actorId: expert }))).toMatch(/loopt deze maand en kan niet meer wijzigen/);
    expect(await refusal(cancelBooking(t.db, { entityId: b.id, today: "2026-04-30", actorId: expert }))).toMatch(/loopt deze maand/);
    await cancelBooking(t.db, { entityId: a.id, today: TODAY, actorId: expert });
    expect(await slotOf(a.id)).toBeNull();

    const overview = await listSlots(t.db);
    expect(overview.map((s) => [s.month, s.capacity, s.booked])).toEqual([
      ["2026-03-01", 5, 0],
      ["2026-04-01", 1, 1],
      ["2026-05-01", 2, 0],
      ["2027-01-01", 5, 0],
    ]);
    expect(overview[1]!.entities.map((e) => e.code)).toEqual([b.code]);
    const planning = await entityPlanning(t.db, { entityId: b.id, today: TODAY });
    expect(planning.current?.month).toBe("2026-04-01");
    expect(planning.deadline).toBe("2026-12-31");
    expect(planning.locked).toBe(false);
    // Each slot says why b may not take it, by the rules bookSlot applies.
    expect(planning.slots.map((s) => [s.month, s.refusal])).toEqual([
      ["2026-03-01", "slot_started"],
      ["2026-04-01", null],
      ["2026-05-01", null],
      ["2027-01-01", "after_deadline"],
    ]);
    expect((await entityPlanning(t.db, { entityId: b.id, today: "2026-04-02" })).locked).toBe(true);
    // Once April is over without b onboarded, it may choose a later slot again.
    expect((await entityPlanning(t.db, { entityId: b.id, today: "2026-05-01" })).locked).toBe(false);
    expect((await entityPlanning(t.db, { entityId: a.id, today: TODAY })).slots.find((s) => s.month === "2026-04-01")?.refusal).toBe("slot_full");

    const audits = await t.db.select({ action: auditEvents.action, entityId: auditEvents.entityId }).from(auditEvents).where(sql`${auditEvents.action} like 'planning.%slot'`);
    expect(audits.filter((e) => e.action === "planning.choose-slot").length).toBe(3);
    expect(audits.filter((e) => e.action === "planning.cancel-slot")).toEqual([{ action: "planning.cancel-slot", entityId: a.id }]);
  });

  it("never lowers a capacity below the places taken, and removes only unbooked slots", async () => {
    const april = (await listSlots(t.db)).find((s) => s.month === "2026-04-01")!;
    const march = (await listSlots(t.db)).find((s) => s.month === "2026-03-01")!;
    await updateSlot(t.db, { slotId: april.id, capacity: 3, note: "Drie plaatsen", actorId: expert });
    expect(await refusal(deleteSlot(t.db, { slotId: april.id, actorId: expert }))).toMatch(/^conflict/);
    await bookSlot(t.db, { entityId: a.id, slotId: april.id, today: TODAY, actorId: expert });
    expect(await refusal(updateSlot(t.db, { slotId: april.id, capacity: 1, note: null, actorId: expert }))).toMatch(/al 2 plaatsen genomen/);
    await deleteSlot(t.db, { slotId: march.id, actorId: expert });
    expect((await listSlots(t.db)).map((s) => s.month)).not.toContain("2026-03-01");
  });

  it("gives the last place to exactly one of several entities asking at the same moment", async () => {
    const june = await createSlot(t.db, { month: "2026-06-01", capacity: 2, note: null, actorId: expert });
    await bookSlot(t.db, { entityId: a.id, slotId: june.id, today: TODAY, actorId: expert });
    // On PostgreSQL each booking gets its own connection, so they really overlap.
    const handles: DatabaseHandle[] =
      testDatabaseKind() === "postgres" ? await Promise.all(data.entities.slice(1, 7).map(() => openDatabase({ databaseUrl: t.url!, poolSize: 1 }))) : [];
    try {
      const contenders = data.entities.slice(1, 7);
      const outcomes = await Promise.allSettled(
        contenders.map((entity, i) => bookSlot(handles[i]?.db ?? t.db, { entityId: entity.id, slotId: june.id, today: TODAY, actorId: expert })),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(refused.every((o) => o.reason instanceof AppError && /volzet/.test(o.reason.message))).toBe(true);
      const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(onboardings).where(eq(onboardings.slotId, june.id));
      expect(Number(row!.n)).toBe(2);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it("counts every entity's bookings for an HR officer who sees only their own entity", async () => {
    const september = await createSlot(t.db, { month: "2026-09-01", capacity: 1, note: null, actorId: expert });
    await bookSlot(t.withScope([c.id]), { entityId: c.id, slotId: september.id, today: TODAY, actorId: other });
    // Under row-level security b's HR does not see c's onboarding, yet the slot is full for b too.
    const seenByB = (await listSlots(t.withScope([b.id]))).find((slot) => slot.id === september.id)!;
    expect(seenByB).toMatchObject({ capacity: 1, booked: 1, entities: [] });
    expect(await refusal(bookSlot(t.withScope([b.id]), { entityId: b.id, slotId: september.id, today: TODAY, actorId: other }))).toMatch(/volzet/);
    expect((await listSlots(t.db)).find((slot) => slot.id === september.id)!.entities.map((e) => e.id)).toEqual([c.id]);
  });

  it("keeps every version of an agreement and lets only its author change it", async () => {
    const first = await addAgreement(t.db, {
      entityId: c.id,
      content: { meetingDate: "2026-02-20", title: "Intakegesprek", body: "Personeelslijst komt op 1 maart." },
      actorId: expert,
    });
    await addAgreement(t.db, { entityId: c.id, content: { meetingDate: "2026-03-05", title: "Opvolging", body: "Sjabloon in mei." }, actorId: expert });
    await addAgreement(t.db, { entityId: b.id, content: { meetingDate: "2026-03-06", title: "Andere entiteit", body: "Niet voor c." }, actorId: expert });

    expect(await refusal(editAgreement(t.db, { entityId: c.id, agreementId: first.id, expectedVersion: 1, content: { meetingDate: "2026-02-20", title: "Overgenomen", body: "x" }, actorId: other }))).toMatch(/^forbidden/);
    expect(await refusal(editAgreement(t.db, { entityId: b.id, agreementId: first.id, expectedVersion: 1, content: { meetingDate: "2026-02-20", title: "Via b", body: "x" }, actorId: expert }))).toMatch(/^not_found/);
    await editAgreement(t.db, { entityId: c.id, agreementId: first.id, expectedVersion: 1, content: { meetingDate: "2026-02-21", title: "Intakegesprek", body: "Personeelslijst komt op 2 maart." }, actorId: expert });
    expect(await refusal(editAgreement(t.db, { entityId: c.id, agreementId: first.id, expectedVersion: 1, content: { meetingDate: "2026-02-21", title: "Oud", body: "oud" }, actorId: expert }))).toMatch(/^conflict/);

    const list = await listAgreements(t.db, c.id);
    expect(list.map((x) => x.title)).toEqual(["Opvolging", "Intakegesprek"]);
    const edited = list[1]!;
    expect(edited).toMatchObject({ version: 2, meetingDate: "2026-02-21", body: "Personeelslijst komt op 2 maart.", authorId: expert });
    expect(edited.history).toEqual([expect.objectContaining({ version: 1, meetingDate: "2026-02-20", body: "Personeelslijst komt op 1 maart." })]);
    expect((await listAgreements(t.db, b.id)).map((x) => x.title)).toEqual(["Andere entiteit"]);
  });
});
