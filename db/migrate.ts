import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { DatabaseHandle } from "./client";

const here = path.dirname(fileURLToPath(import.meta.url));
export const migrationsFolder = process.env.MIGRATIONS_DIR ?? path.resolve(here, "migrations");

/**
 * Applies pending drizzle-kit migrations. A transaction-scoped advisory lock keeps two
 * processes starting at once from racing (drizzle runs all pending migrations in one transaction).
 */
export async function migrateDatabase(handle: Pick<DatabaseHandle, "ownerDb">): Promise<void> {
  // As the tables' owner: the application role may not create or alter anything.
  const db = handle.ownerDb;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
  });
  await migrate(db, { migrationsFolder });
}
