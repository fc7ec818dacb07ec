import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, entities, userGrants, users } from "@/db/schema";
import { findDemoUser, findUserForOidc, listDemoAccounts, loadPrincipal } from "@/lib/auth/principal-queries";
import { createEntity } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

/** Roles and grants come from the database on every request: changes apply at the next one. */
describe(`principal (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let entityA: { id: string };
  let entityB: { id: string };
  let userId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    entityA = await createEntity(t.db);
    entityB = await createEntity(t.db);
    const [user] = await t.db.insert(users).values({ email: "Hr.Officer@Example.org", name: "HR Officer", isDemo: true }).returning();
    userId = user!.id;
    await t.db.insert(userGrants).values([
      { userId, role: "entity_hr", entityId: entityA.id },
      { userId, role: "entity_hr", entityId: entityB.id },
    ]);
  });
  afterAll(async () => t?.dispose());

  it("loads the user's grants", async () => {
    const principal = await loadPrincipal(t.db, userId);
    expect(principal?.grants).toHaveLength(2);
    expect(principal?.grants).toContainEqual({ role: "entity_hr", entityId: entityA.id });
  });

  it("drops a revoked grant at once", async () => {
    await t.db.delete(userGrants).where(eq(userGrants.entityId, entityB.id));
    expect((await loadPrincipal(t.db, userId))?.grants).toEqual([{ role: "entity_hr", entityId: entityA.id }]);
  });

  it("ignores grants on a deactivated entity", async () => {
    await t.db.update(entities).set({ active: false }).where(eq(entities.id, entityA.id));
    expect((await loadPrincipal(t.db, userId))?.grants).toEqual([]);
    await t.db.update(entities).set({ active: true }).where(eq(entities.id, entityA.id));
  });

  it("maps an identity-provider account by e-mail once, then by subject, and audits the link", async () => {
    expect(await findUserForOidc(t.db, { sub: "sub-1", email: "hr.officer@example.org" })).toEqual({ id: userId });
    expect(await findUserForOidc(t.db, { sub: "sub-1", email: "changed@example.org" })).toEqual({ id: userId });
    // Another subject claiming the same e-mail does not take the account over.
    expect(await findUserForOidc(t.db, { sub: "sub-2", email: "hr.officer@example.org" })).toBeNull();
    expect(await findUserForOidc(t.db, { sub: "sub-3", email: "nobody@example.org" })).toBeNull();
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, userId));
    expect(audit.map((a) => a.action)).toEqual(["user.link-oidc-subject"]);
  });

  it("lists demo accounts with their grants, and only demo accounts sign in with one click", async () => {
    const [other] = await t.db.insert(users).values({ email: "real@example.org", name: "Real", isDemo: false }).returning();
    await t.db.insert(userGrants).values({ userId: other!.id, role: "manager", entityId: null });
    const accounts = await listDemoAccounts(t.db);
    expect(accounts.map((a) => a.email)).toEqual(["Hr.Officer@Example.org"]);
    expect(await findDemoUser(t.db, other!.id)).toBeNull();
    expect(await findDemoUser(t.db, userId)).not.toBeNull();
  });

  it("treats a deactivated user as signed out", async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await loadPrincipal(t.db, userId)).toBeNull();
    expect(await findDemoUser(t.db, userId)).toBeNull();
    expect(await findUserForOidc(t.db, { sub: "sub-1" })).toBeNull();
    expect(await loadPrincipal(t.db, "not-a-uuid")).toBeNull();
  });
});
