"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels, validIsoDate } from "@/lib/dates";
import { actionClient, entityAction } from "@/lib/server/action-client";
import { db } from "@/lib/server/database";
import { bookSlot, cancelBooking, createSlot, deleteSlot, setDeadline, updateSlot } from "./planning-store";

const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "Geef een maand als jjjj-mm.")
  .refine((m) => validIsoDate(`${m}-01`, { minYear: 2000 }) !== null, "Geef een bestaande maand.");
const capacity = z.number().int("Een aantal plaatsen is een geheel getal.").min(1, "Minstens 1 plaats.").max(200, "Hoogstens 200 plaatsen.");
const note = z
  .string()
  .trim()
  .max(500, "Hoogstens 500 tekens.")
  .transform((v) => (v === "" ? null : v));

const revalidate = () => revalidatePath("/", "layout");

export const createSlotAction = actionClient
  .metadata({ name: "planning.createSlot", permission: "planning.manage" })
  .inputSchema(z.strictObject({ month, capacity, note }))
  .action(async ({ parsedInput, ctx }) => {
    const slot = await createSlot(await db(), { month: `${parsedInput.month}-01`, capacity: parsedInput.capacity, note: parsedInput.note, actorId: ctx.principal.userId, requestId: ctx.requestId });
    revalidate();
    return slot;
  });

export const updateSlotAction = actionClient
  .metadata({ name: "planning.updateSlot", permission: "planning.manage" })
  .inputSchema(z.strictObject({ slotId: z.uuid(), capacity, note }))
  .action(async ({ parsedInput, ctx }) => {
    await updateSlot(await db(), { ...parsedInput, actorId: ctx.principal.userId, requestId: ctx.requestId });
    revalidate();
    return { ok: true as const };
  });

export const deleteSlotAction = actionClient
  .metadata({ name: "planning.deleteSlot", permission: "planning.manage" })
  .inputSchema(z.strictObject({ slotId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await deleteSlot(await db(), { slotId: parsedInput.slotId, actorId: ctx.principal.userId, requestId: ctx.requestId });
    revalidate();
    return { ok: true as const };
  });

export const setDeadlineAction = actionClient
  .metadata({ name: "planning.setDeadline", permission: "planning.manage" })
  .inputSchema(z.strictObject({ deadline: z.iso.date().refine((d) => validIsoDate(d) !== null, "Kies een bestaande datum.").nullable() }))
  .action(async ({ parsedInput, ctx }) => {
    await setDeadline(await db(), { deadline: parsedInput.deadline, actorId: ctx.principal.userId, requestId: ctx.requestId });
    revalidate();
    return { ok: true as const };
  });

/** The entity takes a slot, or moves to another while its own has not started. */
export const chooseSlotAction = entityAction(
  { name: "planning.chooseSlot", permission: "planning.choose" },
  z.strictObject({ entityId: z.uuid(), slotId: z.uuid() }),
  async ({ entityId, slotId }, { principal, requestId }) => {
    const result = await bookSlot(await db(), { entityId, slotId, today: todayInBrussels(), actorId: principal.userId, requestId });
    revalidate();
    return result;
  },
);

/** The entity gives up its slot while it has not started. */
export const cancelSlotAction = entityAction(
  { name: "planning.cancelSlot", permission: "planning.choose" },
  z.strictObject({ entityId: z.uuid() }),
  async ({ entityId }, { principal, requestId }) => {
    await cancelBooking(await db(), { entityId, today: todayInBrussels(), actorId: principal.userId, requestId });
    revalidate();
    return { ok: true as const };
  },
);
