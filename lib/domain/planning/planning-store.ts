import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { entities, onboardingSlots, onboardings, planningSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import { bookingRefusal, cancelRefusal, monthOf, type BookingRefusal } from "./schedule-rules";

interface Actor {
  actorId: string;
  requestId?: string;
}

export interface SlotWithBookings {
  id: string;
  month: string;
  capacity: number;
  note: string | null;
  booked: number;
  entities: { id: string; code: string; name: string }[];
}

/**
 * Every slot by month, with the number of entities that booked it (all of them) and those of the
 * booking entities the reader may see (row-level security limits an entity's HR to its own).
 */
export async function listSlots(db: DbOrTx): Promise<SlotWithBookings[]> {
  const slots = await db
    .select({ ...getTableColumns(onboardingSlots), booked: sql<number>`apb_slot_bookings(${onboardingSlots.id})` })
    .from(onboardingSlots)
    .orderBy(asc(onboardingSlots.month));
  const bookings = await db
    .select({ slotId: onboardings.slotId, id: entities.id, code: entities.code, name: entities.name })
    .from(onboardings)
    .innerJoin(entities, eq(entities.id, onboardings.entityId))
    .where(sql`${onboardings.slotId} is not null`)
    .orderBy(entities.name);
  return slots.map((slot) => {
    const booked = bookings.filter((b) => b.slotId === slot.id).map(({ id, code, name }) => ({ id, code, name }));
    return { id: slot.id, month: slot.month, capacity: slot.capacity, note: slot.note, booked: Number(slot.booked), entities: booked };
  });
}

/** The deadline by which every entity must be onboarded, or null when none is set. */
export async function readDeadline(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ deadline: planningSettings.deadline }).from(planningSettings).where(eq(planningSettings.id, 1));
  return row?.deadline ?? null;
}

export async function setDeadline(db: DbOrTx, { deadline, actorId, requestId }: { deadline: string | null } & Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await readDeadline(tx);
    await tx
      .insert(planningSettings)
      .values({ id: 1, deadline, updatedBy: actorId })
      .onConflictDoUpdate({ target: planningSettings.id, set: { deadline, updatedBy: actorId, updatedAt: sql`now()` } });
    await recordAudit(tx, { actorId, requestId, action: "planning.set-deadline", objectType: "planning", objectId: "deadline", before: { deadline: before }, after: { deadline } });
  });
}

export async function createSlot(
  db: DbOrTx,
  { month, capacity, note, actorId, requestId }: { month: string; capacity: number; note: string | null } & Actor,
): Promise<{ id: string }> {
  const first = monthOf(month);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: onboardingSlots.id }).from(onboardingSlots).where(eq(onboardingSlots.month, first));
    if (existing) throw new AppError("conflict", "Voor die maand bestaat al een slot. Pas de capaciteit van dat slot aan.");
    const [slot] = await tx.insert(onboardingSlots).values({ month: first, capacity, note, createdBy: actorId }).returning({ id: onboardingSlots.id });
    await recordAudit(tx, { actorId, requestId, action: "planning.create-slot", objectType: "onboarding_slot", objectId: slot!.id, after: { month: first, capacity, note } });
    return slot!;
  });
}

/** Changes a slot's capacity or note; the capacity never drops below the places already taken. */
export async function updateSlot(
  db: DbOrTx,
  { slotId, capacity, note, actorId, requestId }: { slotId: string; capacity: number; note: string | null } & Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId);
    const booked = await countBookings(tx, slotId);
    if (capacity < booked) {
      throw new AppError("conflict", `Er zijn al ${booked} plaatsen genomen in dit slot; de capaciteit kan niet lager dan ${booked}.`);
    }
    await tx.update(onboardingSlots).set({ capacity, note, updatedAt: sql`now()` }).where(eq(onboardingSlots.id, slotId));
    await recordAudit(tx, {
      actorId,
      requestId,
      action: "planning.update-slot",
      objectType: "onboarding_slot",
      objectId: slotId,
      before: { capacity: slot.capacity, note: slot.note },
      after: { capacity, note },
    });
  });
}

/** Removes a slot nobody booked. */
export async function deleteSlot(db: DbOrTx, { slotId, actorId, requestId }: { slotId: string } & Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId);
    if ((await countBookings(tx, slotId)) > 0) throw new AppError("conflict", "Dit slot is al gekozen door een entiteit en kan niet weg.");
    await tx.delete(onboardingSlots).where(eq(onboardingSlots.id, slotId));
    await recordAudit(tx, { actorId, requestId, action: "planning.delete-slot", objectType: "onboarding_slot", objectId: slotId, before: { month: slot.month, capacity: slot.capacity } });
  });
}

const REFUSALS: Record<BookingRefusal, string> = {
  slot_started: "Dit slot is al begonnen; kies een slot in een latere maand.",
  slot_full: "Dit slot is volzet. Kies een ander slot.",
  after_deadline: "Dit slot eindigt na de uiterste datum voor de aansluiting; kies een vroeger slot.",
  current_started: "Het slot van deze entiteit loopt deze maand en kan niet meer wijzigen.",
  completed: "Deze entiteit is al aangesloten; er valt niets meer te plannen.",
};

/**
 * The entity takes a slot (or moves to another). The slot's row is locked first, so two entities
 * asking for its last place at the same moment are served one after the other: the second sees it full.
 */
export async function bookSlot(
  db: DbOrTx,
  { entityId, slotId, today, actorId, requestId }: { entityId: string; slotId: string; today: string } & Actor,
): Promise<{ month: string }> {
  return db.transaction(async (tx) => {
    const onboarding = await lockOnboarding(tx, entityId);
    const current = onboarding.slotId ? await slotMonth(tx, onboarding.slotId) : null;
    const target = await lockSlot(tx, slotId);
    const bookedByOthers = await countBookings(tx, slotId, entityId);
    const refusal = bookingRefusal({
      today,
      deadline: await readDeadline(tx),
      currentStep: onboarding.currentStep,
      currentSlotMonth: current,
      target: { month: target.month, capacity: target.capacity, bookedByOthers },
    });
    if (refusal) throw new AppError("conflict", REFUSALS[refusal], { refusal });
    if (onboarding.slotId === slotId) return { month: target.month };
    await tx.update(onboardings).set({ slotId, slotChosenAt: sql`now()`, updatedAt: sql`now()` }).where(eq(onboardings.entityId, entityId));
    await recordAudit(tx, {
      actorId,
      requestId,
      entityId,
      action: "planning.choose-slot",
      objectType: "onboarding",
      objectId: entityId,
      before: { slotMonth: current },
      after: { slotMonth: target.month },
    });
    return { month: target.month };
  });
}

/** The entity gives up its slot, while it has not started. */
export async function cancelBooking(db: DbOrTx, { entityId, today, actorId, requestId }: { entityId: string; today: string } & Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const onboarding = await lockOnboarding(tx, entityId);
    if (!onboarding.slotId) return;
    const current = await slotMonth(tx, onboarding.slotId);
    const refusal = cancelRefusal({ currentSlotMonth: current, today, currentStep: onboarding.currentStep });
    if (refusal) throw new AppError("conflict", REFUSALS[refusal], { refusal });
    await tx.update(onboardings).set({ slotId: null, slotChosenAt: null, updatedAt: sql`now()` }).where(eq(onboardings.entityId, entityId));
    await recordAudit(tx, { actorId, requestId, entityId, action: "planning.cancel-slot", objectType: "onboarding", objectId: entityId, before: { slotMonth: current }, after: { slotMonth: null } });
  });
}

/**
 * The entity's slot and every slot with why the entity may not take it now (null: it may), for
 * its page: the same rules `bookSlot` applies, so the page offers only what will be accepted.
 */
export async function entityPlanning(db: DbOrTx, { entityId, today }: { entityId: string; today: string }) {
  const [onboarding] = await db
    .select({ slotId: onboardings.slotId, currentStep: onboardings.currentStep })
    .from(onboardings)
    .where(eq(onboardings.entityId, entityId));
  const [slots, deadline] = await Promise.all([listSlots(db), readDeadline(db)]);
  const currentStep = onboarding?.currentStep ?? 1;
  const current = slots.find((s) => s.id === onboarding?.slotId) ?? null;
  return {
    current: current ? { id: current.id, month: current.month } : null,
    /** The entity can no longer move or give up its slot. */
    locked: current !== null && cancelRefusal({ currentSlotMonth: current.month, today, currentStep }) !== null,
    slots: slots.map(({ entities: _entities, ...slot }) => ({
      ...slot,
      refusal: bookingRefusal({
        today,
        deadline,
        currentStep,
        currentSlotMonth: current?.month ?? null,
        target: { month: slot.month, capacity: slot.capacity, bookedByOthers: slot.booked - (slot.id === current?.id ? 1 : 0) },
      }),
    })),
    deadline,
  };
}

async function lockSlot(tx: DbOrTx, slotId: string) {
  const [slot] = await tx.select().from(onboardingSlots).where(eq(onboardingSlots.id, slotId)).for("update");
  if (!slot) throw notFound("Dit slot bestaat niet (meer).");
  return slot;
}

/** The entity's onboarding row, locked; created when the entity has none yet. */
async function lockOnboarding(tx: DbOrTx, entityId: string) {
  await tx.insert(onboardings).values({ entityId }).onConflictDoNothing({ target: onboardings.entityId });
  const [row] = await tx.select().from(onboardings).where(eq(onboardings.entityId, entityId)).for("update");
  if (!row) throw notFound("Entiteit niet gevonden.");
  return row;
}

async function slotMonth(tx: DbOrTx, slotId: string): Promise<string | null> {
  const [slot] = await tx.select({ month: onboardingSlots.month }).from(onboardingSlots).where(eq(onboardingSlots.id, slotId));
  return slot?.month ?? null;
}

/** Bookings of the slot by every entity (but `exceptEntityId`), whatever entities the caller may see. */
async function countBookings(tx: DbOrTx, slotId: string, exceptEntityId?: string): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`select apb_slot_bookings(${slotId}::uuid, ${exceptEntityId ?? null}::uuid) as n`);
  return Number(rows[0]?.n ?? 0);
}
