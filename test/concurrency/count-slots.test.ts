// The dashboard's counters under concurrent writers (migration 0022): on PostgreSQL one
// organisation's status changes count in several slot rows, so that they do not queue on one row's
// lock, and the fold moves the slots back into slot 0 while writers keep writing, losing nothing.
// On SQLite everything counts in slot 0 and there is nothing to fold. Either way the summary a
// reviewer and a partner read equals the claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserPrincipal } from "../../src/server/auth/users.ts";
import { foldClaimCounts } from "../../src/server/claims/claim-count-fold.ts";
import { SLOTS } from "../../src/server/claims/claim-counts.ts";
import { actOnClaim } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { claimSummary } from "../../src/server/claims/use-cases/list-claims.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Principal } from "../../src/server/principal.ts";
import { ENGINES, openSibling, openTestApp, type TestApp } from "../support/engines.ts";
import { claimIn, makeWorld, type World } from "../support/world.ts";

const CLAIMS = 24;

const user = (p: Principal): UserPrincipal => {
  if (p.kind !== "user") throw new Error("a user principal");
  return p;
};

describe.each(ENGINES)("claim counters on %s", (engine) => {
  let app: TestApp;
  let w: World;
  let other: AppContext;
  beforeAll(async () => {
    app = await openTestApp(engine);
    w = await makeWorld(app.ctx);
    other = engine === "postgres" ? await openSibling(app) : app.ctx;
  });
  afterAll(async () => {
    if (other !== app.ctx) await other.db.close();
    await app.close();
  });

  const db = () => app.ctx.db.kysely;
  const slotsOf = async (status: string) =>
    (
      await db()
        .selectFrom("claim_counts")
        .select(["slot", "n"])
        .where("organization_id", "=", w.a.id)
        .where("status", "=", status)
        .execute()
    ).map((r) => ({ slot: Number(r.slot), n: Number(r.n) }));
  const claimsByStatus = async (organizationId: string | null) => {
    let q = db()
      .selectFrom("claims")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status");
    if (organizationId) q = q.where("organization_id", "=", organizationId);
    const out: Record<string, number> = {};
    for (const r of await q.execute()) out[r.status] = Number(r.n);
    return out;
  };
  const summaryMatches = async () => {
    const counted = await claimsByStatus(w.a.id);
    const partner = (await claimSummary(app.ctx, user(w.a.incentives), {})).counts;
    for (const [status, n] of Object.entries(partner))
      expect([status, n]).toEqual([status, counted[status] ?? 0]);
    const all = await claimsByStatus(null);
    const reviewer = (await claimSummary(app.ctx, user(w.reviewer), {})).counts;
    // The operator never sees drafts.
    for (const [status, n] of Object.entries(reviewer))
      expect([status, n]).toEqual([status, status === "editing" ? 0 : (all[status] ?? 0)]);
  };

  it("concurrent start-reviews in one organisation count in their claims' slots", async () => {
    const ids: string[] = [];
    for (let i = 0; i < CLAIMS; i++) ids.push(await claimIn(app, w, "submitted"));
    // Two pools on PostgreSQL, like two server processes.
    await Promise.all(
      ids.map((id, i) => actOnClaim(i % 2 ? other : app.ctx, w.reviewer, id, { type: "start-review" })),
    );
    const slots = await slotsOf("under_review");
    if (engine === "sqlite") {
      expect(slots).toEqual([{ slot: 0, n: CLAIMS }]);
    } else {
      // 24 claims hashed over 16 slots: more than one slot, none of them the fold's.
      expect(slots.length).toBeGreaterThan(1);
      for (const s of slots) expect(s.slot >= 1 && s.slot <= SLOTS).toBe(true);
    }
    expect(slots.reduce((a, s) => a + s.n, 0)).toBe(CLAIMS);
    await summaryMatches();
  });

  it("the fold keeps every count while writers write beside it", async () => {
    const ids: string[] = [];
    for (let i = 0; i < CLAIMS; i++) ids.push(await claimIn(app, w, "submitted"));
    let writing = true;
    let folds = 0;
    const folding = (async () => {
      while (writing) {
        await foldClaimCounts(other.db);
        folds++;
        // On SQLite the fold has nothing to await: let the writers run between folds.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(
      ids.map((id, i) => actOnClaim(i % 2 ? other : app.ctx, w.reviewer, id, { type: "start-review" })),
    );
    writing = false;
    await folding;
    expect(folds).toBeGreaterThan(0);
    await summaryMatches();
    const folded = await foldClaimCounts(app.ctx.db);
    const left = await db().selectFrom("claim_counts").select("slot").where("slot", "<>", 0).execute();
    expect(left).toEqual([]);
    // SQLite has nothing to fold; PostgreSQL folded whatever the concurrent folds left.
    if (engine === "sqlite") expect(folded).toBe(0);
    expect((await slotsOf("under_review")).map((s) => s.slot)).toEqual([0]);
    await summaryMatches();
  });
});
