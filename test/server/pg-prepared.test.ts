// Prepared statements on PostgreSQL (src/server/db/pg-prepared.ts): a text is named on its second
// use and keeps its name; texts without parameters are never named. On a real server, a repeated
// query is answered from one prepared statement of the connection, with the same rows as unnamed.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../../src/server/bootstrap.ts";
import { type AppContext, ManualClock } from "../../src/server/context.ts";
import { statementName } from "../../src/server/db/pg-prepared.ts";
import { createTestDb, ENGINES, type TestDb } from "../support/engines.ts";

describe("statement names", () => {
  it("names a text on its second use, then always the same; never one without parameters", () => {
    const text = `select ${randomUUID().length} where $1 = $1 -- ${randomUUID()}`;
    expect(statementName(text, 1)).toBeUndefined();
    const name = statementName(text, 1);
    expect(name).toMatch(/^cd\d+$/);
    expect(statementName(text, 1)).toBe(name);
    const other = `select 2 where $1 = $1 -- ${randomUUID()}`;
    statementName(other, 1);
    expect(statementName(other, 1)).not.toBe(name);
    const bare = `commit -- ${randomUUID()}`;
    statementName(bare, 0);
    expect(statementName(bare, 0)).toBeUndefined();
  });
});

describe.each(ENGINES.filter((e) => e === "postgres"))("prepared statements on %s", (engine) => {
  let db: TestDb;
  let ctx: AppContext;
  beforeAll(async () => {
    db = await createTestDb(engine);
    // One connection, so that the prepared statement is visible from the same session.
    ctx = await bootstrap({
      databaseUrl: db.url,
      dataDir: db.dataDir,
      clock: new ManualClock(0),
      poolSize: 1,
    });
  });
  afterAll(async () => {
    await ctx?.db.close();
    await db?.drop();
  });

  it("answers a repeated query from one prepared statement, with the same rows", async () => {
    const marker = randomUUID();
    const query = (code: string) =>
      ctx.db.kysely
        .selectFrom("products")
        .select(["code", sql<string>`${marker}`.as("marker")])
        .where("code", "=", code)
        .execute();
    const first = await query("teams");
    for (let i = 0; i < 5; i++) expect(await query("teams")).toEqual(first);
    expect(first).toEqual([{ code: "teams", marker }]);
    expect(await query("no-such-product")).toEqual([]);
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
      ctx.db.kysely,
    );
    expect(prepared.rows.filter((r) => r.statement.includes('from "products"')).length).toBeGreaterThan(0);
  });
});
