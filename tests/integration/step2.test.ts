import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, employmentRelations, onboardings, persons, positionVersions } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { correctPosition, listPositionVersions, type PositionCorrection } from "@/lib/domain/positions/correct-position";
import { runStep1 } from "@/lib/domain/step1/run-step1";
import { completeStep2Review } from "@/lib/domain/step2/complete-review";
import { reportFiltersSchema } from "@/lib/domain/step2/report-filters";
import { allReportLines, latestStep1RunDate, step2Report, type ReportLine } from "@/lib/domain/step2/report-queries";
import { REPORT_FILLS, step2ReportSheets } from "@/lib/domain/step2/report-xlsx";
import { AppError } from "@/lib/errors/app-error";
import { writeTablesToStream } from "@/lib/excel/write-table";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";
const TODAY = "2025-07-01";

describe(`step 2: the report, corrections and the review (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 9, referenceDate: RUN_DATE });
  const entity = data.entities[0]!;
  const hr = data.users[0]!;
  const filters = (input: Record<string, unknown> = {}) => reportFiltersSchema.parse(input);
  let created = 0;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    // The report reads the run date of the step run; a direct run records none, so record one.
    await t.db.execute(sql`insert into onboarding_step_runs (entity_id, step, state, note, finished_at) values (${entity.id}, 1, 'done', ${RUN_DATE}, now())`);
    created = (await runStep1(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId: null })).created;
  });
  afterAll(async () => t?.dispose());

  it("has one line per relation: blue for the positions step 1 made, green with a reason for the rest", async () => {
    expect(await latestStep1RunDate(t.db, entity.id)).toBe(RUN_DATE);
    const { total, counts } = await step2Report(t.db, entity.id, RUN_DATE, filters(), 50, RUN_DATE);
    const relations = data.employmentRelations.filter((r) => r.entityId === entity.id).length;
    expect(total).toBe(relations);
    expect(counts.blue).toBe(created);
    expect(counts.green).toBe(relations - created);
    expect(Object.values(counts.byReason).reduce((a, b) => a + b, 0)).toBe(counts.green);
    expect(counts.byReason.already_linked ?? 0).toBe(0);
  });

  it("offers as filter choices the units and grades that occur in the report", async () => {
    const { options } = await step2Report(t.db, entity.id, RUN_DATE, filters(), 1, RUN_DATE);
    const units = new Set(data.orgUnits.filter((u) => u.entityId === entity.id).map((u) => u.code));
    expect(options.units.length).toBeGreaterThan(0);
    expect(options.units.every((u) => units.has(u.code) && u.name.length > 0)).toBe(true);
    expect(options.grades).toEqual([...options.grades].sort());
    expect(options.grades.length).toBeGreaterThan(0);
  });

  it("filters by colour, reason and free text, and pages", async () => {
    const blue = await step2Report(t.db, entity.id, RUN_DATE, filters({ colour: "blue" }), 10, RUN_DATE);
    expect(blue.total).toBe(created);
    expect(blue.lines).toHaveLength(10);
    expect(blue.lines.every((l) => l.colour === "blue" && l.positionNumber !== null && l.reason === null)).toBe(true);
    const leave = await step2Report(t.db, entity.id, RUN_DATE, filters({ reason: "leave" }), 50, RUN_DATE);
    expect(leave.lines.every((l) => l.colour === "green" && l.reason === "leave")).toBe(true);
    const someone = blue.lines[3]!;
    const byName = await step2Report(t.db, entity.id, RUN_DATE, filters({ q: someone.vlimpers }), 50, RUN_DATE);
    expect(byName.lines.map((l) => l.relationId)).toContain(someone.relationId);
    const second = await step2Report(t.db, entity.id, RUN_DATE, filters({ colour: "blue", page: 1 }), 10, RUN_DATE);
    expect(second.lines.map((l) => l.relationId)).not.toContain(blue.lines[0]!.relationId);
    const sorted = await step2Report(t.db, entity.id, RUN_DATE, filters({ colour: "blue", sort: "position", dir: "desc" }), 5, RUN_DATE);
    const numbers = sorted.lines.map((l) => l.positionNumber!);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  const firstBlue = async (): Promise<ReportLine> => (await step2Report(t.db, entity.id, RUN_DATE, filters({ colour: "blue" }), 1, RUN_DATE)).lines[0]!;
  /** The first blue line of a part-timer (position and link below 1 FTE), always the same one. */
  const partTimeBlue = async (): Promise<ReportLine> => {
    const relation = data.employmentRelations.find((r) => r.entityId === entity.id && Number(r.fte) < 1 && Number(r.fte) >= 0.5 && r.kind === "employee" && r.status === "active" && r.functionProfileId && r.startDate <= RUN_DATE && !r.endDate)!;
    const person = data.persons.find((p) => p.id === relation.personId)!;
    return (await step2Report(t.db, entity.id, RUN_DATE, filters({ colour: "blue", q: person.vlimpersNumber }), 50, RUN_DATE)).lines.find((l) => l.relationId === relation.id)!;
  };
  const correctionOf = (line: ReportLine, overrides: Partial<PositionCorrection> = {}): PositionCorrection => ({
    functionCode: line.functionCode!,
    gradeCode: line.gradeCode ?? "",
    fte: String(line.fte),
    unitCode: line.unitCode ?? "",
    costCentreCode: line.costCentreCode ?? "",
    dutyLocationCode: line.dutyLocationCode ?? "",
    ...overrides,
  });

  it("corrects a blue line as a new dated version, audited, shown in the line and its history", async () => {
    const line = await partTimeBlue();
    const result = await correctPosition(t.db, {
      entityId: entity.id,
      positionId: line.positionId!,
      expectedRevision: line.positionRevision!,
      correction: correctionOf(line, { fte: "1" }),
      actorId: hr.id,
      today: TODAY,
    });
    expect(result).toEqual({ ok: true, changed: true, revision: line.positionRevision! + 1 });
    const versions = await listPositionVersions(t.db, entity.id, line.positionId!);
    expect(versions.map((v) => [v.versionNumber, v.validFrom, v.validTo, Number(v.fte)])).toEqual([
      [2, TODAY, null, 1],
      [1, RUN_DATE, TODAY, line.fte],
    ]);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, line.positionId!));
    expect(audit).toMatchObject({ action: "position.correct", actorId: hr.id, entityId: entity.id });
    const again = (await step2Report(t.db, entity.id, RUN_DATE, filters({ q: line.vlimpers }), 50, RUN_DATE)).lines.find((l) => l.relationId === line.relationId)!;
    expect(again.fte).toBe(1);
  });

  it("refuses to lower a position's FTE below what its occupant holds (the rule of step 5), naming them; down to it is fine", async () => {
    const line = await partTimeBlue();
    // Step 1 linked the relation for its own FTE; the test before raised the position to 1.
    const linkFte = Number(data.employmentRelations.find((r) => r.id === line.relationId)!.fte);
    expect(line.fte).toBe(1);
    const correct = (fte: string, revision: number) =>
      correctPosition(t.db, { entityId: entity.id, positionId: line.positionId!, expectedRevision: revision, correction: correctionOf(line, { fte }), actorId: hr.id, today: TODAY });
    const [current] = await t.db.execute<{ revision: number }>(sql`select revision from positions where id = ${line.positionId}`).then((r) => r.rows);
    const versionsBefore = await t.db.$count(positionVersions, eq(positionVersions.positionId, line.positionId!));
    const below = String(Math.round((linkFte - 0.1) * 10) / 10).replace(".", ",");
    const refused = await correct(below, Number(current!.revision));
    expect(refused.ok).toBe(false);
    const message = (refused as { fieldErrors: { fte?: string } }).fieldErrors.fte;
    expect(message).toMatch(/kan niet minder VTE krijgen dan wie eraan gekoppeld is/);
    expect(message).toContain(`${line.vlimpers}/${line.relationNumber}`);
    expect(message).toContain(`Kies minstens ${linkFte.toLocaleString("nl-BE")} VTE`);
    expect(await t.db.$count(positionVersions, eq(positionVersions.positionId, line.positionId!))).toBe(versionsBefore);
    const exact = await correct(String(linkFte).replace(".", ","), Number(current!.revision));
    expect(exact).toMatchObject({ ok: true, changed: true });
  });

  it("shows a blue line's own (emptied) data, and a relation added after the run as green 'after_run'", async () => {
    const line = await firstBlue();
    const result = await correctPosition(t.db, {
      entityId: entity.id,
      positionId: line.positionId!,
      expectedRevision: line.positionRevision!,
      correction: correctionOf(line, { gradeCode: "", costCentreCode: "" }),
      actorId: hr.id,
      today: TODAY,
    });
    expect(result.ok).toBe(true);
    const corrected = (await step2Report(t.db, entity.id, RUN_DATE, filters({ q: line.vlimpers }), 50, RUN_DATE)).lines.find((l) => l.relationId === line.relationId)!;
    expect(corrected).toMatchObject({ colour: "blue", gradeCode: null, costCentreCode: null });

    // A relation that appears after the run: step 1 would handle it on the run date, but did not.
    const template = data.employmentRelations.find((r) => r.entityId === entity.id && r.functionProfileId && r.kind === "employee" && r.status === "active")!;
    await t.db.execute(sql`
      insert into employment_relations (entity_id, person_id, relation_number, kind, legal_status, status, start_date, fte, function_profile_id, grade_id, org_unit_id)
      select entity_id, person_id, 9, kind, legal_status, status, '2020-01-01', fte, function_profile_id, grade_id, org_unit_id
      from employment_relations where id = ${template.id}`);
    const late = await step2Report(t.db, entity.id, RUN_DATE, filters({ reason: "after_run" }), 50, RUN_DATE);
    expect(late.lines.map((l) => l.relationNumber)).toEqual([9]);
    expect(late.counts.byReason.after_run).toBe(1);
  });

  it("refuses a stale correction with the other person's change, and writes nothing", async () => {
    const line = await firstBlue();
    const versionsBefore = await t.db.$count(positionVersions, eq(positionVersions.positionId, line.positionId!));
    const stale = correctPosition(t.db, {
      entityId: entity.id,
      positionId: line.positionId!,
      expectedRevision: line.positionRevision! - 1,
      correction: correctionOf(line, { fte: "0,8" }),
      actorId: hr.id,
      today: TODAY,
    });
    const error = await stale.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toMatch(/intussen gewijzigd/);
    expect(await t.db.$count(positionVersions, eq(positionVersions.positionId, line.positionId!))).toBe(versionsBefore);
  });

  it("checks a correction against the reference data of the entity and names the fields", async () => {
    const line = await firstBlue();
    const foreignUnit = data.orgUnits.find((u) => u.entityId !== entity.id)!;
    const result = await correctPosition(t.db, {
      entityId: entity.id,
      positionId: line.positionId!,
      expectedRevision: line.positionRevision!,
      correction: correctionOf(line, { functionCode: "FP-NOPE", fte: "1,5", unitCode: foreignUnit.code }),
      actorId: hr.id,
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(
      data.orgUnits.some((u) => u.entityId === entity.id && u.code === foreignUnit.code) ? ["fte", "functionCode"] : ["fte", "functionCode", "unitCode"],
    );
  });

  it("answers not found for a position of another entity", async () => {
    const line = await firstBlue();
    const other = data.entities[1]!;
    const error = await correctPosition(t.db, {
      entityId: other.id,
      positionId: line.positionId!,
      expectedRevision: line.positionRevision!,
      correction: correctionOf(line),
      actorId: hr.id,
      today: TODAY,
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("not_found");
  });

  it("writes the report as xlsx: coloured lines, a legend, and user text that stays text", async () => {
    const line = await firstBlue();
    const [relation] = await t.db.execute<{ person_id: string }>(sql`select person_id from employment_relations where id = ${line.relationId}`).then((r) => r.rows);
    await t.db.update(persons).set({ lastName: "=HYPERLINK(\"http://x\")" }).where(eq(persons.id, relation!.person_id));
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    await writeTablesToStream(stream, step2ReportSheets({ entityName: entity.name, runDateLabel: "15/06/2025", lines: allReportLines(t.db, entity.id, RUN_DATE, filters(), 100, RUN_DATE) }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Rapport")!;
    expect(String(sheet.getCell("A1").value)).toContain(entity.name);
    expect(sheet.getRow(3).getCell(1).value).toBe("Kleur");
    const rows = await t.db.$count(employmentRelations, eq(employmentRelations.entityId, entity.id));
    expect(sheet.rowCount).toBe(3 + rows);
    const fills = new Set<string>();
    let formulaLike = 0;
    sheet.eachRow((row, n) => {
      if (n <= 3) return;
      fills.add((row.getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb ?? "");
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("=HYPERLINK")) formulaLike++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
    expect(fills).toEqual(new Set([REPORT_FILLS.blue, REPORT_FILLS.green]));
    expect(formulaLike).toBe(1);
    expect(book.getWorksheet("Legende")).toBeDefined();
  });

  it("moves the onboarding to step 3 when the review is done, once", async () => {
    await t.db.update(onboardings).set({ currentStep: 2 }).where(eq(onboardings.entityId, entity.id));
    await completeStep2Review(t.db, { entityId: entity.id, actorId: hr.id, counts: { blue: created } });
    const [onboarding] = await t.db.select().from(onboardings).where(eq(onboardings.entityId, entity.id));
    expect(onboarding).toMatchObject({ currentStep: 3, currentState: "waiting_entity" });
    const error = await completeStep2Review(t.db, { entityId: entity.id, actorId: hr.id, counts: {} }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("conflict");
  });
});
