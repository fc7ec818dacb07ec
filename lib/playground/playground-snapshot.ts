/**
 * What a playground starts from: the reference data, one entity with its organisation and its
 * personnel list (persons and employment relations), and the playground's owner. No positions, no
 * step runs, no files: the playground starts at the beginning of the onboarding, so every step can
 * be tried. Copied from an entity of the real database, or taken from the generated demo data.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  costCentres,
  dutyLocations,
  employmentRelations,
  entities,
  functionFamilies,
  functionProfiles,
  grades,
  onboardingSlots,
  orgUnits,
  persons,
  planningSettings,
  policyAreas,
} from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { generateDemoData, type DemoData } from "@/lib/demo/generate";
import { loadDemoData } from "@/lib/demo/load";

export type PlaygroundSnapshot = Omit<DemoData, "meta" | "users" | "userGrants" | "onboardings"> & {
  /** The real planning's slots and deadline, so that choosing a slot can be tried too. */
  planning?: { slots: { id: string; month: string; capacity: number; note: string | null }[]; deadline: string | null };
};

/** The planning as it is in the real database (without who booked what). */
export async function planningSnapshot(db: DbOrTx): Promise<NonNullable<PlaygroundSnapshot["planning"]>> {
  const slots = await db
    .select({ id: onboardingSlots.id, month: onboardingSlots.month, capacity: onboardingSlots.capacity, note: onboardingSlots.note })
    .from(onboardingSlots);
  const [settings] = await db.select({ deadline: planningSettings.deadline }).from(planningSettings);
  return { slots, deadline: settings?.deadline ?? null };
}

export interface PlaygroundOwner {
  id: string;
  email: string;
  name: string;
  /** The roles the owner holds for real; in the playground each applies to its one entity. */
  roles: readonly Role[];
}

/** A copy of one entity's starting data in the real database. */
export async function snapshotOfEntity(db: DbOrTx, entityId: string): Promise<PlaygroundSnapshot> {
  const [entity] = await db.select().from(entities).where(eq(entities.id, entityId));
  if (!entity) throw new Error(`entity ${entityId} not found`);
  const [areas, units, centres, locations, gradeRows, families, profiles, personRows, relations] = await Promise.all([
    db.select().from(policyAreas).where(eq(policyAreas.id, entity.policyAreaId)),
    db.select().from(orgUnits).where(eq(orgUnits.entityId, entityId)),
    db.select().from(costCentres).where(eq(costCentres.entityId, entityId)),
    db.select().from(dutyLocations),
    db.select().from(grades),
    db.select().from(functionFamilies),
    db.select().from(functionProfiles),
    db.select().from(persons).where(eq(persons.entityId, entityId)),
    db.select().from(employmentRelations).where(eq(employmentRelations.entityId, entityId)),
  ]);
  return {
    policyAreas: areas,
    entities: [{ ...entity, active: true }],
    orgUnits: units,
    costCentres: centres,
    dutyLocations: locations,
    grades: gradeRows,
    functionFamilies: families,
    functionProfiles: profiles,
    persons: personRows,
    employmentRelations: relations,
  };
}

/** The demo entity: one entity of the generated demo data, as realistic as the rest of it. */
export function snapshotOfDemoEntity(referenceDate: string): PlaygroundSnapshot {
  const data = generateDemoData({ size: "small", referenceDate });
  // The entity with the most varied personnel list of the small set: the largest.
  const sizes = new Map<string, number>();
  for (const r of data.employmentRelations) sizes.set(r.entityId, (sizes.get(r.entityId) ?? 0) + 1);
  const entity = [...data.entities].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0]!;
  const ofEntity = <T extends { entityId: string }>(rows: T[]) => rows.filter((r) => r.entityId === entity.id);
  return {
    policyAreas: data.policyAreas.filter((p) => p.id === entity.policyAreaId),
    entities: [{ ...entity, code: "DEMO", name: `Demo-entiteit (${entity.name})` }],
    orgUnits: ofEntity(data.orgUnits),
    costCentres: ofEntity(data.costCentres),
    dutyLocations: data.dutyLocations,
    grades: data.grades,
    functionFamilies: data.functionFamilies,
    functionProfiles: data.functionProfiles,
    persons: ofEntity(data.persons),
    employmentRelations: ofEntity(data.employmentRelations),
  };
}

/** Loads the snapshot into a new, migrated playground database, with the owner as its only user. */
export async function loadSnapshot(db: DbOrTx, snapshot: PlaygroundSnapshot, owner: PlaygroundOwner): Promise<void> {
  const entityId = snapshot.entities[0]!.id;
  const roles = [...new Set(owner.roles)];
  const { planning, ...data } = snapshot;
  await loadDemoData(db, {
    meta: { size: "small", seed: 0, referenceDate: "2000-01-01" },
    ...data,
    users: [{ id: owner.id, email: owner.email, name: owner.name, active: true, isDemo: false }],
    userGrants: roles.map((role) => ({ id: crypto.randomUUID(), userId: owner.id, role, entityId: role === "central_expert" ? null : entityId })),
    onboardings: [{ id: crypto.randomUUID(), entityId }],
  });
  if (planning && planning.slots.length > 0) await db.insert(onboardingSlots).values(planning.slots);
  if (planning?.deadline) await db.insert(planningSettings).values({ id: 1, deadline: planning.deadline });
}


