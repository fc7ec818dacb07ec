import { sql } from "drizzle-orm";
import { runStep1 } from "../lib/domain/step1/run-step1";
import { summarize } from "./harness";
import { assertSameRows, entityIds, measureStep1, runStep1ForAll, step1Rows, timed } from "./step1-data";

/**
 * step1.government.seconds: runStep1 (one transaction per entity) for every entity of the full demo
 * data set, one after the other, on the demo data's reference date. Each run starts from the loaded
 * data (no positions, versions or links; onboardings as loaded).
 */
export async function benchStep1Government() {
  const samples = await measureStep1(
    "step1_gov",
    async ({ db }) => ({ entities: await entityIds(db), expected: undefined as Awaited<ReturnType<typeof step1Rows>> | undefined }),
    async ({ db, runDate }, context) => {
      const { seconds, result: created } = await timed(() => runStep1ForAll(db, runDate, context.entities));
      const rows = await step1Rows(db);
      if (rows.get("")!.positions !== created) throw new Error(`runStep1 reported ${created} positions, the tables hold ${rows.get("")!.positions}`);
      if (context.expected) assertSameRows("step1.government", rows, context.expected);
      context.expected = rows;
      console.log(`[bench]   ${context.entities.length} entities, ${created} positions, versions and links each`);
      return seconds;
    },
  );
  return summarize("step1.government.seconds", "s", samples);
}

/** step1.entity_largest.seconds: runStep1 for the demo entity with the most employment relations. */
export async function benchStep1EntityLargest() {
  const samples = await measureStep1(
    "step1_largest",
    async ({ db }) => {
      const result = await db.execute<{ id: string; name: string; relations: number }>(sql`
        select e.id, e.name, count(*)::int as relations
        from employment_relations r join entities e on e.id = r.entity_id
        group by e.id, e.name order by count(*) desc, e.id limit 1`);
      const largest = result.rows[0]!;
      console.log(`[bench]   largest entity: ${largest.name} (${largest.relations} relations)`);
      return largest;
    },
    async ({ db, runDate }, largest) => {
      const { seconds, result } = await timed(() => runStep1(db, { entityId: largest.id, runDate, actorId: null }));
      console.log(`[bench]   ${result.created} positions created`);
      return seconds;
    },
  );
  return summarize("step1.entity_largest.seconds", "s", samples);
}
