import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { positionLinks, positions, positionVersions } from "../db/schema";
import { step1ReasonSql } from "../lib/domain/step1/step1-sql";
import { summarize } from "./harness";
import { eligibleCount, measureStep1, step1Rows, timed } from "./step1-data";

const SAMPLE = 2_000;

type EligibleRow = {
  relation_id: string;
  entity_id: string;
  fte: string;
  grade_id: string | null;
  org_unit_id: string | null;
  cost_centre_id: string | null;
  function_profile_id: string;
  function_code: string;
  function_title: string;
};

/**
 * step1.per_row.seconds: what step 1 would cost written as one Drizzle insert per row: for each
 * eligible relation a position, then its first version, then the link, each its own
 * `insert(...).values(...)`, all in one transaction. Measured on the first 2,000 eligible relations
 * (entity, unit, name, relation) and extrapolated linearly to the government-wide eligible count.
 * Reading the eligible relations (one query) is not timed: the figure is the inserts alone.
 */
export async function benchStep1PerRow() {
  const samples = await measureStep1(
    "step1_per_row",
    async ({ db, runDate }) => {
      const eligible = await eligibleCount(db, runDate);
      const result = await db.execute<EligibleRow>(sql`
        select r.id as relation_id, r.entity_id, r.fte, r.grade_id, r.org_unit_id, r.cost_centre_id,
               fp.id as function_profile_id, fp.code as function_code, fp.title as function_title
        from employment_relations r
        join persons p on p.id = r.person_id
        join function_profiles fp on fp.id = r.function_profile_id
        left join org_units u on u.id = r.org_unit_id
        where (${step1ReasonSql(runDate)}) is null
        order by r.entity_id, u.code nulls last, p.last_name, p.first_name, r.relation_number
        limit ${SAMPLE}`);
      if (result.rows.length !== SAMPLE) throw new Error(`only ${result.rows.length} eligible relations, ${SAMPLE} needed`);
      return { eligible, rows: result.rows };
    },
    async ({ db, runDate }, { eligible, rows }) => {
      const { seconds } = await timed(() =>
        db.transaction(async (tx) => {
          for (const row of rows) {
            const positionId = randomUUID();
            await tx.insert(positions).values({ id: positionId, entityId: row.entity_id, origin: "step1", createdBy: null });
            await tx.insert(positionVersions).values({
              entityId: row.entity_id,
              positionId,
              versionNumber: 1,
              validFrom: runDate,
              functionProfileId: row.function_profile_id,
              functionCode: row.function_code,
              functionTitle: row.function_title,
              gradeId: row.grade_id,
              orgUnitId: row.org_unit_id,
              costCentreId: row.cost_centre_id,
              fte: row.fte,
              createdBy: null,
            });
            await tx.insert(positionLinks).values({
              entityId: row.entity_id,
              positionId,
              relationId: row.relation_id,
              fte: row.fte,
              validFrom: runDate,
              createdBy: null,
            });
          }
        }),
      );
      const made = (await step1Rows(db)).get("")!;
      if (made.positions !== SAMPLE || made.versions !== SAMPLE || made.links !== SAMPLE) {
        throw new Error(`per row made ${JSON.stringify(made)}, expected ${SAMPLE} of each`);
      }
      const extrapolated = (seconds * eligible) / SAMPLE;
      console.log(
        `[bench]   EXTRAPOLATED from ${SAMPLE} rows: ${seconds.toFixed(3)} s for ${SAMPLE} eligible relations ` +
          `(${SAMPLE * 3} inserts) x ${eligible}/${SAMPLE} = ${extrapolated.toFixed(3)} s for all ${eligible}`,
      );
      return extrapolated;
    },
  );
  return summarize("step1.per_row.seconds", "s", samples);
}
