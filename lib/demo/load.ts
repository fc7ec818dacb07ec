/**
 * Loads a generated demo data set in one transaction, set-based: the two big tables go in by
 * INSERT ... SELECT FROM unnest(...) with one array parameter per column (Drizzle would expand a
 * plain array into one parameter per element and fail past a few thousand); the small tables by
 * Drizzle batches. Works with both drivers of db/client.ts (node-postgres, PGlite). Everything runs on `tx`: on PGlite a query on the outer handle would wait on
 * the open transaction for good.
 */
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "../../db/client";
import { typedArray } from "../../db/sql-arrays";
import {
  costCentres,
  dutyLocations,
  employmentRelations,
  entities,
  functionFamilies,
  functionProfiles,
  grades,
  onboardings,
  orgUnits,
  persons,
  policyAreas,
  userGrants,
  users,
} from "../../db/schema";
import type { DemoData, EmploymentRelationRow, PersonRow } from "./generate";

const BATCH_ROWS = 1_000;
const UNNEST_CHUNK_ROWS = 10_000;

/** True when no entity exists yet: the demo data (or any real data) has not been loaded. */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: entities.id }).from(entities).limit(1);
  return rows.length === 0;
}

export async function loadDemoData(db: DbOrTx, data: DemoData): Promise<void> {
  await db.transaction(async (tx) => {
    // Parents before children: the foreign keys are checked per statement.
    await insertInBatches(tx, policyAreas, data.policyAreas);
    await insertInBatches(tx, entities, data.entities);
    await insertInBatches(tx, orgUnits, data.orgUnits);
    await insertInBatches(tx, costCentres, data.costCentres);
    await insertInBatches(tx, dutyLocations, data.dutyLocations);
    await insertInBatches(tx, grades, data.grades);
    await insertInBatches(tx, functionFamilies, data.functionFamilies);
    await insertInBatches(tx, functionProfiles, data.functionProfiles);
    await insertInBatches(tx, users, data.users);
    await insertInBatches(tx, userGrants, data.userGrants);
    await insertInBatches(tx, onboardings, data.onboardings);
    await insertByUnnest(tx, persons, PERSON_COLUMNS, data.persons);
    await insertByUnnest(tx, employmentRelations, RELATION_COLUMNS, data.employmentRelations);
  });
}

async function insertInBatches<T extends PgTable>(tx: Tx, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await tx.insert(table).values(rows.slice(i, i + BATCH_ROWS) as T["$inferInsert"][]);
  }
}

interface UnnestColumn<R> {
  name: string;
  /** The Postgres element type; the array travels as text[] and is cast to it in SQL. */
  type: string;
  value: (row: R) => string | null;
}

const PERSON_COLUMNS: readonly UnnestColumn<PersonRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "entity_id", type: "uuid", value: (r) => r.entityId },
  { name: "vlimpers_number", type: "text", value: (r) => r.vlimpersNumber },
  { name: "first_name", type: "text", value: (r) => r.firstName },
  { name: "last_name", type: "text", value: (r) => r.lastName },
];

const RELATION_COLUMNS: readonly UnnestColumn<EmploymentRelationRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "entity_id", type: "uuid", value: (r) => r.entityId },
  { name: "person_id", type: "uuid", value: (r) => r.personId },
  { name: "relation_number", type: "int4", value: (r) => String(r.relationNumber) },
  { name: "kind", type: "relation_kind", value: (r) => r.kind },
  { name: "non_employee_category", type: "text", value: (r) => r.nonEmployeeCategory ?? null },
  { name: "legal_status", type: "legal_status", value: (r) => r.legalStatus },
  { name: "status", type: "relation_status", value: (r) => r.status },
  { name: "start_date", type: "date", value: (r) => r.startDate },
  { name: "end_date", type: "date", value: (r) => r.endDate ?? null },
  { name: "grade_id", type: "uuid", value: (r) => r.gradeId ?? null },
  { name: "function_profile_id", type: "uuid", value: (r) => r.functionProfileId ?? null },
  { name: "fte", type: "numeric", value: (r) => r.fte },
  { name: "org_unit_id", type: "uuid", value: (r) => r.orgUnitId ?? null },
  { name: "cost_centre_id", type: "uuid", value: (r) => r.costCentreId ?? null },
  { name: "in_personnel_list", type: "bool", value: (r) => String(r.inPersonnelList ?? true) },
];

/** One INSERT ... SELECT FROM unnest per chunk: one array parameter per column, whatever the row count. */
async function insertByUnnest<R>(
  tx: Tx,
  table: PgTable,
  columns: readonly UnnestColumn<R>[],
  rows: readonly R[],
): Promise<void> {
  const columnList = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += UNNEST_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + UNNEST_CHUNK_ROWS);
    const arrays: SQL[] = columns.map((c) => typedArray(chunk.map(c.value), c.type));
    await tx.execute(
      sql`insert into ${sql.identifier(getTableName(table))} (${columnList}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}
