import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { entities, users } from "../../db/schema";
import { bookSlot, createSlot, setDeadline } from "../domain/planning/planning-store";
import { lastDayOfMonth, monthOf } from "../domain/planning/schedule-rules";

const SLOT_MONTHS = 8;

/**
 * A demo planning relative to today: a slot in each of the next eight months, a deadline at the
 * end of the ninth, and a few entities that already chose (the first ones by name, skipping those
 * the walkthroughs use). Written by the demo expert, through the same rules as the app.
 */
export async function seedDemoPlanning(db: Db, { today, expertEmail, skipCodes }: { today: string; expertEmail: string; skipCodes: readonly string[] }): Promise<void> {
  const [expert] = await db.select({ id: users.id }).from(users).where(eq(users.email, expertEmail));
  if (!expert) return;
  const month = (offset: number) => {
    const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
    return monthOf(first.toISOString().slice(0, 10));
  };
  await setDeadline(db, { deadline: lastDayOfMonth(month(SLOT_MONTHS + 1)), actorId: expert.id });
  const all = await db.select({ id: entities.id, code: entities.code }).from(entities).orderBy(asc(entities.name));
  const capacity = Math.max(2, Math.ceil(all.length / SLOT_MONTHS) + 1);
  const slots = [];
  for (let i = 1; i <= SLOT_MONTHS; i++) {
    slots.push(await createSlot(db, { month: month(i), capacity, note: i === 1 ? "Eerste golf" : null, actorId: expert.id }));
  }
  const choosers = all.filter((e) => !skipCodes.includes(e.code)).slice(0, 6);
  for (const [i, entity] of choosers.entries()) {
    await bookSlot(db, { entityId: entity.id, slotId: slots[Math.floor(i / 2)]!.id, today, actorId: expert.id });
  }
}
