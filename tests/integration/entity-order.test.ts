import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEntityNames, listEntityOverview } from "@/lib/domain/entities/queries";
import { progressBoard } from "@/lib/domain/onboarding/progress-board";
import { compareDutch } from "@/lib/i18n/dutch-order";
import { createEntity } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// Names on which byte order, glibc's en_US and Dutch disagree: case, accents, spaces.
const NAMES = ["Departement Omgeving", "De Vlaamse Waterweg", "agentschap Innoveren", "Agentschap Opgroeien", "Économie Vlaanderen", "Eco-instituut", "Vlaams Agentschap", "Vlaamse Belastingdienst", "Zorg en Gezondheid"];

describe(`every list of entities in one Dutch order (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const dutch = [...NAMES].sort(compareDutch);

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const name of [...NAMES].reverse()) await createEntity(t.db, { name });
  });
  afterAll(async () => t?.dispose());

  it("the TypeScript order is Dutch: case and accents do not put a name elsewhere", () => {
    expect(dutch.indexOf("agentschap Innoveren")).toBeLessThan(dutch.indexOf("Agentschap Opgroeien"));
    expect(dutch.indexOf("Économie Vlaanderen")).toBeLessThan(dutch.indexOf("Vlaams Agentschap"));
  });

  it("the database lists them in the same order", async () => {
    expect((await listEntityNames(t.db, "all")).map((e) => e.name)).toEqual(dutch);
    expect((await listEntityOverview(t.db, { scope: "all", asOf: "2026-01-01" })).map((e) => e.name)).toEqual(dutch);
    expect((await progressBoard(t.db, { scope: "all", today: "2026-01-01", deadline: null })).map((e) => e.name)).toEqual(dutch);
  });
});
