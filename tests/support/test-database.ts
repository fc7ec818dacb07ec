import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** The server that integration tests on real PostgreSQL use; each test file gets a database of its own. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

export interface TestDatabase extends DatabaseHandle {
  /** Drops the database (Postgres) or closes the in-memory one (PGlite). */
  dispose(): Promise<void>;
  /** A URL for other processes (Postgres only). */
  url?: string;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * test PostgreSQL server (created from scratch, dropped afterwards).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const kind = testDatabaseKind();
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let url: string | undefined;
  if (kind === "pglite") {
    handle = await openDatabase({ pgliteDir: "memory://", rowLevelSecurity: true });
    dispose = () => handle.close();
  } else {
    const name = `apb_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(`create database ${name}`);
    url = withDatabase(TEST_POSTGRES_URL, name);
    handle = await openDatabase({ databaseUrl: url, poolSize: 5, rowLevelSecurity: true });
    dispose = async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    };
  }
  if (options.migrate !== false) await migrateDatabase(handle);
  return { ...handle, dispose, url };
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
