import type { DatabaseHandle } from "@/db/client";

/**
 * A fingerprint of every row of every table of a database (all schemas but the system's), table
 * by table: equal fingerprints mean equal contents, whatever order the rows are in.
 */
export async function tableChecksums(handle: DatabaseHandle, { schemas }: { schemas?: string[] } = {}): Promise<Record<string, string>> {
  const tables = await handle.executeSql(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const { schema, name } of tables.rows as { schema: string; name: string }[]) {
    if (schemas && !schemas.includes(schema)) continue;
    const qualified = `"${schema}"."${name}"`;
    const { rows } = await handle.executeSql(
      `select count(*)::int as n, coalesce(md5(string_agg(md5(t::text), ',' order by md5(t::text))), '') as sum from ${qualified} t`,
    );
    result[`${schema}.${name}`] = `${rows[0].n}:${rows[0].sum}`;
  }
  return result;
}
