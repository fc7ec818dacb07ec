import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onboardings, onboardingStepRuns } from "@/db/schema";
import { progressBoard } from "@/lib/domain/onboarding/progress-board";
import { progressBoardSheet } from "@/lib/domain/progress/progress-xlsx";
import { writeTablesXlsx } from "@/lib/excel/write-table";
import messages from "@/messages/nl-BE.json";
import { createEntity, createRelation } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const TODAY = "2025-07-01";
const DEADLINE = "2025-12-31";
const RUN_DATE = "2025-06-15";

// Columns of the sheet (docs/formats.md, "Stand van zaken").
const COL = { code: 2, step: 4, stepText: 5, state: 6, step1Run: 7, blue: 8, green: 9, schedule: 12, deadline: 13 } as const;

describe(`the progress board as xlsx (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let sheet: ExcelJS.Worksheet;
  const rowByCode = new Map<string, ExcelJS.Row>();

  beforeAll(async () => {
    t = await createTestDatabase();
    // Three entities: onboarded (step 6 done), under way in step 2, and one step 1 has not run for.
    const complete = await createEntity(t.db, { code: "DONE", name: "Agentschap Aangesloten" });
    const underWay = await createEntity(t.db, { code: "BUSY", name: "Agentschap Bezig" });
    const notStarted = await createEntity(t.db, { code: "NEW", name: "Agentschap Nieuw" });
    await t.db.insert(onboardings).values([
      { entityId: complete.id, currentStep: 7, currentState: "done", completedAt: new Date() },
      { entityId: underWay.id, currentStep: 2, currentState: "waiting_entity" },
      { entityId: notStarted.id, currentStep: 1, currentState: "not_started" },
    ]);
    for (const entity of [complete, underWay]) {
      await createRelation(t.db, entity.id);
      await t.db.insert(onboardingStepRuns).values({ entityId: entity.id, step: 1, state: "done", note: RUN_DATE, finishedAt: new Date() });
    }
    await createRelation(t.db, notStarted.id);

    const rows = await progressBoard(t.db, { scope: "all", today: TODAY, deadline: DEADLINE });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeTablesXlsx([progressBoardSheet({ rows, today: TODAY, deadline: DEADLINE })])) as unknown as ArrayBuffer);
    sheet = book.getWorksheet("Stand van zaken")!;
    sheet.eachRow((row, number) => {
      if (number > 3) rowByCode.set(String(row.getCell(COL.code).value), row);
    });
  });
  afterAll(async () => t?.dispose());

  const texts = () => {
    const all: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => all.push(cell.text)));
    return all;
  };

  it("has a row per entity", () => {
    expect([...rowByCode.keys()].sort()).toEqual(["BUSY", "DONE", "NEW"]);
  });

  it("shows a completed onboarding as complete, as online ('Aangesloten'), never as a step 7 of six", () => {
    const done = rowByCode.get("DONE")!;
    expect(done.getCell(COL.step).value).toBe(messages.schedule.completed);
    expect(done.getCell(COL.stepText).value).toBeNull();
    expect(done.getCell(COL.state).value).toBeNull();
    expect(done.getCell(COL.schedule).value).toBe(messages.schedule.completed);
    sheet.eachRow((row, number) => {
      if (number > 3) expect(row.getCell(COL.step).value).not.toBe(7);
    });
    expect(texts().filter((text) => /stap 7|step 7/i.test(text) || text === messages.steps["7"])).toEqual([]);
  });

  it("shows an onboarding under way with its step number, name and state", () => {
    const busy = rowByCode.get("BUSY")!;
    expect(busy.getCell(COL.step).value).toBe(2);
    expect(busy.getCell(COL.stepText).value).toBe(messages.steps["2"]);
    expect(busy.getCell(COL.state).value).toBe(messages.stepState.waiting_entity);
  });

  it("leaves the blue and green lines empty before step 1, where the page shows —, and never writes 0/0", () => {
    const fresh = rowByCode.get("NEW")!;
    expect(fresh.getCell(COL.blue).value).toBeNull();
    expect(fresh.getCell(COL.green).value).toBeNull();
    expect(rowByCode.get("BUSY")!.getCell(COL.green).value).toBe(1);
    expect(texts().filter((text) => text.includes("0/0"))).toEqual([]);
  });

  it("writes the deadline and the run date of step 1 as real dates, shown dd/mm/yyyy", () => {
    const busy = rowByCode.get("BUSY")!;
    const deadline = busy.getCell(COL.deadline);
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString().slice(0, 10)).toBe(DEADLINE);
    expect(deadline.numFmt).toBe("dd/mm/yyyy");
    const run = busy.getCell(COL.step1Run);
    expect(run.value).toBeInstanceOf(Date);
    expect((run.value as Date).toISOString().slice(0, 10)).toBe(RUN_DATE);
    expect(run.numFmt).toBe("dd/mm/yyyy");
    expect(rowByCode.get("NEW")!.getCell(COL.step1Run).value).toBeNull();
  });
});
