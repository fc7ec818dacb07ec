import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { costCentres, dutyLocations, employmentRelations, functionProfiles, grades, orgUnits, persons, positionLinks, positions, positionVersions, users } from "@/db/schema";
import { formatDutchDate } from "@/lib/dates";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { dutchFte, occupantsFit, peakOccupation } from "./occupant-fit";

/** What an HR officer may correct on a position, by code as shown in the report. Empty = not set. */
export const positionCorrectionSchema = z.strictObject({
  gradeCode: z.string().trim().max(40),
  functionCode: z.string().trim().min(1, "Een arbeidsplaats heeft een functiecode nodig.").max(40),
  fte: z.string().trim().max(10),
  unitCode: z.string().trim().max(40),
  costCentreCode: z.string().trim().max(40),
  dutyLocationCode: z.string().trim().max(40),
});
export type PositionCorrection = z.infer<typeof positionCorrectionSchema>;

export type CorrectionResult =
  | { ok: true; changed: boolean; revision: number }
  | { ok: false; fieldErrors: Partial<Record<keyof PositionCorrection, string>> };

type Resolved = {
  gradeId: string | null;
  functionProfileId: string;
  functionCode: string;
  functionTitle: string;
  fte: string;
  orgUnitId: string | null;
  costCentreId: string | null;
  dutyLocationId: string | null;
};

/** Checks a correction against the reference data valid for this entity (active codes; units and cost centres of the entity). */
export async function resolveCorrection(db: DbOrTx, entityId: string, input: PositionCorrection) {
  const fieldErrors: Partial<Record<keyof PositionCorrection, string>> = {};
  const upper = (code: string) => sql`upper(${code})`;
  const [profile] = await db
    .select()
    .from(functionProfiles)
    .where(and(sql`upper(${functionProfiles.code}) = ${upper(input.functionCode)}`, eq(functionProfiles.active, true)));
  if (!profile) fieldErrors.functionCode = `Functiecode "${input.functionCode}" bestaat niet of is niet actief in Profielbeheer.`;
  const find = async <T extends { id: string }>(code: string, field: keyof PositionCorrection, label: string, query: () => Promise<T[]>) => {
    if (!code) return null;
    const [row] = await query();
    if (!row) fieldErrors[field] = `${label} "${code}" bestaat niet of is niet actief${field === "unitCode" || field === "costCentreCode" ? " voor deze entiteit" : ""}.`;
    return row?.id ?? null;
  };
  const gradeId = await find(input.gradeCode, "gradeCode", "Graad", () =>
    db.select({ id: grades.id }).from(grades).where(and(sql`upper(${grades.code}) = ${upper(input.gradeCode)}`, eq(grades.active, true))),
  );
  const orgUnitId = await find(input.unitCode, "unitCode", "Organisatie-eenheid", () =>
    db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.entityId, entityId), sql`upper(${orgUnits.code}) = ${upper(input.unitCode)}`, eq(orgUnits.active, true))),
  );
  const costCentreId = await find(input.costCentreCode, "costCentreCode", "Kostenplaats", () =>
    db
      .select({ id: costCentres.id })
      .from(costCentres)
      .where(and(eq(costCentres.entityId, entityId), sql`upper(${costCentres.code}) = ${upper(input.costCentreCode)}`, eq(costCentres.active, true))),
  );
  const dutyLocationId = await find(input.dutyLocationCode, "dutyLocationCode", "Standplaats", () =>
    db.select({ id: dutyLocations.id }).from(dutyLocations).where(and(sql`upper(${dutyLocations.code}) = ${upper(input.dutyLocationCode)}`, eq(dutyLocations.active, true))),
  );
  const fte = Number(input.fte.replace(",", "."));
  if (!input.fte || !Number.isFinite(fte) || fte <= 0 || fte > 1) fieldErrors.fte = `"${input.fte}" is geen geldige VTE: gebruik een getal groter dan 0 en hoogstens 1, bijvoorbeeld 0,8.`;
  else if (Math.round(fte * 1000) / 1000 !== fte) fieldErrors.fte = "Gebruik hoogstens drie decimalen.";
  if (Object.keys(fieldErrors).length || !profile) return { fieldErrors, resolved: null };
  const resolved: Resolved = {
    gradeId,
    functionProfileId: profile.id,
    functionCode: profile.code,
    functionTitle: profile.title,
    fte: fte.toFixed(3),
    orgUnitId,
    costCentreId,
    dutyLocationId,
  };
  return { fieldErrors, resolved };
}

const COMPARED = ["gradeId", "functionProfileId", "fte", "orgUnitId", "costCentreId", "dutyLocationId"] as const;

/**
 * Corrects a position's data: closes the version in force and opens a new dated one (on `today`),
 * audited; changes already planned for later dates keep their dates and take the corrected data.
 * The caller says which revision it edited; if someone else changed the position since, the
 * correction is refused with what they changed, so no one overwrites another silently.
 */
export async function correctPosition(
  db: Db,
  input: { entityId: string; positionId: string; expectedRevision: number; correction: PositionCorrection; actorId: string; today: string; requestId?: string },
): Promise<CorrectionResult> {
  return db.transaction(async (tx) => {
    const [position] = await tx
      .select()
      .from(positions)
      .where(and(eq(positions.id, input.positionId), eq(positions.entityId, input.entityId)))
      .for("update");
    if (!position) throw new AppError("not_found", "Deze arbeidsplaats bestaat niet.");
    const [current] = await tx
      .select()
      .from(positionVersions)
      .where(and(eq(positionVersions.positionId, position.id), isNull(positionVersions.validTo)));
    if (!current) throw new AppError("conflict", "Deze arbeidsplaats heeft geen geldige versie meer.");
    if (position.revision !== input.expectedRevision) {
      const [author] = current.createdBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.createdBy)) : [];
      throw new AppError(
        "conflict",
        `${author?.name ?? "Iemand anders"} heeft arbeidsplaats ${position.number} intussen gewijzigd (functie ${current.functionCode}, VTE ${Number(current.fte).toLocaleString("nl-BE")}). Je wijziging is niet opgeslagen: open de lijn opnieuw en pas ze toe op de nieuwe versie.`,
        { revision: position.revision },
      );
    }
    const { fieldErrors, resolved } = await resolveCorrection(tx, input.entityId, input.correction);
    if (!resolved) return { ok: false, fieldErrors };
    // The version in force today (or the first, for a position that starts later) is split; versions
    // planned after it (a freeze or abolition from a later date) take the corrected data as well.
    const versions = await tx.select().from(positionVersions).where(eq(positionVersions.positionId, position.id)).orderBy(positionVersions.versionNumber);
    const base = versions.find((v) => v.validFrom <= input.today && (v.validTo === null || v.validTo > input.today)) ?? versions.find((v) => v.validFrom > input.today) ?? current;
    const planned = versions.filter((v) => v.versionNumber > base.versionNumber);
    const changedFields = COMPARED.filter((key) => (key === "fte" ? Number(base.fte) !== Number(resolved.fte) : base[key] !== resolved[key]));
    if (changedFields.length === 0) return { ok: true, changed: false, revision: position.revision };

    const validFrom = base.validFrom > input.today ? base.validFrom : input.today;
    if (Number(resolved.fte) < Number(base.fte)) {
      const tooSmall = await fteBelowOccupants(tx, { positionId: position.id, number: position.number, fte: Number(resolved.fte), from: validFrom });
      if (tooSmall) return { ok: false, fieldErrors: { fte: tooSmall } };
    }
    if (planned.length > 0) {
      // Make room for the new version's number: planned versions move one up (in two steps, as the
      // numbers are unique per position), and carry the correction.
      const plannedIds = sql`${positionVersions.positionId} = ${position.id} and ${positionVersions.versionNumber} > ${base.versionNumber}`;
      await tx.update(positionVersions).set({ versionNumber: sql`-${positionVersions.versionNumber}` }).where(plannedIds);
      await tx
        .update(positionVersions)
        .set({ ...resolved, versionNumber: sql`1 - ${positionVersions.versionNumber}` })
        .where(and(eq(positionVersions.positionId, position.id), sql`${positionVersions.versionNumber} < 0`));
    }
    await tx.update(positionVersions).set({ validTo: validFrom }).where(eq(positionVersions.id, base.id));
    await tx.insert(positionVersions).values({
      entityId: input.entityId,
      positionId: position.id,
      versionNumber: base.versionNumber + 1,
      validFrom,
      validTo: planned[0]?.validFrom ?? null,
      lifecycle: base.lifecycle,
      reportsToPositionId: base.reportsToPositionId,
      outsidePersonnelPlan: base.outsidePersonnelPlan,
      ...resolved,
      createdBy: input.actorId,
    });
    const revision = position.revision + 1;
    await tx.update(positions).set({ revision }).where(eq(positions.id, position.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "position.correct",
      objectType: "position",
      objectId: position.id,
      entityId: input.entityId,
      before: pick(base, changedFields),
      after: { number: position.number, changed: changedFields, ...pick(resolved, changedFields), ...(planned.length ? { alsoPlannedFrom: planned.map((v) => v.validFrom) } : {}) },
      requestId: input.requestId,
    });
    return { ok: true, changed: true, revision };
  });
}

/**
 * Lowering a position's FTE below what its occupants hold from the correction on would make it
 * over-occupied: refused, as step 5 refuses a relation that does not fit (the same rule). Raising
 * it, or changing other fields of a position that is already over-occupied, stays possible.
 */
async function fteBelowOccupants(tx: Tx, input: { positionId: string; number: number; fte: number; from: string }): Promise<string | null> {
  const links = await tx
    .select({
      fte: positionLinks.fte,
      validFrom: positionLinks.validFrom,
      validTo: positionLinks.validTo,
      occupant: sql<string>`${persons.lastName} || ' ' || ${persons.firstName} || ' (' || ${persons.vlimpersNumber} || '/' || ${employmentRelations.relationNumber} || ')'`,
    })
    .from(positionLinks)
    .innerJoin(employmentRelations, eq(employmentRelations.id, positionLinks.relationId))
    .innerJoin(persons, eq(persons.id, employmentRelations.personId))
    .where(and(eq(positionLinks.positionId, input.positionId), sql`(${positionLinks.validTo} is null or ${positionLinks.validTo} > ${input.from}::date)`));
  const peak = peakOccupation(
    links.map((l) => ({ ...l, fte: Number(l.fte) })),
    input.from,
  );
  if (!peak || occupantsFit(input.fte, peak.fte)) return null;
  const who = peak.links.map((l) => `${l.occupant} ${dutchFte(l.fte)} VTE`).join(", ");
  const when = peak.on > input.from ? ` vanaf ${formatDutchDate(peak.on)}` : "";
  return `Arbeidsplaats ${input.number} kan niet minder VTE krijgen dan wie eraan gekoppeld is: ${who}${when}. Kies minstens ${dutchFte(peak.fte)} VTE, of pas eerst de koppeling aan in het personeelsplan.`;
}

function pick<T extends Record<string, unknown>>(row: T, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/** The versions of a position, newest first, with who made them. */
export async function listPositionVersions(db: DbOrTx, entityId: string, positionId: string) {
  return db
    .select({
      versionNumber: positionVersions.versionNumber,
      validFrom: positionVersions.validFrom,
      validTo: positionVersions.validTo,
      functionCode: positionVersions.functionCode,
      functionTitle: positionVersions.functionTitle,
      gradeCode: grades.code,
      unitCode: orgUnits.code,
      costCentreCode: costCentres.code,
      dutyLocationCode: dutyLocations.code,
      fte: positionVersions.fte,
      createdAt: positionVersions.createdAt,
      createdByName: users.name,
    })
    .from(positionVersions)
    .leftJoin(grades, eq(grades.id, positionVersions.gradeId))
    .leftJoin(orgUnits, eq(orgUnits.id, positionVersions.orgUnitId))
    .leftJoin(costCentres, eq(costCentres.id, positionVersions.costCentreId))
    .leftJoin(dutyLocations, eq(dutyLocations.id, positionVersions.dutyLocationId))
    .leftJoin(users, eq(users.id, positionVersions.createdBy))
    .where(and(eq(positionVersions.positionId, positionId), eq(positionVersions.entityId, entityId)))
    .orderBy(desc(positionVersions.versionNumber));
}
