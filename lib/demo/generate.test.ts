import { describe, expect, it } from "vitest";
import { generateDemoData, summarizeMix, type DemoData, type EmploymentRelationRow } from "./generate";
import { DEMO_MIX, type MixCase } from "./mix";
import { createRng } from "./random";
import { DEMO_ACCOUNTS } from "./users";
import { DEMO_STAGES } from "./stages";

const REFERENCE_DATE = "2025-03-15";
const small = generateDemoData({ size: "small", seed: 1, referenceDate: REFERENCE_DATE });
const full = generateDemoData({ size: "full", seed: 1, referenceDate: REFERENCE_DATE });
const sets = [
  ["small", small],
  ["full", full],
] as const;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function relationsByPerson(data: DemoData): Map<string, EmploymentRelationRow[]> {
  const map = new Map<string, EmploymentRelationRow[]>();
  for (const r of data.employmentRelations) map.set(r.personId, [...(map.get(r.personId) ?? []), r]);
  return map;
}

describe("random", () => {
  it("repeats itself for a seed and stays within bounds", () => {
    const a = createRng(5);
    const b = createRng(5);
    const draws = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(Array.from({ length: 1000 }, () => b.int(3, 9))).toEqual(draws);
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(9);
    expect(createRng(5).uuid()).toMatch(UUID_V4);
    expect(createRng(6).uuid()).not.toBe(createRng(5).uuid());
  });
});

describe("generateDemoData", () => {
  it("gives byte-identical output for the same seed and reference date", () => {
    expect(JSON.stringify(generateDemoData({ size: "small", seed: 1, referenceDate: REFERENCE_DATE }))).toBe(
      JSON.stringify(small),
    );
    expect(JSON.stringify(generateDemoData({ size: "full", seed: 1, referenceDate: REFERENCE_DATE }))).toBe(
      JSON.stringify(full),
    );
  });

  it("gives different data for another seed", () => {
    const other = generateDemoData({ size: "small", seed: 2, referenceDate: REFERENCE_DATE });
    expect(other.persons.map((p) => p.vlimpersNumber)).not.toEqual(small.persons.map((p) => p.vlimpersNumber));
    expect(other.employmentRelations[0]?.id).not.toBe(small.employmentRelations[0]?.id);
  });

  it("refuses a reference date that is not a real YYYY-MM-DD date", () => {
    expect(() => generateDemoData({ size: "small", referenceDate: "2025-02-30" })).toThrow(/referenceDate/);
    expect(() => generateDemoData({ size: "small", referenceDate: "15/03/2025" })).toThrow(/referenceDate/);
  });

  it.each(sets)("%s: matches the case mix within one percentage point", (_, data) => {
    const summary = summarizeMix(data);
    for (const key of Object.keys(DEMO_MIX) as MixCase[]) {
      expect({ key, diff: Math.abs(summary.fractions[key] - DEMO_MIX[key]) <= 0.01 }).toEqual({ key, diff: true });
      expect(summary.cases[key]).toBeGreaterThan(0);
    }
    expect(summary.persons).toBe(data.persons.length);
    // Each mandate holder has two relations, everyone else one.
    expect(summary.relations).toBe(summary.persons + summary.cases.mandateHolder);
  });

  it("full: 28 entities, about 30,000 relations, the largest between 1,000 and 3,000", () => {
    const summary = summarizeMix(full);
    expect(full.entities).toHaveLength(28);
    expect(summary.relations).toBeGreaterThanOrEqual(29_000);
    expect(summary.relations).toBeLessThanOrEqual(31_000);
    const sizes = Object.values(summary.relationsPerEntity);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3_000);
    expect(sizes.filter((n) => n >= 100 && n < 1_000).length).toBeGreaterThanOrEqual(10);
    expect(new Set(full.entities.map((e) => e.policyAreaId)).size).toBeGreaterThanOrEqual(8);
  });

  it("small: DFB, DOMG, VMM, AGO and ADV (150-300 relations each), and the entities the demo takes through their steps (smaller)", () => {
    const summary = summarizeMix(small);
    const walkthrough = ["DFB", "DOMG", "VMM", "AGO", "ADV"];
    expect(small.entities.map((e) => e.code).sort()).toEqual([...new Set([...walkthrough, ...DEMO_STAGES.map((s) => s.code)])].sort());
    for (const code of walkthrough.filter((c) => !DEMO_STAGES.some((s) => s.code === c))) {
      expect(summary.relationsPerEntity[code]).toBeGreaterThanOrEqual(150);
      expect(summary.relationsPerEntity[code]).toBeLessThanOrEqual(300);
    }
    for (const n of Object.values(summary.relationsPerEntity)) expect(n).toBeGreaterThanOrEqual(80);
  });

  it("full: every entity the demo stages exists", () => {
    expect(full.entities.map((e) => e.code)).toEqual(expect.arrayContaining(DEMO_STAGES.map((s) => s.code)));
  });

  it.each(sets)("%s: Vlimpers numbers have 6 digits and are unique", (_, data) => {
    expect(data.persons.every((p) => /^[0-9]{6}$/.test(p.vlimpersNumber))).toBe(true);
    expect(new Set(data.persons.map((p) => p.vlimpersNumber)).size).toBe(data.persons.length);
  });

  it.each(sets)("%s: numbers relations per person from 1", (_, data) => {
    const byPerson = relationsByPerson(data);
    const misnumbered = [...byPerson.values()].filter((rels) =>
      rels.map((r) => r.relationNumber).sort().some((n, i) => n !== i + 1),
    );
    expect(misnumbered).toEqual([]);
    expect(byPerson.size).toBe(data.persons.length);
  });

  it.each(sets)("%s: a mandate holder has one active fixed-term mandate and one inactive fallback", (_, data) => {
    const levelOf = new Map(data.grades.map((g) => [g.id, g.rank]));
    let holders = 0;
    for (const rels of relationsByPerson(data).values()) {
      const mandates = rels.filter((r) => r.legalStatus === "mandate");
      if (mandates.length === 0) continue;
      holders++;
      expect(rels).toHaveLength(2);
      const [mandate] = mandates;
      const fallback = rels.find((r) => r !== mandate);
      expect(mandate).toMatchObject({ status: "active", relationNumber: 2 });
      expect(mandate!.endDate! > REFERENCE_DATE).toBe(true);
      expect(fallback).toMatchObject({ status: "inactive", legalStatus: "statutory", relationNumber: 1 });
      expect(["A2A", "A2M", "A3"]).toContain(levelOf.get(mandate!.gradeId!));
      expect(["A1", "A2", "A2E"]).toContain(levelOf.get(fallback!.gradeId!));
    }
    expect(holders).toBe(summarizeMix(data).cases.mandateHolder);
    expect(holders).toBeGreaterThanOrEqual(data.entities.length);
  });

  it.each(sets)("%s: about two thirds of relations at level A or B", (_, data) => {
    const { levelAB } = summarizeMix(data);
    expect(levelAB).toBeGreaterThanOrEqual(0.6);
    expect(levelAB).toBeLessThanOrEqual(0.75);
  });

  it.each(sets)("%s: every active relation is complete and its profile level matches its grade", (_, data) => {
    const gradeLevel = new Map(data.grades.map((g) => [g.id, g.level]));
    const profileLevel = new Map(data.functionProfiles.map((p) => [p.id, p.level]));
    const active = data.employmentRelations.filter((r) => r.status === "active");
    expect(active.length).toBeGreaterThan(data.persons.length * 0.9);
    const incomplete = active.filter((r) => !r.gradeId || !r.orgUnitId || !r.costCentreId);
    expect(incomplete).toEqual([]);
    const mismatched = active.filter(
      (r) => r.functionProfileId != null && profileLevel.get(r.functionProfileId) !== gradeLevel.get(r.gradeId!),
    );
    expect(mismatched).toEqual([]);
    const missing = active.filter((r) => r.functionProfileId === null).length;
    expect(missing).toBe(summarizeMix(data).cases.missingFunctionCode);
    const ftes = new Set(data.employmentRelations.map((r) => r.fte));
    expect([...ftes].sort()).toEqual(["0.500", "0.600", "0.700", "0.800", "0.900", "1.000"]);
    expect(data.employmentRelations.filter((r) => r.endDate != null && r.endDate < r.startDate)).toEqual([]);
    expect(
      data.employmentRelations.filter((r) => (r.kind === "non_employee") !== (r.nonEmployeeCategory != null)),
    ).toEqual([]);
  });

  it("starts the next-month starters on the first day of the next month", () => {
    const data = generateDemoData({ size: "small", seed: 3, referenceDate: "2025-12-31" });
    const future = data.employmentRelations.filter((r) => r.startDate > "2025-12-31");
    expect(future.length).toBe(summarizeMix(data).cases.startingNextMonth);
    expect(new Set(future.map((r) => r.startDate))).toEqual(new Set(["2026-01-01"]));
  });

  it.each(sets)("%s: every id is unique and every reference points at a generated row", (_, data) => {
    const ids = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
    const all = Object.entries(data).flatMap(([key, rows]) => (key === "meta" ? [] : (rows as { id: string }[])));
    expect(all.every((r) => typeof r.id === "string" && UUID_V4.test(r.id))).toBe(true);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);

    const entityOf = (rows: readonly { id: string; entityId: string }[]) => new Map(rows.map((r) => [r.id, r.entityId]));
    const policyAreas = ids(data.policyAreas);
    const entities = ids(data.entities);
    const families = ids(data.functionFamilies);
    const grades = ids(data.grades);
    const profiles = ids(data.functionProfiles);
    const users = ids(data.users);
    const unitEntity = entityOf(data.orgUnits);
    const centreEntity = entityOf(data.costCentres);
    const personEntity = entityOf(data.persons);

    expect(data.entities.every((e) => policyAreas.has(e.policyAreaId))).toBe(true);
    expect(data.functionProfiles.every((p) => families.has(p.familyId))).toBe(true);
    expect(data.orgUnits.every((u) => entities.has(u.entityId))).toBe(true);
    expect(data.orgUnits.every((u) => u.parentId == null || unitEntity.get(u.parentId) === u.entityId)).toBe(true);
    expect(data.costCentres.every((c) => entities.has(c.entityId))).toBe(true);
    expect(data.persons.every((p) => entities.has(p.entityId))).toBe(true);
    const dangling = data.employmentRelations.filter(
      (r) =>
        personEntity.get(r.personId) !== r.entityId ||
        (r.gradeId != null && !grades.has(r.gradeId)) ||
        (r.functionProfileId != null && !profiles.has(r.functionProfileId)) ||
        (r.orgUnitId != null && unitEntity.get(r.orgUnitId) !== r.entityId) ||
        (r.costCentreId != null && centreEntity.get(r.costCentreId) !== r.entityId),
    );
    expect(dangling).toEqual([]);
    expect(data.userGrants.every((g) => users.has(g.userId) && (g.entityId == null || entities.has(g.entityId)))).toBe(true);
    expect(data.onboardings.map((o) => o.entityId).sort()).toEqual([...entities].sort());
    expect(data.onboardings.every((o) => o.currentStep === 1 && o.currentState === "not_started")).toBe(true);
  });

  it.each(sets)("%s: 5-25 nested organisational units and unique codes per entity", (_, data) => {
    for (const entity of data.entities) {
      const units = data.orgUnits.filter((u) => u.entityId === entity.id);
      expect(units.length).toBeGreaterThanOrEqual(5);
      expect(units.length).toBeLessThanOrEqual(25);
      expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
      expect(units.filter((u) => u.parentId == null)).toHaveLength(1);
    }
    for (const rows of [data.grades, data.functionProfiles, data.entities, data.dutyLocations, data.users]) {
      const codes = rows.map((r) => ("code" in r ? r.code : r.email));
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(data.functionFamilies.length).toBeGreaterThanOrEqual(14);
    expect(data.functionProfiles.length).toBeGreaterThanOrEqual(180);
    expect(data.dutyLocations.length).toBeGreaterThanOrEqual(18);
  });

  it.each(sets)("%s: creates the demo accounts with exactly their grants", (_, data) => {
    const codeOf = new Map(data.entities.map((e) => [e.id, e.code]));
    const actual = data.users.map((u) => ({
      email: u.email,
      name: u.name,
      isDemo: u.isDemo,
      grants: data.userGrants
        .filter((g) => g.userId === u.id)
        .map((g) => ({ role: g.role, entityCode: g.entityId == null ? null : codeOf.get(g.entityId) })),
    }));
    expect(actual).toEqual(DEMO_ACCOUNTS.map((a) => ({ ...a, grants: [...a.grants] })));
    const chloe = actual.find((u) => u.email === "hr.omgeving@demo.vlaanderen.be");
    expect(chloe?.grants).toEqual([
      { role: "entity_hr", entityCode: "DOMG" },
      { role: "entity_hr", entityCode: "VMM" },
    ]);
    // Without one-click sign-in: the identity-provider test's user, and the HR officers the demo's history names.
    expect(actual.filter((u) => !u.isDemo).map((u) => u.email)).toEqual(["hr.vlabel@demo.vlaanderen.be", "hr.wewis@demo.vlaanderen.be", "hr.sport@demo.vlaanderen.be", "kim.janssens@vlaanderen.be"]);
    expect(actual.find((u) => u.email === "topmanagement@demo.vlaanderen.be")?.grants).toEqual([
      { role: "manager", entityCode: null },
    ]);
  });
});
