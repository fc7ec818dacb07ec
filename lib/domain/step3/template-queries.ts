import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { costCentres, dutyLocations, functionProfiles, grades, orgUnits } from "@/db/schema";
import { todayInBrussels } from "@/lib/dates";
import { allReportLines } from "@/lib/domain/step2/report-queries";
import { REASON_LABELS } from "@/lib/domain/step2/report-xlsx";
import type { ReportLine } from "@/lib/domain/step2/report-queries";
import type { TemplateLine, TemplateLists } from "./template-xlsx";
import { relationKey, type GreenLine, type TemplateContext, type TemplateReference } from "./template-rules";

/**
 * The green lines the template asks a decision for: the step-2 report's green lines, except those
 * that meanwhile have a position (linked after step 1: "already linked").
 */
export async function templateGreenLines(db: DbOrTx, entityId: string, runDate: string): Promise<ReportLine[]> {
  const lines: ReportLine[] = [];
  for await (const line of allReportLines(db, entityId, runDate, { colour: "green", sort: "name", dir: "asc", page: 0 })) {
    if (line.reason !== "already_linked") lines.push(line);
  }
  return lines;
}

/** Reasons for which the template proposes "Nee": the relation is gone, so it needs no position. */
const PROPOSED_NOT_NEEDED: Partial<Record<string, string>> = {
  ended: "Uit dienst",
  not_in_personnel_list: "Niet meer in de personeelslijst",
};

/** A green line as a pre-filled template row: the relation's own data as a starting point. */
export function toTemplateLine(line: ReportLine): TemplateLine {
  const proposed = line.reason ? PROPOSED_NOT_NEEDED[line.reason] : undefined;
  return {
    vlimpers: line.vlimpers,
    name: line.name,
    relationNumber: line.relationNumber,
    reasonLabel: line.reason ? REASON_LABELS[line.reason] : "",
    decision: proposed ? "not_needed" : null,
    notNeededReason: proposed ?? null,
    functionCode: line.functionCode,
    functionTitle: line.functionTitle,
    gradeCode: line.gradeCode,
    unitCode: line.unitCode,
    costCentreCode: line.costCentreCode,
    dutyLocationCode: line.dutyLocationCode,
    fte: line.fte,
  };
}

/** The active reference data the template's drop-down lists offer, by code. */
export async function templateLists(db: DbOrTx, entityId: string): Promise<TemplateLists> {
  // One after another: inside a transaction these share one connection.
  const functions = await db
    .select({ code: functionProfiles.code, title: functionProfiles.title })
    .from(functionProfiles)
    .where(eq(functionProfiles.active, true))
    .orderBy(asc(functionProfiles.code));
  const gradeRows = await db.select({ code: grades.code, name: grades.title }).from(grades).where(eq(grades.active, true)).orderBy(asc(grades.code));
  const units = await db
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.entityId, entityId), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.code));
  const centres = await db
    .select({ code: costCentres.code, name: costCentres.name })
    .from(costCentres)
    .where(and(eq(costCentres.entityId, entityId), eq(costCentres.active, true)))
    .orderBy(asc(costCentres.code));
  const locations = await db
    .select({ code: dutyLocations.code, name: dutyLocations.name })
    .from(dutyLocations)
    .where(eq(dutyLocations.active, true))
    .orderBy(asc(dutyLocations.code));
  return { functions, grades: gradeRows, units, costCentres: centres, dutyLocations: locations };
}

/** Everything a template row is checked against, as the data are now. */
export async function loadTemplateContext(db: DbOrTx, entityId: string, runDate: string, today = todayInBrussels()): Promise<TemplateContext> {
  const green = await templateGreenLines(db, entityId, runDate);
  const greenLines = new Map<string, GreenLine>(
    green.map((l) => [relationKey(l.vlimpers, l.relationNumber), { relationId: l.relationId, vlimpers: l.vlimpers, relationNumber: l.relationNumber, name: l.name }]),
  );
  const linked = await db.execute<{ key: string }>(sql`
    select p.vlimpers_number || '/' || r.relation_number as key
    from employment_relations r join persons p on p.id = r.person_id
    where r.entity_id = ${entityId}
      and exists (select 1 from position_links l where l.relation_id = r.id and (l.valid_to is null or l.valid_to > ${today}::date))`);
  return { greenLines, linkedKeys: new Set(linked.rows.map((r) => r.key)), reference: await loadTemplateReference(db, entityId) };
}

async function loadTemplateReference(db: DbOrTx, entityId: string): Promise<TemplateReference> {
  const byCode = <R extends { code: string }>(rows: R[]) => new Map(rows.map((r) => [r.code.toUpperCase(), r]));
  const functions = await db.select({ code: functionProfiles.code, id: functionProfiles.id, active: functionProfiles.active, title: functionProfiles.title }).from(functionProfiles);
  const gradeRows = await db.select({ code: grades.code, id: grades.id, active: grades.active }).from(grades);
  const units = await db.select({ code: orgUnits.code, id: orgUnits.id, active: orgUnits.active }).from(orgUnits).where(eq(orgUnits.entityId, entityId));
  const centres = await db.select({ code: costCentres.code, id: costCentres.id, active: costCentres.active }).from(costCentres).where(eq(costCentres.entityId, entityId));
  const locations = await db.select({ code: dutyLocations.code, id: dutyLocations.id, active: dutyLocations.active }).from(dutyLocations);
  return {
    functions: byCode(functions),
    grades: byCode(gradeRows),
    units: byCode(units),
    costCentres: byCode(centres),
    dutyLocations: byCode(locations),
  };
}
