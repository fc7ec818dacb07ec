import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; every query function accepts either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /**
   * Raw SQL for tools that bring their own (pg-boss, resets). Without values the text may hold
   * several statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  /** PGlite only: the whole database as a gzipped tar, to open again with `pgliteLoadDataDir`. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://... ; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder, or "memory://" for tests. */
  pgliteDir?: string;
  poolSize?: number;
  /** PGlite only: start from this dump (made by `dumpDataDir`) when the folder is new. */
  pgliteLoadDataDir?: Blob;
}

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR ?? ".data/pglite";
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
      application_name: "arbeidsplaatsbeheer",
      // Short interactive queries: JIT compilation costs more (tens of ms) than it saves here.
      options: "-c jit=off",
    });
    let closing = false;
    // An idle connection the server drops (restart, failover, a database dropped at the end of a
    // test) must not crash the process: the pool replaces it on the next query.
    pool.on("error", (error) => {
      if (!closing) console.error("[db] idle connection lost:", error.message);
    });
    // A connection lost while checked out (pg_terminate_backend, a failover) must not crash the
    // process either: the query or transaction on it fails and is handled (a job is retried).
    pool.on("connect", (client) => {
      client.on("error", (error) => {
        if (!closing) console.error("[db] connection lost while in use:", error.message);
      });
    });
    return {
      db: drizzle(pool, { schema, casing: "snake_case" }),
      kind: "postgres",
      executeSql: (text, values) => pool.query(text, values),
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  return openPglite(options.pgliteDir ?? defaultPgliteDir(), options.pgliteLoadDataDir);
}

/**
 * The embedded database: one PGlite session inside this process, driven by Drizzle's own PGlite
 * driver. (The node-postgres adapter of PGlite loses the connection after the first failed
 * parameterised query, which every constraint violation is, so we do not use it.)
 * PGlite serialises everything: a transaction holds the only session until it ends.
 */
async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  if (!dataDir.startsWith("memory://")) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  // Both drivers answer `{ rows }` for execute(), which is all the application relies on.
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async executeSql(text, values) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    dumpDataDir: () => pglite.dumpDataDir("gzip"),
    close: () => pglite.close(),
  };
}

const KEEP_AS_STRING = [1082 /* date */, 1114 /* timestamp */, 1184 /* timestamptz */, 1186 /* interval */];
for (const oid of KEEP_AS_STRING) {
  // What drizzle asks for per query, also for raw queries: these stay text, on both drivers.
  pg.types.setTypeParser(oid, (value: string) => value);
}
