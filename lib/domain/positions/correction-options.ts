import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { costCentres, dutyLocations, functionProfiles, grades, orgUnits } from "@/db/schema";

/** The active reference data a position of this entity may use, as choices for a form. */
export async function loadCorrectionOptions(db: DbOrTx, entityId: string) {
  const gradeRows = await db.select().from(grades).where(eq(grades.active, true)).orderBy(asc(grades.code));
  const profileRows = await db.select().from(functionProfiles).where(eq(functionProfiles.active, true)).orderBy(asc(functionProfiles.code));
  const unitRows = await db.select().from(orgUnits).where(and(eq(orgUnits.entityId, entityId), eq(orgUnits.active, true))).orderBy(asc(orgUnits.code));
  const centreRows = await db
    .select()
    .from(costCentres)
    .where(and(eq(costCentres.entityId, entityId), eq(costCentres.active, true)))
    .orderBy(asc(costCentres.code));
  const locationRows = await db.select().from(dutyLocations).where(eq(dutyLocations.active, true)).orderBy(asc(dutyLocations.code));
  return {
    grades: gradeRows.map((g) => ({ value: g.code, label: `${g.code} – ${g.title}` })),
    functions: profileRows.map((f) => ({ value: f.code, label: `${f.code} – ${f.title}`, title: f.title })),
    units: unitRows.map((u) => ({ value: u.code, label: `${u.code} – ${u.name}` })),
    costCentres: centreRows.map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` })),
    dutyLocations: locationRows.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` })),
  };
}
