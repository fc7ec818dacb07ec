/**
 * Playgrounds ("speeltuinen"): the registry in the real database, and the open handles on their
 * own databases. A playground's handle has its own job queue and worker, in its own database, so
 * a step run in a playground is queued, run and recorded there and nowhere else.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { DatabaseHandle, DbOrTx } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { playgrounds, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { entityScope, hasPermission, type Principal, type Role } from "@/lib/auth/permissions";
import { listEntityNames } from "@/lib/domain/entities/queries";
import { AppError, notFound } from "@/lib/errors/app-error";
import { queueFor, stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { loadSnapshot, planningSnapshot, snapshotOfDemoEntity, snapshotOfEntity } from "./playground-snapshot";
import { newPlaygroundName, type PlaygroundStorage } from "./playground-storage";

export const DEMO_SOURCE = "demo";
/** How many playgrounds one person keeps at most. */
export const MAX_PLAYGROUNDS_PER_USER = 3;
/** Open playground databases per process; the least recently used closes first. */
const MAX_OPEN = 6;

export type Playground = typeof playgrounds.$inferSelect;

export interface PlaygroundListItem {
  id: string;
  ownerId: string;
  ownerName: string;
  source: string;
  sourceLabel: string;
  createdAt: string;
  resetAt: string | null;
  lastUsedAt: string;
}

export async function listPlaygrounds(db: DbOrTx, { ownerId }: { ownerId?: string } = {}): Promise<PlaygroundListItem[]> {
  return db
    .select({
      id: playgrounds.id,
      ownerId: playgrounds.ownerId,
      ownerName: users.name,
      source: playgrounds.source,
      sourceLabel: playgrounds.sourceLabel,
      createdAt: sql<string>`${playgrounds.createdAt}::text`,
      resetAt: sql<string | null>`${playgrounds.resetAt}::text`,
      lastUsedAt: sql<string>`${playgrounds.lastUsedAt}::text`,
    })
    .from(playgrounds)
    .innerJoin(users, eq(users.id, playgrounds.ownerId))
    .where(ownerId ? eq(playgrounds.ownerId, ownerId) : undefined)
    .orderBy(desc(playgrounds.lastUsedAt));
}

/** The playground with this id if it belongs to this (active) user; anything else is as if it did not exist. */
export async function findOwnedPlayground(db: DbOrTx, { playgroundId, userId }: { playgroundId: string; userId: string }): Promise<Playground | null> {
  if (!/^[0-9a-f-]{36}$/i.test(playgroundId)) return null;
  const [row] = await db
    .select({ playground: playgrounds })
    .from(playgrounds)
    .innerJoin(users, eq(users.id, playgrounds.ownerId))
    .where(and(eq(playgrounds.id, playgroundId), eq(playgrounds.ownerId, userId), eq(users.active, true)));
  return row?.playground ?? null;
}

/** What a user may start a playground from: the entities they work with, and the demo entity. */
export async function playgroundSources(db: DbOrTx, principal: Principal): Promise<{ source: string; label: string }[]> {
  const rows = await listEntityNames(db, entityScope(principal, "playground.use"));
  return [{ source: DEMO_SOURCE, label: "Demo-entiteit" }, ...rows.map((e) => ({ source: `entity:${e.id}`, label: `${e.code} — ${e.name}` }))];
}

/** May this user (still) use a playground started from this source? */
export function mayUseSource(principal: Principal, source: string): boolean {
  if (!hasPermission(principal, "playground.use")) return false;
  if (source === DEMO_SOURCE) return true;
  const scope = entityScope(principal, "playground.use");
  return scope === "all" || scope.includes(source.slice("entity:".length));
}

interface Services {
  /** The real database: the registry and, for a copy, the entity's data. */
  real: DatabaseHandle;
  storage: PlaygroundStorage;
}

/**
 * Opens a playground for the user from a source (an entity they work with, or the demo entity):
 * the one they already have for it, or a new one with a copy of the source's starting data.
 */
export async function createPlayground(
  { real, storage }: Services,
  { principal, source, today, requestId }: { principal: Principal; source: string; today: string; requestId?: string },
): Promise<Playground> {
  const allowed = (await playgroundSources(real.db, principal)).find((s) => s.source === source);
  if (!allowed) throw notFound("Deze entiteit bestaat niet of je hebt er geen toegang toe.");
  const [existing] = await real.db
    .select()
    .from(playgrounds)
    .where(and(eq(playgrounds.ownerId, principal.userId), eq(playgrounds.source, source)));
  if (existing) return existing;
  const [{ count }] = (await real.db.select({ count: sql<number>`count(*)::int` }).from(playgrounds).where(eq(playgrounds.ownerId, principal.userId))) as [{ count: number }];
  if (Number(count) >= MAX_PLAYGROUNDS_PER_USER) {
    throw new AppError("conflict", `Je hebt al ${MAX_PLAYGROUNDS_PER_USER} speeltuinen. Verwijder er eerst een.`);
  }

  const snapshot = {
    ...(source === DEMO_SOURCE ? snapshotOfDemoEntity(today) : await snapshotOfEntity(real.db, source.slice("entity:".length))),
    planning: await planningSnapshot(real.db),
  };
  const roles = [...new Set(principal.grants.map((g) => g.role))] as Role[];
  const name = newPlaygroundName();
  await storage.create(name, (handle) => loadSnapshot(handle.db, snapshot, { id: principal.userId, email: principal.email, name: principal.name, roles }));
  try {
    return await real.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(playgrounds)
        .values({ ownerId: principal.userId, source, sourceLabel: allowed.label, databaseName: name })
        .returning();
      await recordAudit(tx, { actorId: principal.userId, requestId, action: "playground.create", objectType: "playground", objectId: row!.id, after: { source, sourceLabel: allowed.label } });
      return row!;
    });
  } catch (error) {
    await storage.drop(name).catch(() => undefined);
    throw error;
  }
}

/** Puts the owner's playground back at its start: everything done in it is gone. */
export async function resetPlayground(
  { real, storage }: Services,
  { principal, playgroundId, requestId }: { principal: Principal; playgroundId: string; requestId?: string },
): Promise<void> {
  const playground = await findOwnedPlayground(real.db, { playgroundId, userId: principal.userId });
  if (!playground) throw notFound("Deze speeltuin bestaat niet (meer).");
  await closePlaygroundHandle(playground.databaseName);
  await storage.reset(playground.databaseName);
  await real.db.transaction(async (tx) => {
    await tx.update(playgrounds).set({ resetAt: sql`now()` }).where(eq(playgrounds.id, playground.id));
    await recordAudit(tx, { actorId: principal.userId, requestId, action: "playground.reset", objectType: "playground", objectId: playground.id });
  });
}

/** Removes a playground: its owner may, and a central expert may remove anyone's. */
export async function removePlayground(
  { real, storage }: Services,
  { principal, playgroundId, requestId }: { principal: Principal; playgroundId: string; requestId?: string },
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(playgroundId)) throw notFound("Deze speeltuin bestaat niet (meer).");
  const [playground] = await real.db.select().from(playgrounds).where(eq(playgrounds.id, playgroundId));
  const mayRemove = playground && (playground.ownerId === principal.userId || hasPermission(principal, "playground.manage"));
  if (!playground || !mayRemove) throw notFound("Deze speeltuin bestaat niet (meer).");
  await closePlaygroundHandle(playground.databaseName);
  await storage.drop(playground.databaseName);
  await real.db.transaction(async (tx) => {
    await tx.delete(playgrounds).where(eq(playgrounds.id, playground.id));
    await recordAudit(tx, {
      actorId: principal.userId,
      requestId,
      action: "playground.remove",
      objectType: "playground",
      objectId: playground.id,
      before: { ownerId: playground.ownerId, source: playground.source, sourceLabel: playground.sourceLabel },
    });
  });
}

// ---------- open handles ----------

interface OpenPlayground {
  handle: Promise<DatabaseHandle>;
  lastUsed: number;
}

// On globalThis: Next bundles routes separately, and all of them must share this process's handles.
const globalForPlaygrounds = globalThis as unknown as { __apbPlaygroundHandles?: Map<string, OpenPlayground> };
const open = (globalForPlaygrounds.__apbPlaygroundHandles ??= new Map());

/**
 * The handle on a playground's database, opened once per process: migrated (a playground made
 * before a new migration gets it here), with its own queue and worker running.
 */
export function playgroundHandle(storage: PlaygroundStorage, databaseName: string): Promise<DatabaseHandle> {
  const known = open.get(databaseName);
  if (known) {
    known.lastUsed = Date.now();
    return known.handle;
  }
  const handle = (async () => {
    const opened = await storage.open(databaseName);
    try {
      await migrateDatabase(opened);
      await queueFor(opened);
      await startWorker(opened);
      return opened;
    } catch (error) {
      await stopQueue(opened).catch(() => undefined);
      await opened.close().catch(() => undefined);
      throw error;
    }
  })();
  open.set(databaseName, { handle, lastUsed: Date.now() });
  handle.catch(() => open.delete(databaseName));
  void closeLeastRecentlyUsed();
  return handle;
}

export async function closePlaygroundHandle(databaseName: string): Promise<void> {
  const entry = open.get(databaseName);
  if (!entry) return;
  open.delete(databaseName);
  const handle = await entry.handle.catch(() => null);
  if (!handle) return;
  await stopQueue(handle).catch((error: unknown) => console.error("[playground] stopping the queue failed", error));
  await handle.close().catch(() => undefined);
}

export async function closeAllPlaygroundHandles(): Promise<void> {
  await Promise.all([...open.keys()].map(closePlaygroundHandle));
}

async function closeLeastRecentlyUsed(): Promise<void> {
  while (open.size > MAX_OPEN) {
    const [oldest] = [...open.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0]!;
    await closePlaygroundHandle(oldest);
  }
}

/** Records that the playground was used (for the list of playgrounds); at most once a minute. */
export async function touchPlayground(db: DbOrTx, playgroundId: string): Promise<void> {
  await db
    .update(playgrounds)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(playgrounds.id, playgroundId), sql`${playgrounds.lastUsedAt} < now() - interval '1 minute'`));
}
