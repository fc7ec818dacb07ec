import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { costCentres, employmentRelations, functionProfiles, grades, orgUnits, persons } from "@/db/schema";
import type { StoredRelation } from "./diff-relations";
import type { PersonnelReference } from "./validate-personnel-list";

/** The reference data an entity's personnel list is checked against, keyed by upper-cased code. */
export async function loadPersonnelReference(db: DbOrTx, entityId: string): Promise<PersonnelReference> {
  const byCode = (rows: { code: string; id: string }[]) => new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  // One after another: inside a transaction these share one connection, which runs one query at a time.
  const gradeRows = await db.select({ code: grades.code, id: grades.id }).from(grades).where(eq(grades.active, true));
  const profileRows = await db
    .select({ code: functionProfiles.code, id: functionProfiles.id })
    .from(functionProfiles)
    .where(eq(functionProfiles.active, true));
  const unitRows = await db.select({ code: orgUnits.code, id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.entityId, entityId), eq(orgUnits.active, true)));
  const centreRows = await db
    .select({ code: costCentres.code, id: costCentres.id })
    .from(costCentres)
    .where(and(eq(costCentres.entityId, entityId), eq(costCentres.active, true)));
  const foreignRows = await db.execute<{ key: string; entity_name: string }>(sql`
      select p.vlimpers_number || '/' || r.relation_number as key, e.name as entity_name
      from employment_relations r
      join persons p on p.id = r.person_id
      join entities e on e.id = r.entity_id
      where r.entity_id <> ${entityId} and r.in_personnel_list`);
  return {
    gradeIdByCode: byCode(gradeRows),
    functionProfileIdByCode: byCode(profileRows),
    unitIdByCode: byCode(unitRows),
    costCentreIdByCode: byCode(centreRows),
    foreignRelations: new Map(foreignRows.rows.map((r) => [r.key, r.entity_name])),
  };
}

/** Every relation stored for the entity (also those no longer in its personnel list). */
export async function loadStoredRelations(db: DbOrTx, entityId: string): Promise<StoredRelation[]> {
  const rows = await db
    .select({
      id: employmentRelations.id,
      vlimpers: persons.vlimpersNumber,
      lastName: persons.lastName,
      firstName: persons.firstName,
      relationNumber: employmentRelations.relationNumber,
      kind: employmentRelations.kind,
      nonEmployeeCategory: employmentRelations.nonEmployeeCategory,
      legalStatus: employmentRelations.legalStatus,
      status: employmentRelations.status,
      startDate: employmentRelations.startDate,
      endDate: employmentRelations.endDate,
      gradeId: employmentRelations.gradeId,
      functionProfileId: employmentRelations.functionProfileId,
      fte: employmentRelations.fte,
      unitId: employmentRelations.orgUnitId,
      costCentreId: employmentRelations.costCentreId,
      inPersonnelList: employmentRelations.inPersonnelList,
    })
    .from(employmentRelations)
    .innerJoin(persons, eq(persons.id, employmentRelations.personId))
    .where(eq(employmentRelations.entityId, entityId));
  return rows;
}
