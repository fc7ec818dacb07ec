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
   * Run the application's queries under row-level security (roles apb_app / apb_app_all, a scope per
   * connection session, per transaction on PGlite; docs/decisions/006-row-level-security.md).
   * Default: on, unless DATABASE_RLS=off.
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
 * The role and entity scope, for a connection's session (SET ROLE, set_config(..., false): they
 * last until changed) or for one transaction (SET LOCAL, set_config(..., true): what PGlite's one
 * session runs at the start of every query and transaction, so it never carries them further).
 * Only '*' or validated uuids reach the scope, which goes in as a literal.
 */
function scopeStatements(scope: EntityScope, lifetime: "session" | "transaction"): string {
  const value = scope === "all" ? "*" : scope.filter((id) => UUID.test(id)).join(",");
  if (scope !== "all" && value.split(",").filter(Boolean).length !== scope.length) throw new Error("an entity scope holds something that is not an id");
  const role = scope === "all" ? APP_ROLE_ALL_ENTITIES : APP_ROLE;
  const local = lifetime === "transaction";
  return `SET ${local ? "LOCAL " : ""}ROLE ${role}; SELECT set_config('apb.entity_scope', '${value}', ${local})`;
}

/** Back to the session's own role (the owner) with no scope. */
const OWNER_SWITCH = "RESET ROLE; RESET apb.entity_scope";

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
 * The node-postgres pool, with the role and scope each connection's session is set to. A
 * connection is switched when it is checked out for another role or scope than it has (one round
 * trip, usually none: most requests of a moment share a scope), so a lone query is one round trip
 * instead of three (BEGIN with a transaction-local prelude, the query, COMMIT).
 * Why it cannot carry one user's scope into another's request: every checkout, the owner's
 * included, asks for a session and gets the connection switched to it; a switch happens only on an
 * idle connection (outside a transaction, so no rollback can undo it), and a failed switch or
 * query forgets what the connection is set to, so the next checkout sets it again.
 */
class SessionPool {
  /** What each connection is set to; a new connection has the owner's session, a forgotten one "unknown". */
  private readonly sessions = new WeakMap<pg.PoolClient, string>();
  private static readonly UNKNOWN = "unknown";

  constructor(private readonly pool: pg.Pool) {}

  async checkout(session: string): Promise<pg.PoolClient> {
    for (;;) {
      const client = await this.pool.connect();
      if ((this.sessions.get(client) ?? OWNER_SWITCH) === session) return client;
      // A connection released with an error is closed by the pool, so it needs no marking here.
      if (client.getTransactionStatus() !== "I") {
        // Given back inside a transaction (a tool's own BEGIN): switching it there could be rolled back.
        client.release(new Error("a pooled connection was returned inside a transaction"));
        continue;
      }
      try {
        await client.query(session);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      this.sessions.set(client, session);
      return client;
    }
  }

  /** After a failed query: not sure any more what the connection is set to. */
  forget(client: pg.PoolClient): void {
    this.sessions.set(client, SessionPool.UNKNOWN);
  }
}

/**
 * A pool for Drizzle in one role and scope (or the owner's). Drizzle treats anything named
 * "...Pool" as a pool and checks out a client for a transaction.
 */
class ScopedPool {
  constructor(
    private readonly sessions: SessionPool,
    private readonly session: string,
  ) {}

  connect(): Promise<pg.PoolClient> {
    return this.sessions.checkout(this.session);
  }

  async query(config: unknown, values?: unknown): Promise<unknown> {
    const client = await this.sessions.checkout(this.session);
    try {
      return await client.query(config as pg.QueryConfig, values as unknown[]);
    } catch (error) {
      this.sessions.forget(client);
      throw error;
    } finally {
      client.release();
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
    const sessions = new SessionPool(pool);
    const owner = new ScopedPool(sessions, OWNER_SWITCH);
    const ownerDb = drizzle(owner as unknown as pg.Pool, { schema, casing: "snake_case" });
    const withScope = rowLevelSecurityOn(options)
      ? scopedDbCache((scope) => drizzle(new ScopedPool(sessions, scopeStatements(scope, "session")) as unknown as pg.Pool, { schema, casing: "snake_case" }))
      : () => ownerDb;
    return {
      db: withScope("all"),
      withScope,
      ownerDb,
      kind: "postgres",
      executeSql: (text, values) => owner.query(text, values) as Promise<{ rows: any[] }>,
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
    ? scopedDbCache((scope) => drizzlePglite(scopedPglite(pglite, scopeStatements(scope, "transaction")), { schema, casing: "snake_case" }) as unknown as Db)
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
