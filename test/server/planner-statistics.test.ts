// The planner's statistics follow the data while the server runs (src/server/db/planner-statistics.ts):
// a database created empty and grown afterwards gets them within the hour, without a restart. On
// PostgreSQL the step does nothing (autovacuum analyses on its own).
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createOrganization, upsertCustomer } from "../../src/server/admin/directory.ts";
import { bootstrap } from "../../src/server/bootstrap.ts";
import { type AppContext, ManualClock } from "../../src/server/context.ts";
import { plannerStatistics, STATISTICS_EVERY_MS } from "../../src/server/db/planner-statistics.ts";
import { seedClaims } from "../../src/server/seed/bulk-seed.ts";
import { createTestDb, ENGINES, type TestDb } from "../support/engines.ts";

describe.each(ENGINES)("planner statistics on %s", (engine) => {
  let ctx: AppContext | undefined;
  let db: TestDb | undefined;
  afterEach(async () => {
    await ctx?.db.close();
    await db?.drop();
  });

  it("a database that grew after its first start is analysed within the hour", async () => {
    db = await createTestDb(engine);
    const wall = new ManualClock(Date.parse("2026-12-02T09:00:00Z"));
    ctx = await bootstrap({ databaseUrl: db.url, dataDir: db.dataDir, clock: wall });
    const step = plannerStatistics(ctx.db, wall);
    const org = await createOrganization(ctx, { name: "Stats", partnerIds: ["7654321"] });
    const tenantId = randomUUID();
    await upsertCustomer(ctx, { tenantId, domain: "stats.example.com", name: "Stats", subscriptions: [] });
    await seedClaims(ctx, {
      count: 2_000,
      organizationId: org.id,
      partnerId: "7654321",
      numberPrefix: "ST",
      pick: (i) => ({ path: "submitted", at: wall.now(), product: `ST${i}`, tenantId }),
      batchSize: 500,
    });
    expect(await step()).toBe(false);
    wall.advance(STATISTICS_EVERY_MS);
    if (engine === "postgres") {
      expect(await step()).toBe(false);
      return;
    }
    const before = await claimsStatistics(ctx);
    expect(before).toBeUndefined();
    expect(await step()).toBe(true);
    const after = await claimsStatistics(ctx);
    expect(Number(after?.split(" ")[0])).toBe(2_000);
    // Not again before another hour.
    expect(await step()).toBe(false);
  });
});

/** sqlite_stat1's first row for the claims table (an index's: "<rows> <rows per key>…"), if any. */
async function claimsStatistics(ctx: AppContext): Promise<string | undefined> {
  const kysely = ctx.db.kysely;
  const exists = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(kysely);
  if (Number(exists.rows[0]?.n) === 0) return undefined;
  const r = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'claims' limit 1`.execute(
    kysely,
  );
  return r.rows[0]?.stat;
}
