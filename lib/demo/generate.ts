/**
 * Deterministic demo data: the same seed and reference date give byte-identical rows.
 * Pure: no database, no clock. Every id is set here (seeded uuids), so rows reference each
 * other without round trips and the loader can insert them set-based.
 */
import type {
  costCentres,
  dutyLocations,
  employmentRelations,
  entities,
  functionFamilies,
  functionProfiles,
  grades,
  onboardings,
  orgUnits,
  persons,
  policyAreas,
  userGrants,
  users,
} from "../../db/schema";
import { DEMO_MIX, EXCLUSIVE_CASES, NON_EMPLOYEE_CATEGORIES, PART_TIME_FTES, type ExclusiveCase, type MixCase } from "./mix";
import { COMMON_LAST_NAME_COUNT, FIRST_NAMES, LAST_NAMES } from "./names";
import { createRng, stableUuid, type Rng } from "./random";
import {
  AREA_DIVISIONS,
  DUTY_LOCATIONS,
  ENTITIES,
  FALLBACK_GRADE_WEIGHTS,
  FUNCTION_FAMILIES,
  FUNCTION_PROFILES,
  GENERIC_DIVISIONS,
  GRADES,
  LEVEL_WEIGHTS,
  MANDATE_GRADE_WEIGHTS,
  POLICY_AREAS,
  TEAM_NAMES,
  type EntityDef,
  type Level,
} from "./reference-data";
import { DEMO_ACCOUNTS } from "./users";

export type DemoSize = "small" | "full";
export const DEFAULT_DEMO_SEED = 20240101;

export interface GenerateOptions {
  size: DemoSize;
  seed?: number;
  /** The "today" of the data set (YYYY-MM-DD): start dates, leave and mandates are relative to it. */
  referenceDate: string;
}

type WithId<T> = T & { id: string };
type Insert<T extends { $inferInsert: unknown }> = WithId<T["$inferInsert"]>;

export type EmploymentRelationRow = Insert<typeof employmentRelations>;
export type PersonRow = Insert<typeof persons>;

export interface DemoData {
  meta: { size: DemoSize; seed: number; referenceDate: string };
  policyAreas: Insert<typeof policyAreas>[];
  entities: Insert<typeof entities>[];
  orgUnits: Insert<typeof orgUnits>[];
  costCentres: Insert<typeof costCentres>[];
  dutyLocations: Insert<typeof dutyLocations>[];
  grades: Insert<typeof grades>[];
  functionFamilies: Insert<typeof functionFamilies>[];
  functionProfiles: Insert<typeof functionProfiles>[];
  persons: PersonRow[];
  employmentRelations: EmploymentRelationRow[];
  users: Insert<typeof users>[];
  userGrants: Insert<typeof userGrants>[];
  onboardings: Insert<typeof onboardings>[];
}

// ---------- dates (UTC, ISO strings) ----------
const DAY_MS = 86_400_000;
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, days: number) => toIso(toMs(iso) + days * DAY_MS);
function addYears(iso: string, years: number): string {
  const d = new Date(toMs(iso));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return toIso(d.getTime());
}
function firstOfNextMonth(iso: string): string {
  const d = new Date(toMs(iso));
  return toIso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
function assertIsoDate(iso: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || toIso(toMs(iso)) !== iso) {
    throw new RangeError(`referenceDate must be a valid YYYY-MM-DD date, got "${iso}"`);
  }
}

// ---------- per-entity context ----------
interface Shared {
  referenceDate: string;
  gradeId: Map<string, string>;
  gradesByLevel: Map<Level, (readonly [string, number])[]>;
  profilesByLevel: Map<Level, string[]>;
  mandateProfiles: { leader: string; others: string[] };
  usedVlimpers: Set<string>;
}

interface Placement {
  orgUnitId: string;
  costCentreId: string;
}

interface EntityUnits {
  root: Placement;
  divisions: Placement[];
  /** Every place an ordinary staff member can sit (teams mostly, divisions, staff). */
  anywhere: (readonly [Placement, number])[];
}

function buildUnits(rng: Rng, def: EntityDef, entityId: string, relations: number, data: DemoData): EntityUnits {
  const total = Math.min(25, Math.max(5, Math.round(5 + relations / 125)));
  const divisionCount = Math.min(8, Math.max(2, Math.round((total - 1) / 3)));
  const teamCount = total - 1 - divisionCount;
  const areaNames = rng.shuffle([...(AREA_DIVISIONS[def.policyArea] ?? [])]).slice(0, Math.min(4, divisionCount));
  const genericNames = rng.shuffle([...GENERIC_DIVISIONS]).filter((n) => !areaNames.includes(n));
  const divisionNames = [...areaNames, ...genericNames].slice(0, divisionCount);
  const teamNames = rng.shuffle([...TEAM_NAMES]).slice(0, teamCount);

  const addUnit = (code: string, name: string, parentId: string | null) => {
    const id = rng.uuid();
    data.orgUnits.push({ id, entityId, code, name, parentId });
    return id;
  };
  const addCentre = (code: string, name: string) => {
    const id = rng.uuid();
    data.costCentres.push({ id, entityId, code, name });
    return id;
  };

  const rootUnit = addUnit("DIR", "Algemene directie", null);
  const root: Placement = { orgUnitId: rootUnit, costCentreId: addCentre("KP-1000", "Algemene werking") };
  const anywhere: (readonly [Placement, number])[] = [[root, 3]];
  const divisions: Placement[] = divisionNames.map((name, d) => {
    const num = String(d + 1).padStart(2, "0");
    const unitId = addUnit(`AFD${num}`, `Afdeling ${name}`, rootUnit);
    const placement = { orgUnitId: unitId, costCentreId: addCentre(`KP-${1100 + d * 100}`, `Afdeling ${name}`) };
    anywhere.push([placement, 4 + rng.int(0, 6)]);
    return placement;
  });
  teamNames.forEach((name, t) => {
    const d = t % divisionCount;
    const division = divisions[d] as Placement;
    const code = `AFD${String(d + 1).padStart(2, "0")}-T${String(Math.floor(t / divisionCount) + 1).padStart(2, "0")}`;
    const unitId = addUnit(code, `Team ${name}`, division.orgUnitId);
    anywhere.push([{ orgUnitId: unitId, costCentreId: division.costCentreId }, 8 + rng.int(0, 14)]);
  });
  return { root, divisions, anywhere };
}

/** Exactly round(fraction x persons) of each exclusive case (at least one), shuffled over the persons. */
function assignCases(rng: Rng, personCount: number): { cases: (ExclusiveCase | "plain")[]; partTime: Set<number> } {
  const cases: (ExclusiveCase | "plain")[] = [];
  for (const c of EXCLUSIVE_CASES) {
    const quota = Math.max(1, Math.round(DEMO_MIX[c] * personCount));
    for (let i = 0; i < quota; i++) cases.push(c);
  }
  if (cases.length > personCount) throw new RangeError(`entity too small for the case mix (${personCount} persons)`);
  while (cases.length < personCount) cases.push("plain");
  rng.shuffle(cases);
  const eligible = cases.flatMap((c, i) => (c === "nonEmployee" || c === "mandateHolder" ? [] : [i]));
  const partTime = new Set(rng.shuffle(eligible).slice(0, Math.round(DEMO_MIX.partTime * personCount)));
  return { cases, partTime };
}

function drawVlimpers(rng: Rng, used: Set<string>): string {
  for (;;) {
    const candidate = String(rng.int(100000, 999999));
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

function generateEntity(shared: Shared, rng: Rng, def: EntityDef, entityId: string, relations: number, data: DemoData) {
  const units = buildUnits(rng, def, entityId, relations, data);
  const personCount = Math.round(relations / (1 + DEMO_MIX.mandateHolder));
  const { cases, partTime } = assignCases(rng, personCount);
  const ref = shared.referenceDate;
  let leaderAssigned = false;

  const gradeOfLevel = (level: Level) => shared.gradeId.get(rng.weighted(shared.gradesByLevel.get(level) ?? []))!;
  const profileOfLevel = (level: Level) => rng.pick(shared.profilesByLevel.get(level) ?? []);

  cases.forEach((personCase, index) => {
    const personId = rng.uuid();
    const lastName = rng.chance(0.4) ? rng.pick(COMMON_LAST_NAMES) : rng.pick(LAST_NAMES);
    data.persons.push({
      id: personId,
      entityId,
      vlimpersNumber: drawVlimpers(rng, shared.usedVlimpers),
      firstName: rng.pick(FIRST_NAMES),
      lastName,
    });
    const add = (number: number, fields: RelationFields, place: Placement) =>
      data.employmentRelations.push(relationRow(rng.uuid(), entityId, personId, number, fields, place));

    if (personCase === "mandateHolder") {
      const leader = !leaderAssigned;
      leaderAssigned = true;
      const mandateStart = addDays(ref, -rng.int(30, 5 * 365));
      // Relation 1: the fallback ("terugvalpositie"), inactive while the mandate runs.
      add(1, {
        kind: "employee",
        nonEmployeeCategory: null,
        legalStatus: "statutory",
        status: "inactive",
        startDate: addDays(mandateStart, -rng.int(3 * 365, 25 * 365)),
        endDate: null,
        gradeId: shared.gradeId.get(rng.weighted(FALLBACK_GRADE_WEIGHTS))!,
        functionProfileId: profileOfLevel("A"),
        fte: "1.000",
      }, rng.weighted(units.anywhere));
      // Relation 2: the fixed-term mandate (six years); the first one of an entity is its leidend ambtenaar.
      const gradeCode = leader ? (def.type === "department" ? "A3-SG" : "A3-AG") : rng.weighted(MANDATE_GRADE_WEIGHTS);
      add(2, {
        kind: "employee",
        nonEmployeeCategory: null,
        legalStatus: "mandate",
        status: "active",
        startDate: mandateStart,
        endDate: addYears(mandateStart, 6),
        gradeId: shared.gradeId.get(gradeCode)!,
        functionProfileId: leader ? shared.mandateProfiles.leader : rng.pick(shared.mandateProfiles.others),
        fte: "1.000",
      }, leader ? units.root : rng.pick(units.divisions));
      return;
    }

    if (personCase === "nonEmployee") {
      const category = rng.weighted(nonEmployeeWeights);
      add(1, {
        kind: "non_employee",
        nonEmployeeCategory: category.category,
        legalStatus: "contractual",
        status: "active",
        startDate: addDays(ref, -rng.int(30, 4 * 365)),
        endDate: category.category === "Studentstagiair" ? addDays(ref, rng.int(30, 180)) : null,
        gradeId: gradeOfLevel(category.level),
        functionProfileId: profileOfLevel(category.level),
        fte: "1.000",
      }, rng.weighted(units.anywhere));
      return;
    }

    const level = rng.weighted(LEVEL_WEIGHTS);
    const legalStatus = rng.chance(0.62) ? "statutory" : "contractual";
    add(1, {
      kind: "employee",
      nonEmployeeCategory: null,
      legalStatus,
      status: personCase === "leave" ? "leave" : "active",
      // Skewed towards recent hires; nobody starts later than two weeks ago except the next-month starters.
      startDate:
        personCase === "startingNextMonth"
          ? firstOfNextMonth(ref)
          : addDays(ref, -(14 + Math.floor(Math.pow(rng.next(), 1.5) * 35 * 365))),
      // Fixed-term contracts end at least 45 days out, so after any next-month start.
      endDate: legalStatus === "contractual" && rng.chance(0.15) ? addDays(ref, rng.int(45, 720)) : null,
      gradeId: gradeOfLevel(level),
      functionProfileId: personCase === "missingFunctionCode" ? null : profileOfLevel(level),
      fte: partTime.has(index) ? rng.weighted(PART_TIME_FTES) : "1.000",
    }, rng.weighted(units.anywhere));
  });
}

type RelationFields = Pick<
  EmploymentRelationRow,
  "kind" | "nonEmployeeCategory" | "legalStatus" | "status" | "startDate" | "endDate" | "gradeId" | "functionProfileId" | "fte"
>;

/** One literal with a fixed key order (schema order): same shape for every row. */
function relationRow(
  id: string,
  entityId: string,
  personId: string,
  relationNumber: number,
  f: RelationFields,
  place: Placement,
): EmploymentRelationRow {
  return {
    id,
    entityId,
    personId,
    relationNumber,
    kind: f.kind,
    nonEmployeeCategory: f.nonEmployeeCategory,
    legalStatus: f.legalStatus,
    status: f.status,
    startDate: f.startDate,
    endDate: f.endDate,
    gradeId: f.gradeId,
    functionProfileId: f.functionProfileId,
    fte: f.fte,
    orgUnitId: place.orgUnitId,
    costCentreId: place.costCentreId,
    inPersonnelList: true,
  };
}

const COMMON_LAST_NAMES = LAST_NAMES.slice(0, COMMON_LAST_NAME_COUNT);
const nonEmployeeWeights = NON_EMPLOYEE_CATEGORIES.map((c) => [c, c.weight] as const);

export function generateDemoData(options: GenerateOptions): DemoData {
  const { size, referenceDate } = options;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  assertIsoDate(referenceDate);
  if (size !== "small" && size !== "full") throw new RangeError(`unknown demo size "${String(size)}"`);
  const id = (key: string) => stableUuid(seed, key);

  const data: DemoData = {
    meta: { size, seed, referenceDate },
    policyAreas: POLICY_AREAS.map((p) => ({ id: id(`policy-area:${p.code}`), code: p.code, name: p.name })),
    entities: [],
    orgUnits: [],
    costCentres: [],
    dutyLocations: DUTY_LOCATIONS.map((l) => ({ id: id(`duty-location:${l.code}`), ...l })),
    grades: GRADES.map((g) => ({
      id: id(`grade:${g.code}`),
      code: g.code,
      title: g.title,
      rank: g.rank,
      level: g.level,
      payScale: g.payScale,
    })),
    functionFamilies: FUNCTION_FAMILIES.map((f) => ({ id: id(`function-family:${f.code}`), ...f })),
    functionProfiles: FUNCTION_PROFILES.map((p) => ({
      id: id(`function-profile:${p.code}`),
      code: p.code,
      title: p.title,
      familyId: id(`function-family:${p.family}`),
      level: p.level,
    })),
    persons: [],
    employmentRelations: [],
    users: [],
    userGrants: [],
    onboardings: [],
  };

  const profilesByLevel = new Map<Level, string[]>();
  for (const p of FUNCTION_PROFILES) {
    profilesByLevel.set(p.level, [...(profilesByLevel.get(p.level) ?? []), id(`function-profile:${p.code}`)]);
  }
  const gradesByLevel = new Map<Level, (readonly [string, number])[]>();
  for (const g of GRADES.filter((g) => g.weight > 0)) {
    gradesByLevel.set(g.level, [...(gradesByLevel.get(g.level) ?? []), [g.code, g.weight] as const]);
  }
  const leaderProfiles = FUNCTION_PROFILES.filter((p) => p.family === "LEI" && p.level === "A");
  const shared: Shared = {
    referenceDate,
    gradeId: new Map(GRADES.map((g) => [g.code, id(`grade:${g.code}`)])),
    gradesByLevel,
    profilesByLevel,
    mandateProfiles: {
      leader: id(`function-profile:${leaderProfiles[0]!.code}`),
      others: leaderProfiles.slice(1).map((p) => id(`function-profile:${p.code}`)),
    },
    usedVlimpers: new Set(),
  };

  const rng = createRng(seed);
  const selected = ENTITIES.filter((e) => size === "full" || e.smallRelations !== undefined);
  for (const def of selected) {
    const entityId = id(`entity:${def.code}`);
    data.entities.push({
      id: entityId,
      code: def.code,
      name: def.name,
      type: def.type,
      policyAreaId: id(`policy-area:${def.policyArea}`),
    });
    const relations = size === "full" ? def.relations : (def.smallRelations as number);
    generateEntity(shared, rng.fork(`${size}:entity:${def.code}`), def, entityId, relations, data);
    data.onboardings.push({ id: id(`onboarding:${def.code}`), entityId, currentStep: 1, currentState: "not_started" });
  }

  const entityIdByCode = new Map(data.entities.map((e) => [e.code, e.id]));
  for (const account of DEMO_ACCOUNTS) {
    const userId = id(`user:${account.email}`);
    data.users.push({ id: userId, email: account.email, name: account.name, isDemo: account.isDemo, active: true });
    for (const grant of account.grants) {
      const entityId = grant.entityCode === null ? null : entityIdByCode.get(grant.entityCode);
      if (entityId === undefined) throw new Error(`demo account ${account.email}: entity ${grant.entityCode} not generated`);
      data.userGrants.push({ id: id(`grant:${account.email}:${grant.role}:${grant.entityCode}`), userId, role: grant.role, entityId });
    }
  }
  return data;
}

export type PersonCase = ExclusiveCase | "plain";

export interface MixSummary {
  entities: number;
  persons: number;
  relations: number;
  /** Persons per exclusive case (each person counted once) and part-time persons (overlapping). */
  cases: Record<PersonCase | "partTime", number>;
  /** cases as fractions of persons, comparable with DEMO_MIX. */
  fractions: Record<MixCase, number>;
  relationsByLevel: Record<Level, number>;
  /** Share of relations at level A or B. */
  levelAB: number;
  relationsPerEntity: Record<string, number>;
}

/**
 * Reads the case of every person back from the rows themselves (not from the generator's
 * intentions), so tests and the seed printout see what was really generated.
 */
export function summarizeMix(data: DemoData): MixSummary {
  const ref = data.meta.referenceDate;
  const byPerson = new Map<string, EmploymentRelationRow[]>();
  for (const r of data.employmentRelations) {
    const list = byPerson.get(r.personId);
    if (list) list.push(r);
    else byPerson.set(r.personId, [r]);
  }
  const cases: Record<PersonCase | "partTime", number> = {
    nonEmployee: 0, leave: 0, mandateHolder: 0, startingNextMonth: 0, missingFunctionCode: 0, plain: 0, partTime: 0,
  };
  for (const person of data.persons) {
    const rels = byPerson.get(person.id) ?? [];
    let personCase: PersonCase;
    if (rels.some((r) => r.kind === "non_employee")) personCase = "nonEmployee";
    else if (rels.length === 2 && rels.some((r) => r.legalStatus === "mandate" && r.status === "active") && rels.some((r) => r.status === "inactive")) personCase = "mandateHolder";
    else if (rels.some((r) => r.status === "leave")) personCase = "leave";
    else if (rels.some((r) => r.startDate > ref)) personCase = "startingNextMonth";
    else if (rels.some((r) => r.functionProfileId == null)) personCase = "missingFunctionCode";
    else personCase = "plain";
    cases[personCase]++;
    if (personCase !== "nonEmployee" && personCase !== "mandateHolder" && rels.some((r) => Number(r.fte) < 1)) cases.partTime++;
  }
  const persons = data.persons.length;
  const fractions = Object.fromEntries(
    (Object.keys(DEMO_MIX) as MixCase[]).map((c) => [c, persons === 0 ? 0 : cases[c] / persons]),
  ) as Record<MixCase, number>;

  const levelOfGrade = new Map(data.grades.map((g) => [g.id, g.level as Level]));
  const relationsByLevel: Record<Level, number> = { A: 0, B: 0, C: 0, D: 0 };
  const entityCode = new Map(data.entities.map((e) => [e.id, e.code]));
  const relationsPerEntity: Record<string, number> = Object.fromEntries(data.entities.map((e) => [e.code, 0]));
  for (const r of data.employmentRelations) {
    const level = r.gradeId ? levelOfGrade.get(r.gradeId) : undefined;
    if (level) relationsByLevel[level]++;
    const code = entityCode.get(r.entityId) ?? "?";
    relationsPerEntity[code] = (relationsPerEntity[code] ?? 0) + 1;
  }
  const relations = data.employmentRelations.length;
  return {
    entities: data.entities.length,
    persons,
    relations,
    cases,
    fractions,
    relationsByLevel,
    levelAB: relations === 0 ? 0 : (relationsByLevel.A + relationsByLevel.B) / relations,
    relationsPerEntity,
  };
}
