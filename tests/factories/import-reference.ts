import type { DbOrTx } from "@/db/client";
import { costCentres, functionFamilies, functionProfiles, grades, orgUnits } from "@/db/schema";

/** The reference data `personnelRow` fixtures refer to, for one entity. Grades and profiles are shared. */
export async function createImportReference(db: DbOrTx, entityId: string) {
  const existing = await db.select({ id: grades.id }).from(grades);
  if (existing.length === 0) {
    const [family] = await db.insert(functionFamilies).values({ code: "FF-BELEID", name: "Beleidsfuncties" }).returning();
    await db.insert(functionProfiles).values([
      { code: "FP-A-0001", title: "Beleidsmedewerker", familyId: family!.id, level: "A" },
      { code: "FP-B-0001", title: "Dossierbeheerder", familyId: family!.id, level: "B" },
    ]);
    await db.insert(grades).values([
      { code: "A1-ATT", title: "attaché", rank: "A1", level: "A" },
      { code: "B1-DES", title: "deskundige", rank: "B1", level: "B" },
    ]);
  }
  await db.insert(orgUnits).values([
    { entityId, code: "U1", name: "Afdeling Een" },
    { entityId, code: "U2", name: "Afdeling Twee" },
  ]);
  await db.insert(costCentres).values({ entityId, code: "KP1", name: "Kostenplaats Een" });
}
