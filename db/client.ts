import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; every query function accepts either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The entities a transaction may see through row-level security: every one, or these. */
export type EntityScope = "all" | readonly string[];

export interface DatabaseHandle {
  /** The system's access (sign-in, scripts, jobs without an entity); under row-level security: role apb_app_all, every entity. */
  db: Db;
  /** The access of a request's user or of a job for one entity: role apb_app limited to these entities ("all": apb_app_all); without row-level security the same as `db`. */
  withScope(scope: EntityScope): Db;
  /** The session's own role, the tables' owner: migrations and maintenance (VACUUM, DDL) only. */
  ownerDb: Db;
  /** The handle this one was derived from (a scoped copy keeps its queue). */
  root?: DatabaseHandle;
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
  /**
   * Run the application's queries under row-level security (roles apb_app / apb_app_all, scope per
   * transaction; docs/decisions/006-row-level-security.md). Default: on, unless DATABASE_RLS=off.
   */
  rowLevelSecurity?: boolean;
}

function rowLevelSecurityOn(options: OpenOptions): boolean {
  return options.rowLevelSecurity ?? process.env.DATABASE_RLS !== "off";
}

/** The roles the application's queries run as (migrations 0009, 0010): limited to the scope's entities, or seeing every entity. */
export const APP_ROLE = "apb_app";
export const APP_ROLE_ALL_ENTITIES = "apb_app_all";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each application transaction starts with: the application role and the entity scope, both
 * transaction-local (SET LOCAL, set_config(..., true)), so a pooled connection never carries them
 * into the next request. The scope goes in as a literal: only '*' or validated uuids reach it.
 */
export function scopePrelude(scope: EntityScope): string {
  const value = scope === "all" ? "*" : scope.filter((id) => UUID.test(id)).join(",");
  if (scope !== "all" && value.split(",").filter(Boolean).length !== scope.length) throw new Error("an entity scope holds something that is not an id");
  const role = scope === "all" ? APP_ROLE_ALL_ENTITIES : APP_ROLE;
  return `SET LOCAL ROLE ${role}; SELECT set_config('apb.entity_scope', '${value}', true)`;
}

function scopeKey(scope: EntityScope): string {
  return scope === "all" ? "*" : [...scope].sort().join(",");
}

/** Scoped Db instances are cheap but not free: kept per scope, a bounded number of them. */
function scopedDbCache(make: (scope: EntityScope) => Db): (scope: EntityScope) => Db {
  const cache = new Map<string, Db>();
  return (scope) => {
    const key = scopeKey(scope);
    let db = cache.get(key);
    if (!db) {
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      db = make(scope);
      cache.set(key, db);
    }
    return db;
  };
}

/**
 * A pool for Drizzle whose every query runs in a transaction that starts with the scope prelude:
 * a lone query gets BEGIN, prelude, query, COMMIT; Drizzle's own transactions get the prelude right
 * after their BEGIN. (Drizzle treats anything named "...Pool" as a pool and checks out a client for
 * a transaction.)
 */
class ScopedPool {
  constructor(
    private readonly pool: pg.Pool,
    private readonly prelude: string,
  ) {}

  async connect(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    const prelude = this.prelude;
    const query = client.query.bind(client) as (config: unknown, values?: unknown) => Promise<unknown>;
    return new Proxy(client, {
      get(target, property) {
        if (property === "query") {
          return async (config: unknown, values?: unknown) => {
            const result = await query(config, values);
            const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
            if (typeof text === "string" && /^\s*begin\b/i.test(text)) await query(prelude);
            return result;
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  async query(config: unknown, values?: unknown): Promise<unknown> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN; ${this.prelude}`);
      const result = await client.query(config as pg.QueryConfig, values as unknown[]);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }
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
    const ownerDb = drizzle(pool, { schema, casing: "snake_case" });
    const withScope = rowLevelSecurityOn(options)
      ? scopedDbCache((scope) => drizzle(new ScopedPool(pool, scopePrelude(scope)) as unknown as pg.Pool, { schema, casing: "snake_case" }))
      : () => ownerDb;
    return {
      db: withScope("all"),
      withScope,
      ownerDb,
      kind: "postgres",
      executeSql: (text, values) => pool.query(text, values),
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  return openPglite(options.pgliteDir ?? defaultPgliteDir(), options.pgliteLoadDataDir, rowLevelSecurityOn(options));
}

/**
 * The embedded database: one PGlite session inside this process, driven by Drizzle's own PGlite
 * driver. (The node-postgres adapter of PGlite loses the connection after the first failed
 * parameterised query, which every constraint violation is, so we do not use it.)
 * PGlite serialises everything: a transaction holds the only session until it ends.
 */
async function openPglite(dataDir: string, loadDataDir: Blob | undefined, rowLevelSecurity: boolean): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  if (!dataDir.startsWith("memory://")) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  // Both drivers answer `{ rows }` for execute(), which is all the application relies on.
  const ownerDb = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Db;
  const withScope = rowLevelSecurity
    ? scopedDbCache((scope) => drizzlePglite(scopedPglite(pglite, scopePrelude(scope)), { schema, casing: "snake_case" }) as unknown as Db)
    : () => ownerDb;
  return {
    db: withScope("all"),
    withScope,
    ownerDb,
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

/** The PGlite session, seen through the scope prelude: every query and transaction starts with it. */
function scopedPglite<T extends { query: Function; transaction: Function; exec: Function }>(pglite: T, prelude: string): T {
  type Tx = { exec(sql: string): Promise<unknown>; query(...args: unknown[]): Promise<unknown> };
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "query") {
        return (...args: unknown[]) =>
          target.transaction(async (tx: Tx) => {
            await tx.exec(prelude);
            return tx.query(...args);
          });
      }
      if (property === "transaction") {
        return (run: (tx: Tx) => Promise<unknown>) =>
          target.transaction(async (tx: Tx) => {
            await tx.exec(prelude);
            return run(tx);
          });
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const KEEP_AS_STRING = [1082 /* date */, 1114 /* timestamp */, 1184 /* timestamptz */, 1186 /* interval */];
for (const oid of KEEP_AS_STRING) {
  // What drizzle asks for per query, also for raw queries: these stay text, on both drivers.
  pg.types.setTypeParser(oid, (value: string) => value);
}
