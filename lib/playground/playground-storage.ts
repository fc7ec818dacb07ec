/**
 * Where playgrounds live: each in a database of its own, so that nothing done in one can reach
 * real data or another playground — not by a filter in every query, but because its connection
 * leads nowhere else. On a PostgreSQL server a playground is a database on that server (its start
 * state kept as a template database); on the embedded database it is a PGlite folder of its own
 * (its start state kept as a dump next to it).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export interface PlaygroundStorage {
  kind: "postgres" | "pglite";
  /** Makes the start state with `prepare` on a new, migrated database. */
  create(name: string, prepare: (handle: DatabaseHandle) => Promise<void>): Promise<void>;
  /** Opens the playground as it is now (from its start state the first time, or after a reset). */
  open(name: string): Promise<DatabaseHandle>;
  /** Throws away everything done in the playground. Every handle on it must be closed first. */
  reset(name: string): Promise<void>;
  drop(name: string): Promise<void>;
}

const NAME = /^apb_speeltuin_[0-9a-f]{12}$/;

export function newPlaygroundName(): string {
  return `apb_speeltuin_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

function assertName(name: string): void {
  // The name goes into SQL as an identifier and into paths: only our own pattern is accepted.
  if (!NAME.test(name)) throw new Error(`not a playground name: ${name}`);
}

export function playgroundStorage(config: { databaseUrl?: string; pgliteDir: string }): PlaygroundStorage {
  return config.databaseUrl ? serverStorage(config.databaseUrl) : pgliteStorage(`${config.pgliteDir.replace(/\/+$/, "")}-speeltuinen`);
}

function serverStorage(databaseUrl: string): PlaygroundStorage {
  const urlOf = (name: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  // CREATE and DROP DATABASE cannot run in a transaction or from the database concerned: a short
  // connection of their own to the application's database does them.
  async function admin(text: string) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }
  const start = (name: string) => `${name}_start`;

  return {
    kind: "postgres",
    async create(name, prepare) {
      assertName(name);
      await admin(`create database "${start(name)}"`);
      try {
        const handle = await openDatabase({ databaseUrl: urlOf(start(name)), poolSize: 2 });
        try {
          await migrateDatabase(handle);
          await prepare(handle);
        } finally {
          await handle.close();
        }
        await admin(`create database "${name}" template "${start(name)}"`);
      } catch (error) {
        await this.drop(name).catch(() => undefined);
        throw error;
      }
    },
    async open(name) {
      assertName(name);
      return openDatabase({ databaseUrl: urlOf(name), poolSize: 3 });
    },
    async reset(name) {
      assertName(name);
      await admin(`drop database if exists "${name}" with (force)`);
      await admin(`create database "${name}" template "${start(name)}"`);
    },
    async drop(name) {
      assertName(name);
      await admin(`drop database if exists "${name}" with (force)`);
      await admin(`drop database if exists "${start(name)}" with (force)`);
    },
  };
}

function pgliteStorage(baseDir: string): PlaygroundStorage {
  const liveDir = (name: string) => path.join(baseDir, name);
  const dumpFile = (name: string) => path.join(baseDir, `${name}.start.tar.gz`);

  return {
    kind: "pglite",
    async create(name, prepare) {
      assertName(name);
      await mkdir(baseDir, { recursive: true });
      const handle = await openDatabase({ pgliteDir: "memory://" });
      try {
        await migrateDatabase(handle);
        await prepare(handle);
        const dump = await handle.dumpDataDir!();
        await writeFile(dumpFile(name), Buffer.from(await dump.arrayBuffer()));
      } finally {
        await handle.close();
      }
    },
    async open(name) {
      assertName(name);
      if (existsSync(liveDir(name))) return openDatabase({ pgliteDir: liveDir(name) });
      const dump = new Blob([await readFile(dumpFile(name))]);
      return openDatabase({ pgliteDir: liveDir(name), pgliteLoadDataDir: dump });
    },
    async reset(name) {
      assertName(name);
      await rm(liveDir(name), { recursive: true, force: true });
    },
    async drop(name) {
      assertName(name);
      await rm(liveDir(name), { recursive: true, force: true });
      await rm(dumpFile(name), { force: true });
    },
  };
}
