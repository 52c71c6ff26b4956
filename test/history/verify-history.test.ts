// The history is tamper-evident: verify-history finds an edited entry, a deleted one, and a chain
// that no longer links; the CLI exits non-zero on a break.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHistory } from "../../src/server/history/verify-history.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { claimIn, makeWorld, type World } from "../support/world.ts";

const run = promisify(execFile);
// Vitest sets Vite's BASE_URL ("/") in its own environment; the CLI must not inherit it.
const { BASE_URL: _viteBase, ...inherited } = process.env;

async function cli(
  url: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ["bin/claimdesk.js", ...args], {
      env: { ...inherited, DATABASE_URL: url },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe.each(ENGINES)("verify-history on %s", (engine) => {
  let app: TestApp;
  let w: World;
  let ids: string[];
  beforeAll(async () => {
    app = await openTestApp(engine);
    w = await makeWorld(app.ctx);
    ids = [
      await claimIn(app, w, "rejected_dispute_upheld"),
      await claimIn(app, w, "approved"),
      await claimIn(app, w, "partner_action_required"),
    ];
  });
  afterAll(() => app.close());

  it("passes an untouched history, in code and through the CLI", async () => {
    const r = await verifyHistory(app.ctx.db);
    expect(r.breaks).toEqual([]);
    expect(r.claims).toBe(3);
    expect(r.entries).toBeGreaterThan(15);
    const out = await cli(app.db.url, "verify-history");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/3 claims, \d+ history entries, 0 breaks/);
  });

  it("reports an edited entry, and the CLI exits 1", async () => {
    const db = app.ctx.db.kysely;
    const [first] = ids;
    await db
      .updateTable("history")
      .set({
        data: JSON.stringify({ reasons: ["poe_unavailable"], comment: "rewritten", disputableUntil: null }),
      })
      .where("claim_id", "=", first ?? "")
      .where("event", "=", "rejected")
      .execute();
    const r = await verifyHistory(app.ctx.db);
    expect(r.breaks).toHaveLength(1);
    expect(r.breaks[0]).toMatchObject({ claimId: first, problem: expect.stringContaining("edited") });
    const out = await cli(app.db.url, "verify-history");
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("BREAK");
  });

  it("reports a deleted last entry and a deleted middle entry", async () => {
    const db = app.ctx.db.kysely;
    const second = ids[1] ?? "";
    const third = ids[2] ?? "";
    const last = await db
      .selectFrom("history")
      .select("seq")
      .where("claim_id", "=", second)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    await db.deleteFrom("history").where("claim_id", "=", second).where("seq", "=", last.seq).execute();
    await db.deleteFrom("history").where("claim_id", "=", third).where("seq", "=", 2).execute();
    const r = await verifyHistory(app.ctx.db);
    const problems = r.breaks.map(
      (b) => `${b.claimId === second ? "second" : b.claimId === third ? "third" : "first"}: ${b.problem}`,
    );
    expect(problems.some((p) => p.startsWith("second") && p.includes("deleted or truncated"))).toBe(true);
    expect(problems.some((p) => p.startsWith("third") && p.includes("sequence jumps"))).toBe(true);
    expect(problems.some((p) => p.startsWith("third") && p.includes("does not link"))).toBe(true);
  });
});
