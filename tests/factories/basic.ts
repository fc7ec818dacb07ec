import { randomInt } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import {
  employmentRelations,
  entities,
  functionFamilies,
  functionProfiles,
  grades,
  persons,
  policyAreas,
  positions,
  positionVersions,
} from "@/db/schema";

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}-${randomInt(1e6)}`;

export async function createEntity(db: DbOrTx, overrides: Partial<typeof entities.$inferInsert> = {}) {
  const [area] = await db.insert(policyAreas).values({ code: unique("PA"), name: "Testdomein" }).returning();
  const [entity] = await db
    .insert(entities)
    .values({ code: unique("E"), name: "Testentiteit", type: "iva", policyAreaId: area!.id, ...overrides })
    .returning();
  return entity!;
}

export async function createReference(db: DbOrTx) {
  const [family] = await db.insert(functionFamilies).values({ code: unique("FF"), name: "Beleidsfuncties" }).returning();
  const [profile] = await db
    .insert(functionProfiles)
    .values({ code: unique("FP"), title: "Beleidsmedewerker", familyId: family!.id, level: "A" })
    .returning();
  const [grade] = await db.insert(grades).values({ code: unique("A1"), title: "attaché", rank: "A1", level: "A" }).returning();
  return { profile: profile!, grade: grade! };
}

export async function createRelation(db: DbOrTx, entityId: string, overrides: Partial<typeof employmentRelations.$inferInsert> = {}) {
  const [person] = await db
    .insert(persons)
    .values({ entityId, vlimpersNumber: String(randomInt(100000, 999999)), firstName: "Jan", lastName: "Peeters" })
    .returning();
  const [relation] = await db
    .insert(employmentRelations)
    .values({
      entityId,
      personId: person!.id,
      relationNumber: 1,
      kind: "employee",
      legalStatus: "statutory",
      status: "active",
      startDate: "2020-01-01",
      fte: "1.000",
      ...overrides,
    })
    .returning();
  return { person: person!, relation: relation! };
}

export async function createPosition(db: DbOrTx, entityId: string, profile: { id: string; code: string; title: string }) {
  const [position] = await db.insert(positions).values({ entityId, origin: "manual" }).returning();
  await db.insert(positionVersions).values({
    entityId,
    positionId: position!.id,
    versionNumber: 1,
    validFrom: "2024-01-01",
    functionProfileId: profile.id,
    functionCode: profile.code,
    functionTitle: profile.title,
    fte: "1.000",
  });
  return position!;
}
