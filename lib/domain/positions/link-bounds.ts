import { sql, type SQL } from "drizzle-orm";

// Both take qualified columns or parameters: inside, position_versions is "pv", and a bare
// "position_id" would name its own column.

/**
 * The first day the position is abolished after the date `from` (null when no abolition follows):
 * a link on it starting on `from` ends then at the latest, as a link cannot outlive its position.
 */
export function abolishedAfter(positionId: SQL, from: SQL): SQL {
  return sql`(select min(pv.valid_from) from position_versions pv
              where pv.position_id = ${positionId} and pv.lifecycle = 'abolished' and pv.valid_from > ${from})`;
}

/** The position counts on the date (a version holds then that is not abolished): it can take a link from then. */
export function countsOn(positionId: SQL, date: SQL): SQL {
  return sql`exists (select 1 from position_versions pv
                     where pv.position_id = ${positionId} and pv.lifecycle in ('active', 'frozen')
                       and pv.valid_from <= ${date} and (pv.valid_to is null or pv.valid_to > ${date}))`;
}
