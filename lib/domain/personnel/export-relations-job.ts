import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { costCentres, employmentRelations, entities, functionProfiles, grades, orgUnits, persons } from "@/db/schema";
import { writeTablesXlsx, type TableColumn } from "@/lib/excel/write-table";
import { storeFile, XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { AppError } from "@/lib/errors/app-error";
import { defineJob } from "@/lib/jobs/definition";
import { KIND_LABELS, LEGAL_STATUS_LABELS, PERSONNEL_COLUMNS, STATUS_LABELS, type PersonnelColumnKey } from "./personnel-list-format";


/** Exports an entity's personnel list as it stands, one row per employment relation. */
export const exportRelationsJob = defineJob({
  type: "entity.export-relations",
  payload: z.strictObject({ entityId: z.uuid() }),
  expireInSeconds: 15 * 60,
  async run({ db, jobRun, progress }, { entityId }) {
    const [entity] = await db.select().from(entities).where(eq(entities.id, entityId));
    if (!entity) throw new AppError("not_found", "De entiteit bestaat niet meer.");
    const rows = await db
      .select({
        vlimpers: persons.vlimpersNumber,
        lastName: persons.lastName,
        firstName: persons.firstName,
        relationNumber: employmentRelations.relationNumber,
        kind: employmentRelations.kind,
        legalStatus: employmentRelations.legalStatus,
        status: employmentRelations.status,
        startDate: employmentRelations.startDate,
        endDate: employmentRelations.endDate,
        grade: grades.code,
        functionCode: functionProfiles.code,
        functionTitle: functionProfiles.title,
        fte: sql<number>`${employmentRelations.fte}::float8`,
        unitCode: orgUnits.code,
        unitName: orgUnits.name,
        nonEmployeeCategory: employmentRelations.nonEmployeeCategory,
        costCentre: costCentres.code,
      })
      .from(employmentRelations)
      .innerJoin(persons, eq(persons.id, employmentRelations.personId))
      .leftJoin(grades, eq(grades.id, employmentRelations.gradeId))
      .leftJoin(functionProfiles, eq(functionProfiles.id, employmentRelations.functionProfileId))
      .leftJoin(orgUnits, eq(orgUnits.id, employmentRelations.orgUnitId))
      .leftJoin(costCentres, eq(costCentres.id, employmentRelations.costCentreId))
      .where(and(eq(employmentRelations.entityId, entityId), eq(employmentRelations.inPersonnelList, true)))
      .orderBy(asc(persons.lastName), asc(persons.firstName), asc(employmentRelations.relationNumber));
    await progress(0, rows.length);

    type Row = (typeof rows)[number];
    const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
    // The import format's own columns and order: an exported list imports again without changes.
    const values: Record<PersonnelColumnKey, (r: Row) => unknown> = {
      vlimpers: (r) => r.vlimpers,
      lastName: (r) => r.lastName,
      firstName: (r) => r.firstName,
      relationNumber: (r) => r.relationNumber,
      kind: (r) => KIND_LABELS[r.kind],
      nonEmployeeCategory: (r) => r.nonEmployeeCategory,
      legalStatus: (r) => LEGAL_STATUS_LABELS[r.legalStatus],
      status: (r) => STATUS_LABELS[r.status],
      startDate: (r) => asDate(r.startDate),
      endDate: (r) => asDate(r.endDate),
      grade: (r) => r.grade,
      functionCode: (r) => r.functionCode,
      functionTitle: (r) => r.functionTitle,
      fte: (r) => r.fte,
      unit: (r) => r.unitCode,
      unitName: (r) => r.unitName,
      costCentre: (r) => r.costCentre,
    };
    const formats: Partial<Record<PersonnelColumnKey, string>> = { startDate: "dd/mm/yyyy", endDate: "dd/mm/yyyy", fte: "0.000", vlimpers: "@" };
    const columns: TableColumn<Row>[] = PERSONNEL_COLUMNS.map((c) => ({
      header: c.header,
      width: Math.max(12, c.header.length + 4),
      numFmt: formats[c.key],
      value: values[c.key],
    }));
    const today = new Date().toISOString().slice(0, 10);
    const content = await writeTablesXlsx([{ sheetName: "Personeelslijst", frozenColumns: 2, columns, rows }]);
    const file = await storeFile(db, {
      entityId,
      purpose: "relations-export",
      fileName: `personeelslijst-${entity.code}-${today}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      content,
      createdBy: jobRun.createdBy,
    });
    await progress(rows.length, rows.length);
    return { fileId: file.id, summary: { rows: rows.length } };
  },
});
