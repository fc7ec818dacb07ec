import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Lets pg-boss run its statements through a Drizzle transaction, so a job is enqueued atomically
 * with the data it belongs to (both commit, or neither). pg-boss speaks `$1`-style parameters.
 */
export function drizzleExecutor(tx: DbOrTx) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await tx.execute(toSql(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

export function toSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const query = sql.empty();
  parts.forEach((part, index) => {
    if (index % 2 === 0) query.append(sql.raw(part));
    else query.append(sql`${sql.param(values[Number(part) - 1])}`);
  });
  return query;
}
