import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRuns, type StoredProblem } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { entityScope } from "@/lib/auth/permissions";
import { loadPrincipal } from "@/lib/auth/principal-queries";
import { bookSlot, createSlot } from "@/lib/domain/planning/planning-store";
import { progressBoard, type ProgressBoardRow } from "@/lib/domain/onboarding/progress-board";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { storeFile } from "@/lib/files/store-file";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";
const TODAY = "2025-07-01";

describe(`progress board (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 5, referenceDate: RUN_DATE });
  const [entity, second, third] = [data.entities[0]!, data.entities[1]!, data.entities[2]!];
  const relationsOf = (entityId: string) => data.employmentRelations.filter((r) => r.entityId === entityId).length;
  const board = (scope: "all" | string[] = "all", deadline: string | null = null) => progressBoard(t.db, { scope, today: TODAY, deadline });
  const rowOf = (rows: ProgressBoardRow[], entityId: string) => rows.find((r) => r.id === entityId)!;
  const actorId = data.users[0]!.id!;
  let before: ProgressBoardRow[];
  let created = 0;

  /** An upload of one kind for an entity, as the import would leave it. */
  async function upload(entityId: string, kind: string, state: "rejected" | "committed", createdAt: string, problems: StoredProblem[] = [], rejection: string | null = null) {
    const file = await storeFile(t.db, { entityId, purpose: "test-upload", fileName: "upload.xlsx", contentType: "application/octet-stream", content: Buffer.from("x"), createdBy: null });
    await t.db.insert(importRuns).values({ entityId, kind, state, fileId: file.id, problems, rejection, createdAt: new Date(createdAt) });
  }
  const problem = (severity: StoredProblem["severity"], rowNumber: number): StoredProblem => ({ rowNumber, column: 1, severity, message: "Onbekende graad" });

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    before = await board();
    // The board reads the run date of the step run; a direct run records none, so record one.
    await t.db.execute(sql`insert into onboarding_step_runs (entity_id, step, state, note, finished_at) values (${entity.id}, 1, 'done', ${RUN_DATE}, now())`);
    created = (await runStep1(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId: null })).created;
  });
  afterAll(async () => t?.dispose());

  it("has one row per entity, ordered by name, with its policy area and step", async () => {
    const rows = await board();
    expect(rows.map((r) => r.id).sort()).toEqual(data.entities.map((e) => e.id).sort());
    const ordered = await t.db.execute<{ id: string }>(sql`select id from entities order by name, id`);
    expect(rows.map((r) => r.id)).toEqual(ordered.rows.map((r) => r.id));
    expect(rowOf(rows, second.id)).toMatchObject({ code: second.code, name: second.name, currentStep: 1, currentState: "not_started", plannedSlotMonth: null });
    expect(rowOf(rows, entity.id)).toMatchObject({ currentStep: 2, currentState: "waiting_entity", step1RunDate: RUN_DATE });
    expect(rows.every((r) => r.policyAreaCode.length > 0 && r.policyAreaName.length > 0)).toBe(true);
  });

  it("shows only the entities in scope: all, one, the grants of an HR officer, none", async () => {
    expect((await board([second.id])).map((r) => r.id)).toEqual([second.id]);
    expect(await board([])).toEqual([]);
    const hrUser = data.users.find((u) => data.userGrants.some((g) => g.userId === u.id && g.role === "entity_hr"))!;
    const principal = (await loadPrincipal(t.db, hrUser.id))!;
    const scope = entityScope(principal, "onboarding.read");
    expect(scope).not.toBe("all");
    const expected = data.userGrants.filter((g) => g.userId === hrUser.id).map((g) => g.entityId!);
    expect((await board(scope as string[])).map((r) => r.id).sort()).toEqual([...new Set(expected)].sort());
  });

  it("counts blue and green lines only after step 1: together the relations of the entity", async () => {
    expect(before.every((r) => r.blueLines === 0 && r.greenLines === 0 && r.step1RunDate === null)).toBe(true);
    const rows = await board();
    expect(created).toBeGreaterThan(0);
    expect(rowOf(rows, entity.id)).toMatchObject({ blueLines: created, greenLines: relationsOf(entity.id) - created });
    expect(rows.filter((r) => r.id !== entity.id).every((r) => r.blueLines === 0 && r.greenLines === 0)).toBe(true);
  });

  it("counts the errors of a rejected latest upload, not its warnings, and not once a newer upload went through", async () => {
    await upload(entity.id, "personnel-list", "rejected", "2025-06-20T10:00:00Z", [problem("error", 2), problem("error", 5), problem("warning", 7)]);
    expect(rowOf(await board(), entity.id).openErrors).toBe(2);

    await upload(entity.id, "personnel-list", "committed", "2025-06-21T10:00:00Z");
    expect(rowOf(await board(), entity.id).openErrors).toBe(0);
  });

  it("counts only the latest upload per kind, sums over kinds, and counts a refused file as one error", async () => {
    await upload(second.id, "position-template", "rejected", "2025-06-20T10:00:00Z", [problem("error", 2), problem("error", 3), problem("error", 4)]);
    await upload(second.id, "position-template", "rejected", "2025-06-22T10:00:00Z", [problem("error", 2)]);
    await upload(second.id, "reference:org-units", "rejected", "2025-06-23T10:00:00Z", [], "De kolom Code ontbreekt.");
    const rows = await board();
    expect(rowOf(rows, second.id).openErrors).toBe(2);
    expect(rowOf(rows, third.id).openErrors).toBe(0);
    expect((await board([third.id]))[0]!.openErrors).toBe(0);
  });

  it("shows the planned slot and the days to the deadline", async () => {
    const slot = await createSlot(t.db, { month: "2025-10-01", capacity: 2, note: null, actorId });
    await bookSlot(t.db, { entityId: third.id, slotId: slot.id, today: "2025-07-01", actorId });
    const rows = await board("all", "2025-12-31");
    expect(rowOf(rows, third.id)).toMatchObject({ plannedSlotMonth: "2025-10-01", deadline: "2025-12-31", daysToDeadline: 183, scheduleStatus: "on_schedule" });
    expect(rowOf(rows, second.id)).toMatchObject({ plannedSlotMonth: null, scheduleStatus: "no_slot" });
    expect(rows.every((r) => r.daysToDeadline === 183)).toBe(true);
    expect(rowOf(await board("all", "2025-06-30"), third.id).daysToDeadline).toBe(-1);
    expect(rowOf(await board(), third.id)).toMatchObject({ deadline: null, daysToDeadline: null });
  });
});
