import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { entityAgreements, entityAgreementVersions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { validIsoDate } from "@/lib/dates";
import { AppError, notFound } from "@/lib/errors/app-error";

export const agreementContentSchema = z.strictObject({
  meetingDate: z.iso.date().refine((d) => validIsoDate(d) !== null, "Kies een bestaande datum."),
  title: z.string().trim().min(3, "Geef een titel van minstens 3 tekens.").max(200, "Een titel heeft hoogstens 200 tekens."),
  body: z.string().trim().min(1, "Schrijf de afspraken op.").max(20_000, "Hoogstens 20.000 tekens."),
});
export type AgreementContent = z.infer<typeof agreementContentSchema>;

export interface AgreementVersion {
  version: number;
  meetingDate: string;
  title: string;
  body: string;
  savedByName: string;
  savedAt: string;
}

export interface Agreement {
  id: string;
  meetingDate: string;
  title: string;
  body: string;
  version: number;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  /** Earlier versions, newest first (the current one is not among them). */
  history: AgreementVersion[];
}

/** An entity's agreements, newest conversation first, each with its earlier versions. */
export async function listAgreements(db: DbOrTx, entityId: string): Promise<Agreement[]> {
  const author = alias(users, "author");
  const rows = await db
    .select({
      id: entityAgreements.id,
      meetingDate: entityAgreements.meetingDate,
      title: entityAgreements.title,
      body: entityAgreements.body,
      version: entityAgreements.version,
      authorId: entityAgreements.authorId,
      authorName: author.name,
      createdAt: sql<string>`${entityAgreements.createdAt}::text`,
      updatedAt: sql<string>`${entityAgreements.updatedAt}::text`,
    })
    .from(entityAgreements)
    .innerJoin(author, eq(author.id, entityAgreements.authorId))
    .where(eq(entityAgreements.entityId, entityId))
    .orderBy(desc(entityAgreements.meetingDate), desc(entityAgreements.createdAt));
  if (rows.length === 0) return [];
  const versions = await db
    .select({
      agreementId: entityAgreementVersions.agreementId,
      version: entityAgreementVersions.version,
      meetingDate: entityAgreementVersions.meetingDate,
      title: entityAgreementVersions.title,
      body: entityAgreementVersions.body,
      savedByName: users.name,
      savedAt: sql<string>`${entityAgreementVersions.savedAt}::text`,
    })
    .from(entityAgreementVersions)
    .innerJoin(entityAgreements, eq(entityAgreements.id, entityAgreementVersions.agreementId))
    .innerJoin(users, eq(users.id, entityAgreementVersions.savedBy))
    .where(eq(entityAgreements.entityId, entityId))
    .orderBy(asc(entityAgreementVersions.agreementId), desc(entityAgreementVersions.version));
  return rows.map((row) => ({
    ...row,
    history: versions.filter((v) => v.agreementId === row.id && v.version < row.version).map(({ agreementId: _id, ...v }) => v),
  }));
}

/** A central expert writes down an intake conversation; the first version is kept from the start. */
export async function addAgreement(
  db: DbOrTx,
  { entityId, content, actorId, requestId }: { entityId: string; content: AgreementContent; actorId: string; requestId?: string },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(entityAgreements)
      .values({ entityId, authorId: actorId, ...content })
      .returning({ id: entityAgreements.id });
    await tx.insert(entityAgreementVersions).values({ agreementId: row!.id, version: 1, ...content, savedBy: actorId });
    await recordAudit(tx, { actorId, requestId, entityId, action: "agreements.add", objectType: "entity_agreement", objectId: row!.id, after: content });
    return row!;
  });
}

/**
 * The author changes their agreement. Someone else's answers "forbidden"; a change made meanwhile
 * by the author in another tab answers "conflict" instead of being overwritten.
 */
export async function editAgreement(
  db: DbOrTx,
  {
    entityId,
    agreementId,
    expectedVersion,
    content,
    actorId,
    requestId,
  }: { entityId: string; agreementId: string; expectedVersion: number; content: AgreementContent; actorId: string; requestId?: string },
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(entityAgreements)
      .where(and(eq(entityAgreements.id, agreementId), eq(entityAgreements.entityId, entityId)))
      .for("update");
    if (!current) throw notFound("Deze afspraak bestaat niet.");
    if (current.authorId !== actorId) throw new AppError("forbidden", "Alleen wie de afspraak schreef, kan ze wijzigen.");
    if (current.version !== expectedVersion) {
      throw new AppError("conflict", "De afspraak is intussen gewijzigd. Laad de pagina opnieuw en pas de nieuwste versie aan.");
    }
    const version = current.version + 1;
    await tx
      .update(entityAgreements)
      .set({ ...content, version, updatedAt: sql`now()` })
      .where(eq(entityAgreements.id, agreementId));
    await tx.insert(entityAgreementVersions).values({ agreementId, version, ...content, savedBy: actorId });
    await recordAudit(tx, {
      actorId,
      requestId,
      entityId,
      action: "agreements.edit",
      objectType: "entity_agreement",
      objectId: agreementId,
      before: { meetingDate: current.meetingDate, title: current.title, body: current.body },
      after: content,
    });
    return { version };
  });
}
