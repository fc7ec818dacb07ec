import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { DatabaseHandle } from "@/db/client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors/app-error";
import { appEnv } from "@/lib/env";
import { PLAYGROUND_COOKIE, setPlaygroundCookie } from "@/lib/playground/playground-cookie";
import { grantedScope } from "@/lib/auth/permissions";
import { loadPrincipal } from "@/lib/auth/principal-queries";
import { findOwnedPlayground, mayUseSource, playgroundHandle, touchPlayground, type Playground } from "@/lib/playground/playground-service";
import { appPlaygroundStorage, realDatabase } from "./real-database";

export { realDatabase };

interface RequestDatabase {
  handle: DatabaseHandle;
  /** The playground the request works in, or null for real data. */
  playground: Playground | null;
  /** The browser still names a playground that is gone or no longer the user's (see refuseWritesFromLostPlayground). */
  lostPlayground: boolean;
}

/**
 * The database of this request, chosen once per request: the user's playground when the browser
 * has entered one of theirs (checked against the registry in the real database), else the real
 * database. Outside a request (worker, scripts) it is always the real one.
 */
export const requestDatabase = cache(async (): Promise<RequestDatabase> => {
  const real = await realDatabase();
  const playgroundId = await playgroundCookie();
  if (!playgroundId) return { handle: real, playground: null, lostPlayground: false };
  const session = await auth();
  const playground = session?.uid ? await findOwnedPlayground(real.db, { playgroundId, userId: session.uid }) : null;
  // The owner must still work with the entity the playground copied: a revoked grant closes its copy too.
  const owner = playground ? await loadPrincipal(real.db, playground.ownerId) : null;
  if (!playground || !owner || !mayUseSource(owner, playground.source)) return { handle: real, playground: null, lostPlayground: true };
  await touchPlayground(real.db, playground.id);
  return { handle: await playgroundHandle(appPlaygroundStorage(), playground.databaseName), playground, lostPlayground: false };
});

/**
 * Refuses a write through a request whose browser still names a playground that was removed or is
 * no longer the user's. Reads then show real data (and say so), but a write would land in the real
 * data from a page the user still took for the playground: a tab left open on it, ids and all.
 * The cookie is dropped, so the next page is plainly the real application.
 */
export async function refuseWritesFromLostPlayground(): Promise<void> {
  if (!(await requestDatabase()).lostPlayground) return;
  await setPlaygroundCookie(null);
  throw new AppError(
    "conflict",
    "De speeltuin waarin je werkte bestaat niet meer of is niet meer van jou. Er is niets gewijzigd. Herlaad de pagina: je werkt dan met de echte gegevens.",
  );
}

async function playgroundCookie(): Promise<string | null> {
  let store: Awaited<ReturnType<typeof cookies>>;
  try {
    store = await cookies();
  } catch {
    return null; // not in a request
  }
  return store.get(PLAYGROUND_COOKIE)?.value ?? null;
}

/**
 * The request's database handle, its `db` limited (row-level security) to the entities of the
 * signed-in user's grants: every entity for a grant without one, none when signed out.
 */
export const database = cache(async (): Promise<DatabaseHandle> => {
  const { handle } = await requestDatabase();
  // A dynamic import: the guards read the principal through this module.
  const { currentPrincipal } = await import("@/lib/auth/guards");
  const principal = await currentPrincipal();
  return { ...handle, db: handle.withScope(principal ? grantedScope(principal) : []), root: handle.root ?? handle };
});

export async function db() {
  return (await database()).db;
}

/** The playground this request works in, or null. */
export async function activePlayground(): Promise<Playground | null> {
  return (await requestDatabase()).playground;
}

/** The browser still names a playground that is gone: the page says it shows real data. */
export async function lostPlayground(): Promise<boolean> {
  return (await requestDatabase()).lostPlayground;
}

/**
 * The demo sign-in page names the entities of each one-click account before anyone is signed in,
 * which row-level security would hide from an anonymous request. Demo mode only: there the data
 * are fictitious, and the accounts are meant to be tried.
 */
export async function demoDirectoryDb() {
  if (!appEnv().DEMO_MODE) throw new AppError("forbidden", "Alleen in de demo-omgeving.");
  const { handle } = await requestDatabase();
  return handle.withScope("all");
}
