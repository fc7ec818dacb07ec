import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../lib/demo/generate";
import { loadDemoData } from "../../lib/demo/load";
import { buildReferenceWorkbook } from "@/lib/domain/reference/export-reference";
import { analyseReferenceFile } from "@/lib/domain/reference/reference-import";
import { REFERENCE_KIND_KEYS, REFERENCE_KINDS } from "@/lib/domain/reference/reference-kinds";
import { loadReference } from "@/lib/domain/reference/reference-store";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

/**
 * The realistic demo reference data (ranks such as A2E, nested units, families) must pass our
 * own checks: exported and read back, every kind is clean and unchanged.
 */
describe(`reference data of the demo set, exported and imported again (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const data = generateDemoData({ size: "small", seed: 11, referenceDate: "2025-06-15" });

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, data);
  });
  afterAll(async () => database?.dispose());

  it.each(REFERENCE_KIND_KEYS)("%s: no problems, nothing to change", async (kind) => {
    const entityId = REFERENCE_KINDS[kind].scope === "entity" ? data.entities[0]!.id : null;
    const stored = await loadReference(database.db, kind, entityId);
    expect(stored.length).toBeGreaterThan(0);
    const content = await buildReferenceWorkbook(REFERENCE_KINDS[kind], stored);
    const { analysis } = await analyseReferenceFile(database.db, kind, entityId, { fileName: "export.xlsx", content });
    expect(analysis.rejection).toBeNull();
    expect(analysis.problems).toEqual([]);
    expect(analysis.summary).toMatchObject({ rows: stored.length, added: 0, changed: 0, unchanged: stored.length, gone: 0 });
  });
});
