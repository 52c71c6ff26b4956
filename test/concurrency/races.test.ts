// Races between writers: a partner's resubmit against the auto-reject, two reviewers deciding at
// once, and a stale If-Match. Exactly one side wins; the other is refused and changes nothing.
// PostgreSQL: the two sides use separate contexts (separate pools), like two server processes.
// SQLite: one process holds one connection, so the two sides interleave on it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RefusalError } from "../../src/domain/refusal.ts";
import { actOnClaim } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { getClaim } from "../../src/server/claims/use-cases/get-claim.ts";
import { type AppContext, ManualClock } from "../../src/server/context.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import { ENGINES, openSibling, openTestApp, type TestApp } from "../support/engines.ts";
import { claimIn, makeWorld, type World } from "../support/world.ts";

const ROUNDS = 12;

async function outcome(p: Promise<unknown>): Promise<"ok" | string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof RefusalError) return e.refusal.code;
    throw e;
  }
}

describe.each(ENGINES)("races on %s", (engine) => {
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

  const count = async (claimId: string, event: string) =>
    (
      await app.ctx.db.kysely
        .selectFrom("history")
        .select("seq")
        .where("claim_id", "=", claimId)
        .where("event", "=", event)
        .execute()
    ).length;

  it("a resubmit racing the auto-reject: exactly one wins", async () => {
    const wins = { resubmit: 0, autoReject: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const id = await claimIn(app, w, "partner_action_required");
      const due = Date.parse((await getClaim(app.ctx, w.a.incentives, id)).deadlines[0]?.dueAt ?? "");
      // The partner's server still reads 1 ms before the deadline; the sweeper's reads the deadline.
      const partnerCtx = { ...app.ctx, clock: new ManualClock(due - 1) };
      const sweeperCtx = { ...other, clock: new ManualClock(due) };
      app.clock.set(due);
      // Alternate who starts first, so that both orders happen on either engine.
      const act = () =>
        outcome(actOnClaim(partnerCtx, w.a.incentives, id, { type: "resubmit", comment: "here it is" }));
      const [resubmit] =
        round % 2 === 0
          ? await Promise.all([act(), sweep(sweeperCtx)])
          : await Promise.all([sweep(sweeperCtx), act()]).then(([, r]) => [r]);
      const rejected = await count(id, "rejected");
      const resubmitted = await count(id, "resubmitted");
      const status = (await getClaim(partnerCtx, w.a.incentives, id)).status;
      if (resubmit === "ok") {
        wins.resubmit++;
        expect({ rejected, resubmitted, status }).toEqual({
          rejected: 0,
          resubmitted: 1,
          status: "under_review",
        });
      } else {
        wins.autoReject++;
        expect(resubmit).toBe("invalid_transition");
        expect({ rejected, resubmitted, status }).toEqual({
          rejected: 1,
          resubmitted: 0,
          status: "rejected",
        });
      }
    }
    process.stdout.write(`resubmit vs auto-reject on ${engine}: ${JSON.stringify(wins)}\n`);
    expect(wins.resubmit + wins.autoReject).toBe(ROUNDS);
    if (engine === "sqlite") expect(wins.resubmit > 0 && wins.autoReject > 0).toBe(true);
  });

  it("approve racing reject: one decision, the other refused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await claimIn(app, w, "under_review");
      const results = await Promise.all([
        outcome(actOnClaim(app.ctx, w.reviewer, id, { type: "approve" })),
        outcome(
          actOnClaim(other, w.reviewer, id, { type: "reject", reasons: ["insufficient_poe"], comment: "no" }),
        ),
      ]);
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r === "invalid_transition")).toHaveLength(1);
      expect((await count(id, "approved")) + (await count(id, "rejected"))).toBe(1);
    }
  });

  it("a stale If-Match answers version_mismatch and changes nothing", async () => {
    const id = await claimIn(app, w, "submitted");
    const before = await getClaim(app.ctx, w.reviewer, id);
    await actOnClaim(app.ctx, w.reviewer, id, { type: "start-review" }, { ifMatch: before.version });
    const row = await app.ctx.db.kysely
      .selectFrom("claims")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const stale = await outcome(
      actOnClaim(app.ctx, w.reviewer, id, { type: "approve" }, { ifMatch: before.version }),
    );
    expect(stale).toBe("version_mismatch");
    const after = await app.ctx.db.kysely
      .selectFrom("claims")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(row);
    // A role that may not act still hears 403 first, even with a stale version (API.md §1.1 precedence).
    expect(
      await outcome(
        actOnClaim(app.ctx, w.a.billing, id, { type: "withdraw", reason: "other" }, { ifMatch: 1 }),
      ),
    ).toBe("forbidden");
  });
});
