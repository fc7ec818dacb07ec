import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { previewPersonnelImport } from "@/lib/domain/personnel/preview-personnel-import";
import { previewReferenceImport } from "@/lib/domain/reference/reference-import";
import { completeStep2Review } from "@/lib/domain/step2/complete-review";
import { previewTemplateUpload } from "@/lib/domain/step3/template-import";
import { runStep4 } from "@/lib/domain/step4/run-step4";
import { previewControlUpload } from "@/lib/domain/step5/control-import";
import type { PreviewOutcome } from "@/lib/domain/imports/import-run-store";
import { simpleXlsx } from "@/lib/excel/read/test-support/workbooks";
import { tableChecksums } from "../support/checksum";
import { hostileCases, withWholeSheetValidation, type HostileCase } from "../support/hostile-files";
import { asUpload, completeSteps2And3, downloadTemplate, runStep1Recorded } from "../support/onboarding-flow";
import { readFileContent } from "@/lib/files/store-file";
import { personnelRow, personnelWorkbook } from "../fixtures/personnel-list";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const RUN_DATE = "2025-06-15";
/** What an upload may write when it refuses a file: the record of the refusal and the file itself. */
const BOOKKEEPING = new Set(["public.import_runs", "public.stored_files", "public.audit_events"]);

interface UploadKind {
  name: string;
  base: () => Promise<Buffer>;
  preview: (file: ReturnType<typeof asUpload>) => Promise<PreviewOutcome>;
}

/**
 * Every upload of the application — personnel list, reference data, position template, control
 * report — gets every hostile file: each is refused with a clear message, quickly, without
 * unbounded memory, and nothing but the record of the refusal is written.
 */
describe(`hostile and broken files for every upload (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 31, referenceDate: RUN_DATE });
  const [atStep3, atStep5] = [data.entities[0]!, data.entities[1]!];
  const actorId = data.users[0]!.id!;
  let template: Buffer;
  let controlReport: Buffer;

  const kinds: UploadKind[] = [
    {
      name: "personnel list",
      base: () => personnelWorkbook([personnelRow(1)]),
      preview: (file) => previewPersonnelImport(t.db, { entityId: atStep3.id, actorId, file }),
    },
    {
      name: "reference data (grades)",
      base: () => simpleXlsx([["Code", "Titel", "Niveau", "Rang"], ["A1", "attaché", "A", "A1"]]),
      preview: (file) => previewReferenceImport(t.db, { kind: "grades", entityId: null, actorId, file }),
    },
    { name: "position template", base: async () => template, preview: (file) => previewTemplateUpload(t.db, { entityId: atStep3.id, actorId, file }) },
    { name: "control report", base: async () => controlReport, preview: (file) => previewControlUpload(t.db, { entityId: atStep5.id, actorId, file }) },
  ];

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoData(t.db, data);
    for (const entity of [atStep3, atStep5]) await runStep1Recorded(t.db, { entityId: entity.id, runDate: RUN_DATE });
    await completeStep2Review(t.db, { entityId: atStep3.id, actorId, counts: {} });
    template = await downloadTemplate(t.db, atStep3.id);
    await completeSteps2And3(t.db, { entityId: atStep5.id, actorId });
    const step4 = await runStep4(t.db, { entityId: atStep5.id, runDate: RUN_DATE, actorId });
    controlReport = (await readFileContent(t.db, step4.controlReportFileId!))!;
  });
  afterAll(async () => t?.dispose());

  for (const kind of kinds) {
    it(`refuses every hostile file as a ${kind.name}, quickly, and writes nothing else`, async () => {
      const cases: HostileCase[] = await hostileCases(await kind.base());
      const before = await tableChecksums(t);
      const failures: string[] = [];
      for (const hostile of cases) {
        const rssBefore = process.memoryUsage().rss;
        const started = performance.now();
        const outcome = await kind.preview(asUpload(hostile.content, hostile.fileName));
        const ms = performance.now() - started;
        const grewMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
        if (outcome.state !== "rejected") failures.push(`${hostile.name}: accepted`);
        else if (!hostile.message.test(outcome.rejection ?? "")) failures.push(`${hostile.name}: message "${outcome.rejection}"`);
        if (ms > 3_000) failures.push(`${hostile.name}: took ${Math.round(ms)} ms`);
        if (grewMb > 200) failures.push(`${hostile.name}: memory grew ${Math.round(grewMb)} MB`);
      }
      expect(failures).toEqual([]);
      const after = await tableChecksums(t);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !BOOKKEEPING.has(table));
      expect(changed).toEqual([]);
    });
  }

  it("reads a file with a drop-down list over the whole sheet without expanding it", async () => {
    for (const kind of [kinds[0]!, kinds[2]!]) {
      const content = await withWholeSheetValidation(await kind.base());
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const outcome = await kind.preview(asUpload(content));
      expect(performance.now() - started, kind.name).toBeLessThan(5_000);
      expect((process.memoryUsage().rss - rssBefore) / 1024 / 1024, kind.name).toBeLessThan(200);
      // Our own template carries drop-down lists; a validation is no reason to refuse a file. The
      // file is judged on its content, as without the validation (and its problems are marked in it).
      expect(outcome.rejection, kind.name).toBeNull();
      const plain = await kind.preview(asUpload(await kind.base()));
      expect({ state: outcome.state, summary: outcome.summary }, kind.name).toEqual({ state: plain.state, summary: plain.summary });
    }
  });
});
