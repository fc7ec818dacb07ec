import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { employmentRelations, persons, positionLinks, positions, positionVersions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { resolveCorrection, type PositionCorrection } from "./correct-position";
import { abolishedAfter, countsOn } from "./link-bounds";

/*
 * The personnel plan after onboarding: an entity's HR creates, freezes, abolishes positions and links
 * and unlinks relations. Every command is one transaction with its audit row. Dates: a version or
 * link holds from valid_from up to, not including, valid_to; "until D" is stored as valid_to D + 1.
 */

type FieldErrors = Partial<Record<keyof PositionCorrection | "validFrom", string>>;
export type PlanResult<T> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };

function dayAfter(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Creates a position (number from the government-wide sequence) with its first version from `validFrom`, which may lie in the future. */
export async function createPosition(
  db: Db,
  input: { entityId: string; data: PositionCorrection; validFrom: string; actorId: string; requestId?: string },
): Promise<PlanResult<{ positionId: string; number: number }>> {
  return db.transaction(async (tx) => {
    const { fieldErrors, resolved } = await resolveCorrection(tx, input.entityId, input.data);
    if (!resolved) return { ok: false as const, fieldErrors };
    const [position] = await tx
      .insert(positions)
      .values({ entityId: input.entityId, origin: "manual", createdBy: input.actorId })
      .returning({ id: positions.id, number: positions.number });
    await tx.insert(positionVersions).values({ entityId: input.entityId, positionId: position!.id, versionNumber: 1, validFrom: input.validFrom, ...resolved, createdBy: input.actorId });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "position.create",
      objectType: "position",
      objectId: position!.id,
      entityId: input.entityId,
      after: { number: position!.number, validFrom: input.validFrom, ...resolved },
      requestId: input.requestId,
    });
    return { ok: true as const, positionId: position!.id, number: Number(position!.number) };
  });
}

/** The position, locked, and its open version; refused when someone changed it since `expectedRevision`. */
async function lockPosition(tx: Tx, entityId: string, positionId: string, expectedRevision: number) {
  const [position] = await tx.select().from(positions).where(and(eq(positions.id, positionId), eq(positions.entityId, entityId))).for("update");
  if (!position) throw new AppError("not_found", "Deze arbeidsplaats bestaat niet.");
  if (position.revision !== expectedRevision) throw new AppError("conflict", `Arbeidsplaats ${position.number} werd intussen gewijzigd. Open ze opnieuw.`);
  const [current] = await tx.select().from(positionVersions).where(and(eq(positionVersions.positionId, position.id), isNull(positionVersions.validTo)));
  if (!current) throw new AppError("conflict", `Arbeidsplaats ${position.number} heeft geen geldige versie meer.`);
  return { position, current };
}

/** Closes the open version on `from` and opens the next one with `changes`, bumping the revision. */
async function nextVersion(
  tx: Tx,
  locked: Awaited<ReturnType<typeof lockPosition>>,
  from: string,
  changes: Partial<typeof positionVersions.$inferInsert>,
  actorId: string,
) {
  const { position, current } = locked;
  if (from <= current.validFrom) throw new AppError("conflict", `De datum moet na ${current.validFrom} liggen, het begin van de huidige versie.`);
  await tx.update(positionVersions).set({ validTo: from }).where(eq(positionVersions.id, current.id));
  const { id: _id, createdAt: _at, validTo: _to, ...copied } = current;
  await tx.insert(positionVersions).values({ ...copied, ...changes, versionNumber: current.versionNumber + 1, validFrom: from, validTo: null, createdBy: actorId });
  await tx.update(positions).set({ revision: position.revision + 1 }).where(eq(positions.id, position.id));
}

/** Freezes a position from a date (it stays in the plan, not to be filled), or makes it active again. */
export async function setPositionFrozen(
  db: Db,
  input: { entityId: string; positionId: string; expectedRevision: number; frozen: boolean; from: string; actorId: string; requestId?: string },
) {
  return db.transaction(async (tx) => {
    const locked = await lockPosition(tx, input.entityId, input.positionId, input.expectedRevision);
    const wanted = input.frozen ? "frozen" : "active";
    if (locked.current.lifecycle === "abolished") throw new AppError("conflict", `Arbeidsplaats ${locked.position.number} is afgeschaft.`);
    if (locked.current.lifecycle === wanted) return { changed: false };
    await nextVersion(tx, locked, input.from, { lifecycle: wanted }, input.actorId);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.frozen ? "position.freeze" : "position.unfreeze",
      objectType: "position",
      objectId: locked.position.id,
      entityId: input.entityId,
      after: { number: locked.position.number, from: input.from },
      requestId: input.requestId,
    });
    return { changed: true };
  });
}

/**
 * Abolishes a position after its last day `until`: the links that still hold then end with it, and
 * links planned to start later are withdrawn (a link cannot outlive its position).
 */
export async function abolishPosition(
  db: Db,
  input: { entityId: string; positionId: string; expectedRevision: number; until: string; actorId: string; requestId?: string },
) {
  return db.transaction(async (tx) => {
    const locked = await lockPosition(tx, input.entityId, input.positionId, input.expectedRevision);
    if (locked.current.lifecycle === "abolished") throw new AppError("conflict", `Arbeidsplaats ${locked.position.number} is al afgeschaft.`);
    const end = dayAfter(input.until);
    await nextVersion(tx, locked, end, { lifecycle: "abolished" }, input.actorId);
    const ended = await tx
      .update(positionLinks)
      .set({ validTo: end })
      .where(and(eq(positionLinks.positionId, locked.position.id), sql`(${positionLinks.validTo} is null or ${positionLinks.validTo} > ${end}::date)`, sql`${positionLinks.validFrom} < ${end}::date`))
      .returning({ id: positionLinks.id });
    // Links that would only start once the position no longer exists are withdrawn; the audit keeps them.
    const withdrawn = await tx
      .delete(positionLinks)
      .where(and(eq(positionLinks.positionId, locked.position.id), sql`${positionLinks.validFrom} >= ${end}::date`))
      .returning({ id: positionLinks.id, relationId: positionLinks.relationId, fte: positionLinks.fte, validFrom: positionLinks.validFrom, validTo: positionLinks.validTo });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "position.abolish",
      objectType: "position",
      objectId: locked.position.id,
      entityId: input.entityId,
      after: { number: locked.position.number, until: input.until, endedLinks: ended.length, withdrawnLinks: withdrawn },
      requestId: input.requestId,
    });
    return { endedLinks: ended.length, withdrawnLinks: withdrawn.length };
  });
}

/**
 * Links an employment relation of the entity to a position for an FTE share from a date, until the
 * relation ends (or the position, when it is abolished first). Refused when the relation has a
 * link that holds then (one position at a time), or when the position does not count on that date
 * (not yet, or abolished).
 */
export async function linkRelation(
  db: Db,
  input: { entityId: string; positionId: string; vlimpers: string; relationNumber: number; fte: number; from: string; actorId: string; requestId?: string },
) {
  if (!(input.fte > 0 && input.fte <= 1)) throw new AppError("invalid_input", "Gebruik een VTE groter dan 0 en hoogstens 1.");
  return db.transaction(async (tx) => {
    const [relation] = await tx
      .select({ id: employmentRelations.id, endDate: employmentRelations.endDate })
      .from(employmentRelations)
      .innerJoin(persons, eq(persons.id, employmentRelations.personId))
      .where(and(eq(employmentRelations.entityId, input.entityId), eq(persons.vlimpersNumber, input.vlimpers), eq(employmentRelations.relationNumber, input.relationNumber)))
      .for("update", { of: employmentRelations });
    if (!relation) throw new AppError("not_found", `Er is geen arbeidsrelatie ${input.vlimpers}/${input.relationNumber} in deze entiteit.`);
    // Shared lock: an abolition of the position (which locks it for update) cannot commit in between.
    const [position] = await tx.select().from(positions).where(and(eq(positions.id, input.positionId), eq(positions.entityId, input.entityId))).for("share");
    if (!position) throw new AppError("not_found", "Deze arbeidsplaats bestaat niet.");
    const bounds = await tx.execute<{ counts: boolean; abolished_from: string | null }>(sql`
      select ${countsOn(sql`${position.id}::uuid`, sql`${input.from}::date`)} as counts,
             ${abolishedAfter(sql`${position.id}::uuid`, sql`${input.from}::date`)}::text as abolished_from`);
    if (!bounds.rows[0]!.counts) throw new AppError("conflict", `Arbeidsplaats ${position.number} bestaat niet (meer) op ${input.from}.`);
    if (relation.endDate && relation.endDate < input.from) throw new AppError("conflict", `De arbeidsrelatie eindigde op ${relation.endDate}, voor ${input.from}.`);
    const taken = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from position_links where relation_id = ${relation.id} and (valid_to is null or valid_to > ${input.from}::date)`);
    if (Number(taken.rows[0]!.n) > 0) throw new AppError("conflict", `Arbeidsrelatie ${input.vlimpers}/${input.relationNumber} is op die datum al gekoppeld. Ontkoppel ze eerst.`);
    // The link ends with the relation, or earlier when the position is abolished from a later date.
    const ends = [relation.endDate ? dayAfter(relation.endDate) : null, bounds.rows[0]!.abolished_from].filter((d): d is string => d !== null).sort();
    const [link] = await tx
      .insert(positionLinks)
      .values({ entityId: input.entityId, positionId: position.id, relationId: relation.id, fte: input.fte.toFixed(3), validFrom: input.from, validTo: ends[0] ?? null, createdBy: input.actorId })
      .returning({ id: positionLinks.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "position.link",
      objectType: "position_link",
      objectId: link!.id,
      entityId: input.entityId,
      after: { number: position.number, relation: `${input.vlimpers}/${input.relationNumber}`, fte: input.fte, from: input.from, validTo: ends[0] ?? null },
      requestId: input.requestId,
    });
    return { linkId: link!.id };
  });
}

/** Ends a link after its last day `until`. */
export async function unlinkRelation(db: Db, input: { entityId: string; linkId: string; until: string; actorId: string; requestId?: string }) {
  return db.transaction(async (tx) => {
    const [link] = await tx.select().from(positionLinks).where(and(eq(positionLinks.id, input.linkId), eq(positionLinks.entityId, input.entityId))).for("update");
    if (!link) throw new AppError("not_found", "Deze koppeling bestaat niet.");
    const end = dayAfter(input.until);
    if (end <= link.validFrom) throw new AppError("conflict", `De koppeling begint pas op ${link.validFrom}: kies een latere laatste dag.`);
    if (link.validTo && link.validTo <= end) throw new AppError("conflict", "Deze koppeling is op die datum al beëindigd.");
    await tx.update(positionLinks).set({ validTo: end }).where(eq(positionLinks.id, link.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "position.unlink",
      objectType: "position_link",
      objectId: link.id,
      entityId: input.entityId,
      before: { validTo: link.validTo },
      after: { until: input.until },
      requestId: input.requestId,
    });
    return { ended: true };
  });
}
