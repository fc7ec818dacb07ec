import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entities, onboardings, playgrounds } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { loadPrincipal } from "@/lib/auth/principal-queries";
import type { Principal } from "@/lib/auth/permissions";
import { startStep1 } from "@/lib/domain/step1/run-step1";
import { startStep4 } from "@/lib/domain/step4/run-step4";
import { submitControlReport } from "@/lib/domain/step5/control-assignments";
import { acceptControlUpload, previewControlUpload } from "@/lib/domain/step5/control-import";
import { startStep6 } from "@/lib/domain/step6/run-step6";
import { AppError } from "@/lib/errors/app-error";
import {
  closeAllPlaygroundHandles,
  createPlayground,
  DEMO_SOURCE,
  findOwnedPlayground,
  playgroundHandle,
  removePlayground,
  resetPlayground,
  type Playground,
} from "@/lib/playground/playground-service";
import { playgroundStorage, type PlaygroundStorage } from "@/lib/playground/playground-storage";
import { tableChecksums } from "../support/checksum";
import { waitForJob } from "../support/wait-for-job";
import { asUpload, completeSteps2And3, fillControlReport, latestControlReport } from "../support/onboarding-flow";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const TODAY = "2025-06-15";
describe(`playground: steps 1 to 6 without touching real data (${testDatabaseKind()})`, () => {
  let real: TestDatabase;
  let storage: PlaygroundStorage;
  let folder: string;
  const data = generateDemoData({ size: "small", seed: 21, referenceDate: TODAY });
  const hrAccount = data.users.find((u) => u.email === "hr.dfb@demo.vlaanderen.be")!;
  const entityId = data.userGrants.find((g) => g.userId === hrAccount.id && g.role === "entity_hr")!.entityId!;
  const foreignEntity = data.entities.find((e) => e.id !== entityId)!;
  let hr: Principal;
  let playground: Playground;
  let startChecksums: Record<string, string>;

  beforeAll(async () => {
    real = await createTestDatabase();
    await loadDemoData(real.db, data);
    folder = mkdtempSync(path.join(tmpdir(), "apb-speeltuin-"));
    storage = playgroundStorage({ databaseUrl: real.url, pgliteDir: path.join(folder, "pglite") });
    hr = (await loadPrincipal(real.db, hrAccount.id))!;
  });
  afterAll(async () => {
    await closeAllPlaygroundHandles();
    if (playground) await storage.drop(playground.databaseName).catch(() => undefined);
    await real?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it("copies only the entity's starting data into a database of its own, with the owner as its only user", async () => {
    playground = await createPlayground({ real, storage }, { principal: hr, source: `entity:${entityId}`, today: TODAY });
    const again = await createPlayground({ real, storage }, { principal: hr, source: `entity:${entityId}`, today: TODAY });
    expect(again.id).toBe(playground.id);
    const handle = await playgroundHandle(storage, playground.databaseName);
    expect((await handle.db.select({ id: entities.id }).from(entities)).map((e) => e.id)).toEqual([entityId]);
    const relations = await handle.executeSql(`select count(*)::int as n from employment_relations`);
    expect(relations.rows[0].n).toBe(data.employmentRelations.filter((r) => r.entityId === entityId).length);
    const foreign = await handle.executeSql(`select count(*)::int as n from persons where entity_id = $1`, [foreignEntity.id]);
    expect(foreign.rows[0].n).toBe(0);
    const principal = await loadPrincipal(handle.db, hr.userId);
    expect(principal?.grants).toEqual([{ role: "entity_hr", entityId }]);
    startChecksums = await tableChecksums(handle, { schemas: ["public"] });
  });

  it("refuses a playground of an entity the user does not work with", async () => {
    await expect(createPlayground({ real, storage }, { principal: hr, source: `entity:${foreignEntity.id}`, today: TODAY })).rejects.toThrow(AppError);
    await expect(createPlayground({ real, storage }, { principal: hr, source: "entity:not-a-uuid", today: TODAY })).rejects.toThrow(AppError);
  });

  it("runs steps 1 to 6 in the playground (jobs included) and leaves every real table exactly as it was", async () => {
    const before = await tableChecksums(real);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Object.values(before).filter((v) => !v.startsWith("0:")).length).toBeGreaterThan(10);
    const handle = await playgroundHandle(storage, playground.databaseName);
    const actor = { entityId, actorId: hr.userId };

    const step1 = await startStep1(handle, { ...actor, runDate: TODAY });
    await waitForJob(handle, step1.jobRunId);
    await completeSteps2And3(handle.db, actor);

    const step4 = await startStep4(handle, { ...actor, runDate: TODAY });
    await waitForJob(handle, step4.jobRunId);
    const controlUpload = await previewControlUpload(handle.db, { ...actor, file: asUpload(await fillControlReport(await latestControlReport(handle.db, entityId))) });
    expect(controlUpload.state).toBe("previewed");
    await acceptControlUpload(handle.db, { ...actor, importRunId: controlUpload.importRunId });
    await submitControlReport(handle.db, actor);

    const step6 = await startStep6(handle, { ...actor, runDate: TODAY });
    await waitForJob(handle, step6.jobRunId);
    const [onboarding] = await handle.db.select().from(onboardings).where(eq(onboardings.entityId, entityId));
    expect(onboarding!.currentStep).toBe(7);
    const links = await handle.executeSql(`select count(*)::int as n from position_links`);
    expect(links.rows[0].n).toBeGreaterThan(0);

    expect(await tableChecksums(real)).toEqual(before);
    const [realOnboarding] = await real.db.select().from(onboardings).where(eq(onboardings.entityId, entityId));
    expect(realOnboarding!.currentStep).toBe(1);
  });

  it("puts the playground back at its start with a reset", async () => {
    const owner = { ...hr };
    await resetPlayground({ real, storage }, { principal: owner, playgroundId: playground.id });
    const handle = await playgroundHandle(storage, playground.databaseName);
    expect(await tableChecksums(handle, { schemas: ["public"] })).toEqual(startChecksums);
    const [row] = await real.db.select().from(playgrounds).where(eq(playgrounds.id, playground.id));
    expect(row!.resetAt).not.toBeNull();
  });

  it("is reachable by its owner only, and removed with its database", async () => {
    const expert = (await loadPrincipal(real.db, data.users.find((u) => u.email === "expert@demo.vlaanderen.be")!.id!))!;
    expect(await findOwnedPlayground(real.db, { playgroundId: playground.id, userId: expert.userId })).toBeNull();
    await expect(resetPlayground({ real, storage }, { principal: expert, playgroundId: playground.id })).rejects.toThrow(/bestaat niet/);

    const demo = await createPlayground({ real, storage }, { principal: expert, source: DEMO_SOURCE, today: TODAY });
    const demoHandle = await playgroundHandle(storage, demo.databaseName);
    const demoEntities = await demoHandle.db.select({ code: entities.code }).from(entities);
    expect(demoEntities).toEqual([{ code: "DEMO" }]);
    expect((await loadPrincipal(demoHandle.db, expert.userId))?.grants.map((g) => g.role)).toContain("central_expert");

    // A central expert removes anyone's playground; its databases are gone with it.
    await removePlayground({ real, storage }, { principal: expert, playgroundId: playground.id });
    await removePlayground({ real, storage }, { principal: expert, playgroundId: demo.id });
    expect(await real.db.select().from(playgrounds)).toEqual([]);
    await expect(storage.open(playground.databaseName).then((h) => h.executeSql("select 1 from entities"))).rejects.toThrow();
  });
});
