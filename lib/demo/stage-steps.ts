/**
 * The entity's own steps as the demo's HR officers take them: corrections in the step-2 report,
 * the template (one upload with mistakes, then a good one), the control report (online or as a
 * filled file). Each goes through the domain command the page's server action calls.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dutyLocations, orgUnits } from "@/db/schema";
import { correctPosition } from "@/lib/domain/positions/correct-position";
import { completeStep2Review } from "@/lib/domain/step2/complete-review";
import { reportFiltersSchema } from "@/lib/domain/step2/report-filters";
import { step2Report, type ReportLine } from "@/lib/domain/step2/report-queries";
import { acceptTemplateUpload, previewTemplateUpload } from "@/lib/domain/step3/template-import";
import { submitTemplate } from "@/lib/domain/step3/template-requests";
import { assignOnline } from "@/lib/domain/step5/control-assignments";
import { acceptControlUpload, previewControlUpload } from "@/lib/domain/step5/control-import";
import { submitControlReport } from "@/lib/domain/step5/control-assignments";
import { listControlRows } from "@/lib/domain/step5/control-queries";
import { demoTemplateFill } from "./demo-answers";
import { asUpload, bufferOf, downloadTemplate, fillControlReport, fillTemplate, latestControlReport, templateColumn, workbookOf } from "./onboarding-files";
import type { StagedEntity } from "./seed-stages";
import { firstOfMonthAfter } from "./stages";

const allLines = reportFiltersSchema.parse({});

/** Two blue lines corrected online: one moved to another unit (a reorganisation), one given its duty location. */
export async function correctSomeBlueLines(db: Db, e: StagedEntity, today: string): Promise<void> {
  const { lines } = await step2Report(db, e.entityId, e.step1Date, reportFiltersSchema.parse({ colour: "blue" }), 2, today);
  const [otherUnit] = await db
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(and(eq(orgUnits.entityId, e.entityId), eq(orgUnits.active, true), ne(orgUnits.code, lines[0]?.unitCode ?? "")))
    .orderBy(asc(orgUnits.code))
    .limit(1);
  const [location] = await db.select({ code: dutyLocations.code }).from(dutyLocations).where(eq(dutyLocations.active, true)).orderBy(asc(dutyLocations.code)).limit(1);
  const changes: Partial<Record<keyof ReturnType<typeof correctionOf>, string>>[] = [{ unitCode: otherUnit?.code ?? "" }, { dutyLocationCode: location?.code ?? "" }];
  for (const [i, line] of lines.entries()) {
    if (!line.positionId || line.positionRevision === null) continue;
    const result = await correctPosition(db, {
      entityId: e.entityId,
      positionId: line.positionId,
      expectedRevision: line.positionRevision,
      correction: { ...correctionOf(line), ...changes[i] },
      actorId: e.hrId,
      today,
    });
    if (!result.ok) throw new Error(`demo correction refused: ${JSON.stringify(result.fieldErrors)}`);
  }
}

function correctionOf(line: ReportLine) {
  return {
    functionCode: line.functionCode ?? "",
    gradeCode: line.gradeCode ?? "",
    fte: String(line.fte),
    unitCode: line.unitCode ?? "",
    costCentreCode: line.costCentreCode ?? "",
    dutyLocationCode: line.dutyLocationCode ?? "",
  };
}

export async function completeReview(db: Db, e: StagedEntity): Promise<void> {
  const { counts } = await step2Report(db, e.entityId, e.step1Date, allLines, 1);
  await completeStep2Review(db, { entityId: e.entityId, actorId: e.hrId, counts: { blue: counts.blue, green: counts.green, ...counts.byReason } });
}

/** A first try at the template with three mistakes an HR officer makes: the upload is refused, with its problems marked. */
export async function uploadTemplateWithMistakes(db: Db, e: StagedEntity): Promise<void> {
  const filled = await fillTemplate(await downloadTemplate(db, e.entityId), await demoTemplateFill(db, e.entityId, e.step1Date));
  const book = await workbookOf(filled);
  const sheet = book.getWorksheet("Sjabloon")!;
  sheet.getRow(2).getCell(templateColumn("decision")).value = "Misschien";
  sheet.getRow(3).getCell(templateColumn("fte")).value = "1,5";
  sheet.getRow(4).getCell(templateColumn("decision")).value = "Ja";
  sheet.getRow(4).getCell(templateColumn("functionCode")).value = "ADM-999";
  const outcome = await previewTemplateUpload(db, { entityId: e.entityId, actorId: e.hrId, file: asUpload(await bufferOf(book), "Sjabloon eerste versie.xlsx") });
  if (outcome.state !== "rejected" || !outcome.summary?.errors) throw new Error("the demo template with mistakes was not refused as planned");
}

/** The template filled as the HR officer decides, with a few positions not tied to a green line; accepted and submitted. */
export async function submitDemoTemplate(db: Db, e: StagedEntity, today: string): Promise<void> {
  const fill = await demoTemplateFill(db, e.entityId, e.step1Date, [
    { fte: 1, note: "Nieuwe functie: data-analist" },
    { fte: 0.8, note: "Projectmedewerker digitalisering" },
    { fte: 1, validFrom: firstOfMonthAfter(today, 1), note: "Opvolging bij pensionering" },
  ]);
  const content = await fillTemplate(await downloadTemplate(db, e.entityId), fill);
  const outcome = await previewTemplateUpload(db, { entityId: e.entityId, actorId: e.hrId, file: asUpload(content, "Sjabloon ingevuld.xlsx") });
  if (outcome.state !== "previewed" || outcome.summary?.errors) throw new Error(`the demo template was refused: ${outcome.rejection ?? `${outcome.summary?.errors} errors`}`);
  await acceptTemplateUpload(db, { entityId: e.entityId, actorId: e.hrId, importRunId: outcome.importRunId });
  await submitTemplate(db, { entityId: e.entityId, actorId: e.hrId });
}

/** Halfway through step 5 online: the first half of the positions given to whom they were requested for. */
export async function fillControlReportOnline(db: Db, e: StagedEntity): Promise<void> {
  const { rows } = await listControlRows(db, e.entityId, { limit: 10_000, offset: 0 });
  const requested = rows.filter((r) => r.requestedFor);
  for (const row of requested.slice(0, Math.ceil(requested.length / 2))) {
    const [, vlimpers, relation] = /\((\d{6})\/(\d+)\)$/.exec(row.requestedFor!) ?? [];
    if (!vlimpers) continue;
    await assignOnline(db, { entityId: e.entityId, requestId: row.requestId, expectedRevision: row.revision, assignment: { vlimpers, relationNumber: Number(relation) }, actorId: e.hrId });
  }
}

/** The control report downloaded, filled (one requested position left vacant if asked), uploaded, accepted and submitted. */
export async function submitControlReportFile(db: Db, e: StagedEntity, { leaveOneVacant }: { leaveOneVacant: boolean }): Promise<void> {
  const { rows } = await listControlRows(db, e.entityId, { limit: 1, offset: 0 });
  const vacant = new Set(leaveOneVacant && rows[0] ? [rows[0].positionNumber] : []);
  const content = await fillControlReport(await latestControlReport(db, e.entityId), { vacant });
  const outcome = await previewControlUpload(db, { entityId: e.entityId, actorId: e.hrId, file: asUpload(content, "Controlerapport ingevuld.xlsx") });
  if (outcome.state !== "previewed" || outcome.summary?.errors) throw new Error(`the demo control report was refused: ${outcome.rejection ?? `${outcome.summary?.errors} errors`}`);
  await acceptControlUpload(db, { entityId: e.entityId, actorId: e.hrId, importRunId: outcome.importRunId });
  await submitControlReport(db, { entityId: e.entityId, actorId: e.hrId });
}
