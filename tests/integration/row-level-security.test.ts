import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { auditEvents, persons } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const TENANT_TABLES = ["entities", "org_units", "cost_centres", "persons", "employment_relations", "onboardings"];

/** Row-level security: the database's own line of defence behind the application's checks. */
describe(`row-level security (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let single: DatabaseHandle;
  const data = generateDemoData({ size: "small", seed: 17, referenceDate: "2025-06-15" });
  const [a, b] = [data.entities[0]!, data.entities[1]!];
  const countOf = (entityId: string) => data.persons.filter((p) => p.entityId === entityId).length;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    // A pool of one connection (PGlite: its one session), shared by every scope below.
    single = testDatabaseKind() === "postgres" ? await openDatabase({ databaseUrl: t.url!, poolSize: 1, rowLevelSecurity: true }) : t;
  });
  afterAll(async () => {
    if (single !== t) await single?.close();
    await t?.dispose();
  });

  it("runs the application as roles that are not the owner, not superusers and cannot bypass it", async () => {
    const { rows } = await t.executeSql("select rolname, rolsuper, rolbypassrls from pg_roles where rolname like 'apb_app%' order by rolname");
    expect(rows).toEqual([
      { rolname: "apb_app", rolsuper: false, rolbypassrls: false },
      { rolname: "apb_app_all", rolsuper: false, rolbypassrls: false },
    ]);
    const owned = await t.executeSql("select count(*)::int as n from pg_tables where tableowner like 'apb_app%'");
    expect(owned.rows[0].n).toBe(0);
    const forced = await t.executeSql(
      `select relname from pg_class where relname = any($1) and relrowsecurity and relforcerowsecurity order by relname`,
      [TENANT_TABLES],
    );
    expect(forced.rows.map((r: { relname: string }) => r.relname)).toEqual([...TENANT_TABLES].sort());
    const roleOf = async (db: typeof t.db) => (await db.execute<{ role: string }>(sql`select current_user as role`)).rows[0]!.role;
    expect(await roleOf(t.db)).toBe("apb_app_all");
    expect(await roleOf(t.withScope([a.id]))).toBe("apb_app");
    expect(await roleOf(t.withScope([]))).toBe("apb_app");
  });

  it("lets neither role change or remove audit rows", async () => {
    for (const db of [t.db, t.withScope([a.id])]) {
      for (const statement of [sql`update audit_events set action = 'x'`, sql`delete from audit_events`]) {
        const refused = await db.execute(statement).then(() => null, (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ""}`);
        expect(refused).toMatch(/permission denied/);
      }
    }
  });

  it("shows nothing of a tenant table when no scope is set, or an empty one", async () => {
    // On the one connection: the application's role, and no scope.
    await single.executeSql("begin");
    try {
      await single.executeSql("set local role apb_app");
      for (const table of TENANT_TABLES) {
        const { rows } = await single.executeSql(`select count(*)::int as n from ${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    } finally {
      await single.executeSql("commit");
    }
    expect((await single.executeSql("select count(*)::int as n from persons")).rows[0].n).toBe(data.persons.length);
    expect(await t.withScope([]).$count(persons)).toBe(0);
  });

  it("shows one entity's rows to its scope, and refuses to write another's", async () => {
    const onlyA = t.withScope([a.id]);
    expect(await onlyA.$count(persons)).toBe(countOf(a.id));
    expect(await onlyA.$count(persons, eq(persons.entityId, b.id))).toBe(0);
    expect((await t.withScope([a.id, b.id]).$count(persons))).toBe(countOf(a.id) + countOf(b.id));
    expect(await t.db.$count(persons)).toBe(data.persons.length);
    const foreign = await onlyA
      .insert(persons)
      .values({ entityId: b.id, vlimpersNumber: "999999", firstName: "Niet", lastName: "Toegelaten" })
      .then(() => null, (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ""}`);
    expect(foreign).toMatch(/row-level security/);
  });

  it("lets an entity's scope write audit rows without an entity but read only its own entities' rows", async () => {
    const onlyA = t.withScope([a.id]);
    const row = (entityId: string | null, action: string) => ({ actorId: null, entityId, action, objectType: "test", objectId: action });
    await onlyA.insert(auditEvents).values([row(null, "rls.central-by-a"), row(a.id, "rls.own-by-a")]);
    await t.db.insert(auditEvents).values([row(null, "rls.central"), row(b.id, "rls.other")]);
    const seenByA = (await onlyA.select({ action: auditEvents.action }).from(auditEvents).where(like(auditEvents.action, "rls.%"))).map((r) => r.action);
    expect(seenByA).toEqual(["rls.own-by-a"]);
    const seenByAll = await t.db.$count(auditEvents, like(auditEvents.action, "rls.%"));
    expect(seenByAll).toBe(4);
  });

  it("never mixes two entities' requests interleaved on a pool of one connection", async () => {
    const [dbA, dbB] = [single.withScope([a.id]), single.withScope([b.id])];
    const seen = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 3 === 0
          ? (i % 2 === 0 ? dbA : dbB).transaction(async (tx) => {
              const first = await tx.select({ entityId: persons.entityId }).from(persons);
              const second = await tx.select({ entityId: persons.entityId }).from(persons);
              return { want: i % 2 === 0 ? a.id : b.id, got: [...first, ...second].map((p) => p.entityId) };
            })
          : (i % 2 === 0 ? dbA : dbB).select({ entityId: persons.entityId }).from(persons).then((rows) => ({ want: i % 2 === 0 ? a.id : b.id, got: rows.map((p) => p.entityId) })),
      ),
    );
    for (const { want, got } of seen) {
      expect(got.length).toBeGreaterThan(0);
      expect(new Set(got)).toEqual(new Set([want]));
    }
    // The connection carries neither role nor scope out of those transactions.
    const after = await single.executeSql("select current_user as role, coalesce(current_setting('apb.entity_scope', true), '') as scope");
    expect(after.rows[0].scope).toBe("");
    expect(after.rows[0].role).not.toMatch(/^apb_app/);
  });

  it("gives each request its own scope on a shared connection, after failed queries and rolled-back transactions too", async () => {
    const [dbA, dbB] = [single.withScope([a.id]), single.withScope([b.id])];
    const entitiesSeen = async (db: typeof dbA) => new Set((await db.select({ entityId: persons.entityId }).from(persons)).map((p) => p.entityId));
    const ownerSees = async () => {
      const { rows } = await single.executeSql("select current_user as role, coalesce(current_setting('apb.entity_scope', true), '') as scope, count(*)::int as n from persons group by 1, 2");
      return rows[0] as { role: string; scope: string; n: number };
    };

    // A query that fails in A's scope, then the owner, then A again and B on the same connection.
    await expect(dbA.execute(sql`select 1 / 0`)).rejects.toThrow();
    expect(await ownerSees()).toMatchObject({ scope: "", n: data.persons.length });
    await expect(dbA.execute(sql`select 1 / 0`)).rejects.toThrow();
    expect(await entitiesSeen(dbB)).toEqual(new Set([b.id]));
    // A transaction of A that is rolled back, then B, then the owner (tools, the job queue).
    await expect(
      dbA.transaction(async (tx) => {
        expect((await tx.select({ entityId: persons.entityId }).from(persons)).every((p) => p.entityId === a.id)).toBe(true);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await entitiesSeen(dbB)).toEqual(new Set([b.id]));
    const owner = await ownerSees();
    expect(owner.role).not.toMatch(/^apb_app/);
    expect(owner.scope).toBe("");
    expect(owner.n).toBe(data.persons.length);
    if (testDatabaseKind() !== "postgres") return; // PGlite runs every query in a transaction of its own
    // A connection given back inside a transaction (a BEGIN of its own) is not switched there:
    // were B switched inside A's transaction, A's ROLLBACK would undo it, and B would then read as A.
    await dbA.execute(sql`begin`);
    expect(await entitiesSeen(dbB)).toEqual(new Set([b.id]));
    await dbB.execute(sql`rollback`);
    expect(await entitiesSeen(dbB)).toEqual(new Set([b.id]));
    expect((await ownerSees()).n).toBe(data.persons.length);
  });
});
