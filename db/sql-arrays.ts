import { sql, type SQL } from "drizzle-orm";

/**
 * An array parameter for set-based SQL (`unnest`, `= any(...)`), passed as ONE parameter whatever
 * its length. It travels as text[] and is cast in SQL: PGlite's driver serialises typed arrays by
 * their element type and sends an enum array as "a,b" (malformed); text[] works on both drivers.
 */
export function typedArray(values: readonly (string | null)[], type = "text"): SQL {
  const param = sql`${sql.param([...values])}::text[]`;
  return type === "text" ? param : sql`${param}::${sql.raw(type)}[]`;
}
