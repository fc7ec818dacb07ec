import { eq, sql } from "drizzle-orm";
import { openDatabase, type Db } from "../db/client";
import { persons } from "../db/schema";
import { todayInBrussels } from "../lib/dates";
import { generateDemoData } from "../lib/demo/generate";
import { loadDemoData } from "../lib/demo/load";
import { summarize, type BenchResult } from "./harness";
import { scratchDatabase } from "./scratch-database";

const QUERIES = 2_000;

/**
 * db.rls.lone_query_overhead_ms: what row-level security adds to one query outside a transaction,
 * as one entity's scope against the owner without it — the same small indexed query, one at a
 * time, on one connection. Since issue 17 the connection's session keeps its role and scope, so
 * this is the policies' own cost (it was two more round trips: BEGIN with the scope, COMMIT).
 */
export async function benchRlsOverhead(): Promise<BenchResult> {
  const scratch = await scratchDatabase("rls");
  const plain = await openDatabase({ databaseUrl: scratch.url, poolSize: 1, rowLevelSecurity: false });
  const scoped = await openDatabase({ databaseUrl: scratch.url, poolSize: 1, rowLevelSecurity: true });
  try {
    const data = generateDemoData({ size: "small", referenceDate: todayInBrussels() });
    await loadDemoData(scratch.handle.db, data);
    await scratch.handle.ownerDb.execute(sql`analyze`);
    const entityId = data.entities[0]!.id;
    const vlimpers = data.persons.find((p) => p.entityId === entityId)!.vlimpersNumber;
    const oneQuery = (db: Db) => db.select({ id: persons.id }).from(persons).where(eq(persons.vlimpersNumber, vlimpers)).limit(1);
    const perQuery = async (db: Db) => {
      for (let i = 0; i < 200; i++) await oneQuery(db); // warm-up
      const started = performance.now();
      for (let i = 0; i < QUERIES; i++) await oneQuery(db);
      return (performance.now() - started) / QUERIES;
    };
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) {
      const without = await perQuery(plain.db);
      const withRls = await perQuery(scoped.withScope([entityId]));
      samples.push(withRls - without);
    }
    return summarize("db.rls.lone_query_overhead_ms", "ms", samples);
  } finally {
    await plain.close();
    await scoped.close();
    await scratch.drop();
  }
}
