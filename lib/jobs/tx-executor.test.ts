import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { toSql } from "./tx-executor";

describe("toSql", () => {
  const dialect = new PgDialect();

  it("turns $n placeholders into bound parameters in order of appearance", () => {
    const query = dialect.sqlToQuery(toSql("insert into t (a, b, c) values ($1, $3, $2) returning $1", ["x", 2, { k: 1 }]));
    expect(query.sql).toBe("insert into t (a, b, c) values ($1, $2, $3) returning $4");
    expect(query.params).toEqual(["x", { k: 1 }, 2, "x"]);
  });

  it("leaves text without placeholders alone", () => {
    const query = dialect.sqlToQuery(toSql("select 1", []));
    expect(query.sql).toBe("select 1");
    expect(query.params).toEqual([]);
  });
});
