"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels } from "@/lib/dates";
import { actionClient } from "@/lib/server/action-client";
import { activePlayground } from "@/lib/server/database";
import { appPlaygroundStorage, realDatabase } from "@/lib/server/real-database";
import { setPlaygroundCookie } from "./playground-cookie";
import { createPlayground, findOwnedPlayground, removePlayground, resetPlayground } from "./playground-service";
import { loadPrincipal } from "@/lib/auth/principal-queries";
import { AppError } from "@/lib/errors/app-error";

/**
 * Playground actions work on the registry in the real database, with the user's real grants:
 * inside a playground, the principal of the request is the playground's copy.
 */
async function realPrincipal(userId: string) {
  const principal = await loadPrincipal((await realDatabase()).db, userId);
  if (!principal) throw new AppError("unauthenticated", "Meld je aan om verder te gaan.");
  return principal;
}

const services = async () => ({ real: await realDatabase(), storage: appPlaygroundStorage() });

async function enter(playgroundId: string | null) {
  await setPlaygroundCookie(playgroundId);
  revalidatePath("/", "layout");
}

/** Opens (creating when needed) the user's playground for a source and enters it. */
export const createPlaygroundAction = actionClient
  .metadata({ name: "playground.create", permission: "playground.use" })
  .inputSchema(z.strictObject({ source: z.string().regex(/^(demo|entity:[0-9a-f-]{36})$/, "Kies waarvan de speeltuin een kopie is.") }))
  .action(async ({ parsedInput, ctx }) => {
    const principal = await realPrincipal(ctx.principal.userId);
    const playground = await createPlayground(await services(), { principal, source: parsedInput.source, today: todayInBrussels(), requestId: ctx.requestId });
    await enter(playground.id);
    redirect("/");
  });

export const enterPlaygroundAction = actionClient
  .metadata({ name: "playground.enter", permission: "playground.use" })
  .inputSchema(z.strictObject({ playgroundId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const playground = await findOwnedPlayground((await realDatabase()).db, { playgroundId: parsedInput.playgroundId, userId: ctx.principal.userId });
    if (!playground) throw new AppError("not_found", "Deze speeltuin bestaat niet (meer).");
    await enter(playground.id);
    redirect("/");
  });

export const leavePlaygroundAction = actionClient
  .metadata({ name: "playground.leave", permission: "playground.use" })
  .inputSchema(z.strictObject({}))
  .action(async () => {
    await enter(null);
    redirect("/playground");
  });

/** Puts the user's playground back at its start (and stays in it when they were in it). */
export const resetPlaygroundAction = actionClient
  .metadata({ name: "playground.reset", permission: "playground.use" })
  .inputSchema(z.strictObject({ playgroundId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const principal = await realPrincipal(ctx.principal.userId);
    await resetPlayground(await services(), { principal, playgroundId: parsedInput.playgroundId, requestId: ctx.requestId });
    revalidatePath("/", "layout");
    return { ok: true as const };
  });

/** Removes a playground: the owner's own, or anyone's for a central expert. */
export const removePlaygroundAction = actionClient
  .metadata({ name: "playground.remove", permission: "playground.use" })
  .inputSchema(z.strictObject({ playgroundId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const principal = await realPrincipal(ctx.principal.userId);
    const wasActive = (await activePlayground())?.id === parsedInput.playgroundId;
    await removePlayground(await services(), { principal, playgroundId: parsedInput.playgroundId, requestId: ctx.requestId });
    if (wasActive) await enter(null);
    revalidatePath("/", "layout");
    return { ok: true as const };
  });
