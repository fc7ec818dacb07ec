import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { entities, userGrants, users } from "@/db/schema";
import type { Principal, Role } from "./permissions";

/**
 * The signed-in user's roles and grants, read from the database on every request, so a revoked
 * grant or a deactivated user loses access at once. Grants on inactive entities do not count.
 */
export async function loadPrincipal(db: DbOrTx, userId: string): Promise<Principal | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const grants = await db
    .select({ role: userGrants.role, entityId: userGrants.entityId })
    .from(userGrants)
    .leftJoin(entities, eq(entities.id, userGrants.entityId))
    .where(and(eq(userGrants.userId, user.id), or(isNull(userGrants.entityId), eq(entities.active, true))));
  return { userId: user.id, email: user.email, name: user.name, grants };
}

/** Maps an identity-provider account to ours: by subject first, else by e-mail (then remembers the subject). */
export async function findUserForOidc(
  db: Db,
  claims: { sub: string; email?: string | null },
): Promise<{ id: string } | null> {
  const [bySubject] = await db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(eq(users.oidcSubject, claims.sub));
  if (bySubject) return bySubject.active ? { id: bySubject.id } : null;
  if (!claims.email) return null;
  const [byEmail] = await db
    .select({ id: users.id, active: users.active, oidcSubject: users.oidcSubject })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${claims.email})`);
  if (!byEmail || !byEmail.active || byEmail.oidcSubject) return null;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ oidcSubject: claims.sub }).where(eq(users.id, byEmail.id));
    await recordAudit(tx, {
      actorId: byEmail.id,
      action: "user.link-oidc-subject",
      objectType: "user",
      objectId: byEmail.id,
      before: { oidcSubject: null },
      after: { oidcSubject: claims.sub },
    });
  });
  return { id: byEmail.id };
}

export async function findDemoUser(db: DbOrTx, userId: string): Promise<{ id: string; email: string; name: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isDemo, true), eq(users.active, true)));
  return user ?? null;
}

/** The one-click accounts of the demo sign-in page, with a readable summary of their grants. */
export async function listDemoAccounts(db: DbOrTx) {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: userGrants.role, entityCode: entities.code, entityName: entities.name })
    .from(users)
    .innerJoin(userGrants, eq(userGrants.userId, users.id))
    .leftJoin(entities, eq(entities.id, userGrants.entityId))
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .orderBy(users.email, entities.name);
  const accounts = new Map<string, { id: string; email: string; name: string; grants: { role: Role; entityCode: string | null; entityName: string | null }[] }>();
  for (const row of rows) {
    const account = accounts.get(row.id) ?? { id: row.id, email: row.email, name: row.name, grants: [] };
    account.grants.push({ role: row.role, entityCode: row.entityCode, entityName: row.entityName });
    accounts.set(row.id, account);
  }
  return [...accounts.values()];
}
