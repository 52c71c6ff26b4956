// Deadlines fire exactly once: 1,000 due deadlines and 4 sweepers, then a rerun that fires nothing.
// PostgreSQL: four contexts with their own connection pools, as four server processes would have.
// SQLite: several processes would each hold their own file handle; inside one process a second
// handle's busy-wait would block the event loop, so there the four sweepers share one context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days } from "../../src/domain/calendar.ts";
import type { AppContext } from "../../src/server/context.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import { seedClaims } from "../../src/server/seed/bulk-seed.ts";
import { ENGINES, openSibling, openTestApp, type TestApp } from "../support/engines.ts";
import { makeWorld } from "../support/world.ts";

const CLAIMS = 1000;

describe.each(ENGINES)("four concurrent sweepers on %s", (engine) => {
  let app: TestApp;
  let siblings: AppContext[];
  beforeAll(async () => {
    app = await openTestApp(engine);
    siblings =
      engine === "postgres"
        ? await Promise.all([1, 2, 3].map(() => openSibling(app)))
        : [app.ctx, app.ctx, app.ctx];
  });
  afterAll(async () => {
    if (engine === "postgres") for (const s of siblings) await s.db.close();
    await app.close();
  });

  it(`fires each of ${CLAIMS} partner-response deadlines exactly once`, async () => {
    const { ctx, clock } = app;
    const w = await makeWorld(ctx);
    const customer = await w.newCustomer();
    const ids = await seedClaims(ctx, {
      count: CLAIMS,
      organizationId: w.a.id,
      partnerId: w.a.partnerId,
      numberPrefix: "SW",
      pick: (i) => ({
        path: "partner_action_required",
        at: clock.now(),
        product: `p${i}`,
        tenantId: customer.tenantId,
      }),
    });
    clock.advance(days(10));
    // Small batches so that the four really interleave.
    const results = await Promise.all([ctx, ...siblings].map((c) => sweep(c, { batchSize: 50 })));
    const fired = results.reduce((n, r) => n + r.fired, 0);
    // Each claim had two timers due: the reminder (2 business days left) and the response deadline.
    expect(fired).toBe(CLAIMS * 2);
    expect(results.filter((r) => r.fired > 0).length).toBeGreaterThan(1);

    const db = ctx.db.kysely;
    const rejected = await db.selectFrom("claims").select(["id", "status"]).where("id", "in", ids).execute();
    expect(rejected.every((r) => r.status === "rejected")).toBe(true);
    const history = await db
      .selectFrom("history")
      .select(["claim_id", "event"])
      .where("claim_id", "in", ids)
      .execute();
    const count = (event: string) => {
      const per = new Map<string, number>();
      for (const h of history) if (h.event === event) per.set(h.claim_id, (per.get(h.claim_id) ?? 0) + 1);
      return per;
    };
    for (const event of ["rejected", "deadline_fired", "reminder"]) {
      const per = count(event);
      expect(per.size).toBe(CLAIMS);
      expect([...per.values()].every((n) => n === 1)).toBe(true);
    }
    const outbox = await db
      .selectFrom("outbox")
      .select(["claim_id", "topic"])
      .where("claim_id", "in", ids)
      .execute();
    expect(outbox.filter((o) => o.topic === "rejected").length).toBe(CLAIMS);
    expect(new Set(outbox.filter((o) => o.topic === "rejected").map((o) => o.claim_id)).size).toBe(CLAIMS);

    const rerun = await Promise.all([ctx, ...siblings].map((c) => sweep(c)));
    expect(rerun.reduce((n, r) => n + r.fired, 0)).toBe(0);
    const windows = await db.selectFrom("deadlines").select("timer").where("claim_id", "in", ids).execute();
    // What is left is each claim's dispute window (and its reminder), not yet due.
    expect(windows.length).toBe(CLAIMS * 2);
  });
});
