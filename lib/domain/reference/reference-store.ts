import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { DbOrTx } from "@/db/client";
import { costCentres, dutyLocations, functionFamilies, functionProfiles, grades, orgUnits } from "@/db/schema";
import { codeKey, type ReferenceContext, type ReferenceRecord } from "./check-reference-records";
import type { ReferenceKindKey } from "./reference-kinds";

export interface StoredReference extends ReferenceRecord {
  id: string;
  updatedAt: Date;
}

export interface ReferenceWrite {
  added: readonly ReferenceRecord[];
  changed: readonly { id: string; record: ReferenceRecord }[];
}

/**
 * Reading and writing each kind of reference data. Entity kinds (units, cost centres) are always
 * read and written within one entity; global kinds ignore `entityId`. Writes are set-based: one
 * statement per table and kind of change, whatever the number of records.
 */
export async function loadReference(db: DbOrTx, kind: ReferenceKindKey, entityId: string | null): Promise<StoredReference[]> {
  const base = (row: { id: string; code: string; active: boolean; updatedAt: Date }, values: Record<string, string | null>) => ({
    id: row.id,
    code: row.code,
    active: row.active,
    updatedAt: row.updatedAt,
    rowNumber: 0,
    values,
  });
  switch (kind) {
    case "grades": {
      const rows = await db.select().from(grades).orderBy(asc(grades.code));
      return rows.map((r) => base(r, { title: r.title, rank: r.rank, level: r.level, payScale: r.payScale }));
    }
    case "function-profiles": {
      const rows = await db
        .select({ profile: functionProfiles, familyCode: functionFamilies.code })
        .from(functionProfiles)
        .innerJoin(functionFamilies, eq(functionFamilies.id, functionProfiles.familyId))
        .orderBy(asc(functionProfiles.code));
      return rows.map(({ profile, familyCode }) => base(profile, { title: profile.title, family: familyCode, level: profile.level }));
    }
    case "duty-locations": {
      const rows = await db.select().from(dutyLocations).orderBy(asc(dutyLocations.code));
      return rows.map((r) => base(r, { name: r.name, municipality: r.municipality }));
    }
    case "org-units": {
      const rows = await db.select().from(orgUnits).where(eq(orgUnits.entityId, requireEntity(entityId))).orderBy(asc(orgUnits.code));
      const codeOf = new Map(rows.map((r) => [r.id, r.code]));
      return rows.map((r) => base(r, { name: r.name, parent: r.parentId ? (codeOf.get(r.parentId) ?? null) : null }));
    }
    case "cost-centres": {
      const rows = await db.select().from(costCentres).where(eq(costCentres.entityId, requireEntity(entityId))).orderBy(asc(costCentres.code));
      return rows.map((r) => base(r, { name: r.name }));
    }
  }
}

/** What the checks of this kind need from the database. */
export async function loadReferenceContext(db: DbOrTx, kind: ReferenceKindKey, entityId: string | null): Promise<ReferenceContext> {
  if (kind === "function-profiles") {
    const families = await db.select({ code: functionFamilies.code }).from(functionFamilies);
    return { familyCodes: new Set(families.map((f) => codeKey(f.code))), storedParents: new Map() };
  }
  if (kind === "org-units") {
    const units = await loadReference(db, kind, entityId);
    return {
      familyCodes: new Set(),
      storedParents: new Map(units.map((u) => [codeKey(u.code), u.values.parent ? codeKey(u.values.parent) : null])),
    };
  }
  return { familyCodes: new Set(), storedParents: new Map() };
}

export async function writeReference(tx: DbOrTx, kind: ReferenceKindKey, entityId: string | null, write: ReferenceWrite): Promise<void> {
  const now = new Date();
  const v = (r: ReferenceRecord, key: string) => r.values[key] ?? null;
  switch (kind) {
    case "grades":
      await upsert(tx, grades, write, (r) => ({ code: r.code, title: v(r, "title")!, rank: v(r, "rank")!, level: v(r, "level")!, payScale: v(r, "payScale"), active: r.active, updatedAt: now }));
      return;
    case "function-profiles": {
      const families = await tx.select({ id: functionFamilies.id, code: functionFamilies.code }).from(functionFamilies);
      const familyId = new Map(families.map((f) => [codeKey(f.code), f.id]));
      await upsert(tx, functionProfiles, write, (r) => ({
        code: r.code,
        title: v(r, "title")!,
        familyId: familyId.get(codeKey(v(r, "family")!))!,
        level: v(r, "level")!,
        active: r.active,
        updatedAt: now,
      }));
      return;
    }
    case "duty-locations":
      await upsert(tx, dutyLocations, write, (r) => ({ code: r.code, name: v(r, "name")!, municipality: v(r, "municipality"), active: r.active, updatedAt: now }));
      return;
    case "cost-centres": {
      const entity = requireEntity(entityId);
      await upsert(tx, costCentres, write, (r) => ({ entityId: entity, code: r.code, name: v(r, "name")!, active: r.active, updatedAt: now }));
      return;
    }
    case "org-units": {
      const entity = requireEntity(entityId);
      await upsert(tx, orgUnits, write, (r) => ({ entityId: entity, code: r.code, name: v(r, "name")!, active: r.active, updatedAt: now }));
      // Parents by code, once every unit of the write exists: a file may name a parent further down.
      const touched = [...write.added, ...write.changed.map((c) => c.record)];
      if (touched.length === 0) return;
      const pairs = touched.map((r) => ({ code: codeKey(r.code), parent: r.values.parent ? codeKey(r.values.parent) : null }));
      await tx.execute(sql`
        update org_units as child
        set parent_id = parent.id
        from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as wanted(code text, parent text)
        left join org_units as parent on parent.entity_id = ${entity} and upper(parent.code) = wanted.parent
        where child.entity_id = ${entity} and upper(child.code) = wanted.code
          and child.parent_id is distinct from parent.id`);
      return;
    }
  }
}

type ReferenceTable = typeof grades | typeof functionProfiles | typeof dutyLocations | typeof costCentres | typeof orgUnits;

async function upsert<T extends ReferenceTable>(tx: DbOrTx, table: T, write: ReferenceWrite, toRow: (record: ReferenceRecord) => T["$inferInsert"]) {
  if (write.added.length) await tx.insert(table).values(write.added.map(toRow) as never);
  if (write.changed.length === 0) return;
  // One statement for every changed row: update ... from (values ...) keyed by id.
  const rows = write.changed.map((c) => ({ id: c.id, ...toRow(c.record) }));
  const columns = Object.keys(rows[0]!).filter((k) => k !== "id" && k !== "entityId");
  const tableColumns = table as unknown as Record<string, { getSQLType(): string }>;
  const assignments = sql.join(
    columns.map((k) => sql`${sql.identifier(toSnakeCase(k))} = (changed.row ->> ${k})::${sql.raw(tableColumns[k]!.getSQLType())}`),
    sql`, `,
  );
  const payload = rows.map((r) => ({ ...r, updatedAt: (r as { updatedAt: Date }).updatedAt.toISOString() }));
  await tx.execute(sql`
    update ${table} as target set ${assignments}
    from jsonb_array_elements(${JSON.stringify(payload)}::jsonb) as changed(row)
    where target.id = (changed.row ->> 'id')::uuid`);
}

function requireEntity(entityId: string | null): string {
  if (!entityId) throw new Error("This kind of reference data belongs to an entity: entityId is required.");
  return entityId;
}

/** Sets the active flag of some records of one kind (within the entity, for entity kinds). Returns those changed. */
export async function setReferenceActive(tx: DbOrTx, kind: ReferenceKindKey, entityId: string | null, ids: readonly string[], active: boolean) {
  const now = new Date();
  switch (kind) {
    case "grades":
      return tx.update(grades).set({ active, updatedAt: now }).where(inArray(grades.id, [...ids])).returning({ id: grades.id, code: grades.code });
    case "function-profiles":
      return tx.update(functionProfiles).set({ active, updatedAt: now }).where(inArray(functionProfiles.id, [...ids])).returning({ id: functionProfiles.id, code: functionProfiles.code });
    case "duty-locations":
      return tx.update(dutyLocations).set({ active, updatedAt: now }).where(inArray(dutyLocations.id, [...ids])).returning({ id: dutyLocations.id, code: dutyLocations.code });
    case "org-units":
      return tx
        .update(orgUnits)
        .set({ active, updatedAt: now })
        .where(and(inArray(orgUnits.id, [...ids]), eq(orgUnits.entityId, requireEntity(entityId))))
        .returning({ id: orgUnits.id, code: orgUnits.code });
    case "cost-centres":
      return tx
        .update(costCentres)
        .set({ active, updatedAt: now })
        .where(and(inArray(costCentres.id, [...ids]), eq(costCentres.entityId, requireEntity(entityId))))
        .returning({ id: costCentres.id, code: costCentres.code });
  }
}
