import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { costCentres, employmentRelations, entities, functionProfiles, grades, orgUnits, persons } from "@/db/schema";
import { writeTablesXlsx, type TableColumn } from "@/lib/excel/write-table";
import { storeFile, XLSX_CONTENT_TYPE } from "@/lib/files/store-file";
import { AppError } from "@/lib/errors/app-error";
import { defineJob } from "@/lib/jobs/definition";

const KIND_NL = { employee: "werknemer", non_employee: "niet-werknemer" } as const;
const STATUS_NL = { active: "actief", leave: "verlof", inactive: "inactief" } as const;
const LEGAL_NL = { statutory: "statutair", contractual: "contractueel", mandate: "mandaat" } as const;

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
        unit: orgUnits.name,
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
    const columns: TableColumn<Row>[] = [
      { header: "Vlimpersnummer", width: 15, value: (r) => r.vlimpers },
      { header: "Naam", width: 22, value: (r) => r.lastName },
      { header: "Voornaam", width: 16, value: (r) => r.firstName },
      { header: "Arbeidsrelatie", width: 14, value: (r) => r.relationNumber },
      { header: "Soort", width: 15, value: (r) => KIND_NL[r.kind] },
      { header: "Statuut", width: 14, value: (r) => LEGAL_NL[r.legalStatus] },
      { header: "Status", width: 10, value: (r) => STATUS_NL[r.status] },
      { header: "Datum in dienst", width: 15, value: (r) => r.startDate },
      { header: "Einddatum", width: 12, value: (r) => r.endDate },
      { header: "Graad", width: 10, value: (r) => r.grade },
      { header: "Functiecode", width: 14, value: (r) => r.functionCode },
      { header: "Functietitel", width: 30, value: (r) => r.functionTitle },
      { header: "VTE", width: 8, numFmt: "0.000", value: (r) => r.fte },
      { header: "Organisatie-eenheid", width: 30, value: (r) => r.unit },
      { header: "Kostenplaats", width: 14, value: (r) => r.costCentre },
    ];
    const today = new Date().toISOString().slice(0, 10);
    const content = await writeTablesXlsx([
      { sheetName: "Personeelslijst", title: `Personeelslijst ${entity.name} (${entity.code}) op ${today}`, columns, rows },
    ]);
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
