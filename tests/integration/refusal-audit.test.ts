import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { AppError } from "@/lib/errors/app-error";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The guards as a request would run them: who is signed in (Auth.js), the request's headers, and
// the request's database are the only parts of Next they touch.
const session = vi.hoisted(() => ({ uid: undefined as string | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.uid ? { uid: session.uid } : null) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "test-request" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("@/lib/server/database", () => ({
  requestDatabase: async () => ({ handle: session.db, playground: null }),
  db: async () => (session.db as { db: unknown }).db,
}));

const { requireEntityAccess, requirePermission } = await import("@/lib/auth/guards");

describe(`refusals and downloads are written to the audit log (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 3, referenceDate: "2025-06-15" });
  const hr = data.users.find((u) => u.email === "hr.dfb@demo.vlaanderen.be")!;
  const own = data.userGrants.find((g) => g.userId === hr.id)!.entityId!;
  const foreign = data.entities.find((e) => e.id !== own)!.id;
  const refusals = async () =>
    (await t.db.select().from(auditEvents).where(eq(auditEvents.action, "access.refused"))).map((e) => ({ actorId: e.actorId, permission: e.objectId, after: e.after, requestId: e.requestId }));

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    session.db = t;
  });
  afterAll(async () => t?.dispose());

  it("records an anonymous call, a missing permission and a foreign entity, and lets allowed calls pass unrecorded", async () => {
    session.uid = undefined;
    await expect(requirePermission("planning.read")).rejects.toMatchObject({ code: "unauthenticated" });
    session.uid = hr.id;
    await expect(requirePermission("planning.manage")).rejects.toMatchObject({ code: "forbidden" });
    await expect(requireEntityAccess("personnel.read", foreign)).rejects.toBeInstanceOf(AppError);
    await expect(requireEntityAccess("personnel.read", own)).resolves.toMatchObject({ userId: hr.id });
    await expect(requirePermission("planning.read")).resolves.toMatchObject({ userId: hr.id });

    expect(await refusals()).toEqual([
      { actorId: null, permission: "planning.read", after: { code: "unauthenticated", entityId: null }, requestId: "test-request" },
      { actorId: hr.id, permission: "planning.manage", after: { code: "forbidden", entityId: null }, requestId: "test-request" },
      { actorId: hr.id, permission: "personnel.read", after: { code: "not_found", entityId: foreign }, requestId: "test-request" },
    ]);
  });

  it("records a download: who took which file", async () => {
    session.uid = hr.id;
    const { GET } = await import("@/app/api/planning/route");
    const response = await GET();
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const downloads = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "export.download"));
    expect(downloads.map((e) => ({ actorId: e.actorId, objectType: e.objectType, fileName: (e.after as { fileName: string }).fileName }))).toEqual([
      { actorId: hr.id, objectType: "planning", fileName: expect.stringMatching(/^planning-aansluitingen-\d{4}-\d{2}-\d{2}\.xlsx$/) },
    ]);
  });
});
