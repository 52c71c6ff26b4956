// Idempotency keys that survive a crash (issue 12, item 7). A real server process is killed with
// SIGKILL after a create committed and before its answer was recorded; a retry with the same key,
// once the dead holder's lease has run out, answers the committed 201 and creates nothing more.
// Before the lease a retry hears 409 (the holder might be alive); a key whose holder died before
// committing runs afresh; a slow holder that lost its lease cannot commit. The lease running out is
// the in-process server's wall clock moved past it, never a wait.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transact } from "../../src/server/db/transact.ts";
import {
  claimKey,
  commitResults,
  DEFAULT_LEASE_MS,
  LeaseLostError,
} from "../../src/server/idempotency/idempotency-store.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { lineMatching, spawnServe } from "./serve-process.ts";

describe.each(ENGINES)("an Idempotency-Key whose request died, on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let offset = 0;
  const wall = { now: () => Date.now() + offset };
  beforeAll(async () => {
    t = await startTestServer(engine, {}, undefined, { wall });
    w = await httpWorld(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const claimsOf = async (tenantId: string) =>
    (await w.a.incentives.get<{ items: { id: string }[] }>(`/api/v1/claims?tenantId=${tenantId}`)).body.items;

  it("SIGKILL after the create committed: a retry after the lease answers its 201, one claim", async () => {
    offset = 0;
    const victim = spawnServe(
      { DATABASE_URL: t.db.url, DATA_DIR: t.db.dataDir, CLAIMDESK_SIMULATED_CLOCK: "1" },
      ["--import", "tsx", "test/concurrency/idempotency-crash-server.ts"],
    );
    try {
      const url = await victim.ready;
      const customer = await w.customer();
      const body = w.claimBody(w.a, customer);
      const headers = { "idempotency-key": "create-then-crash" };
      const inFlight = fetch(`${url}/api/v1/claims`, {
        method: "POST",
        headers: {
          ...headers,
          authorization: `Bearer ${w.a.incentives.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      }).then(
        () => "answered",
        () => "cut off",
      );
      await lineMatching(victim, (l) => l === "committed");
      victim.child.kill("SIGKILL");
      expect((await victim.closed).signal).toBe("SIGKILL");
      expect(await inFlight).toBe("cut off");
      // The effect committed; its answer was never recorded.
      const [made] = await claimsOf(customer.tenantId);
      expect(made).toBeDefined();

      const early = await w.a.incentives.post("/api/v1/claims", body, headers);
      expect(early).toMatchObject({ status: 409, body: { code: "idempotency_in_progress" } });

      offset = DEFAULT_LEASE_MS + 1_000;
      const retry = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body, headers);
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(made?.id);
      expect(retry.headers.get("location")).toBe(`/api/v1/claims/${made?.id}`);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      const again = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body, headers);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(made?.id);
      expect(await claimsOf(customer.tenantId)).toHaveLength(1);
    } finally {
      if (victim.child.exitCode === null && victim.child.signalCode === null) victim.child.kill("SIGKILL");
      await victim.closed;
      offset = 0;
    }
  }, 300_000);

  it("a holder that died before committing: after the lease the retry runs afresh, once", async () => {
    offset = 0;
    const customer = await w.customer();
    const body = w.claimBody(w.a, customer);
    // The same request by a caller who may not create claims leaves its fingerprint (403, kept).
    const refused = await w.a.billing.post("/api/v1/claims", body, { "idempotency-key": "probe" });
    expect(refused.status).toBe(403);
    const probe = await t.server.ctx.db.kysely
      .selectFrom("idempotency_keys")
      .select("request_hash")
      .where("scope", "=", w.a.billing.userId)
      .where("key", "=", "probe")
      .executeTakeFirstOrThrow();
    // A request that claimed the key and died before its transaction committed.
    const now = Date.now();
    await t.server.ctx.db.kysely
      .insertInto("idempotency_keys")
      .values({
        scope: w.a.incentives.userId,
        key: "died-early",
        request_hash: probe.request_hash,
        status: "running",
        response_status: null,
        response_body: null,
        created_at: now,
        lease_until: now + DEFAULT_LEASE_MS,
        lease_token: "dead-process",
        results: null,
      })
      .execute();
    const headers = { "idempotency-key": "died-early" };
    expect((await w.a.incentives.post("/api/v1/claims", body, headers)).status).toBe(409);
    offset = DEFAULT_LEASE_MS + 1_000;
    const retry = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const replay = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body, headers);
    expect(replay.body.id).toBe(retry.body.id);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await claimsOf(customer.tenantId)).toHaveLength(1);
    offset = 0;
  });

  it("a slow holder whose lease was taken over cannot commit its work", async () => {
    const { kysely } = t.server.ctx.db;
    const ref = { scope: w.a.incentives.userId, key: "slow-holder" };
    const start = Date.now();
    const first = await claimKey(kysely, ref, "h", { now: () => start });
    const second = await claimKey(kysely, ref, "h", { now: () => start + DEFAULT_LEASE_MS + 1 });
    if (first.outcome !== "run" || second.outcome !== "run") throw new Error("both should have run");
    const attempt = transact(t.server.ctx.db, async (trx) => {
      await trx.insertInto("settings").values({ key: "slow-holder-effect", value: "x" }).execute();
      await commitResults(trx, ref, first.lease.token, ["1"]);
    });
    await expect(attempt).rejects.toBeInstanceOf(LeaseLostError);
    const effect = await kysely
      .selectFrom("settings")
      .select("key")
      .where("key", "=", "slow-holder-effect")
      .executeTakeFirst();
    expect(effect).toBeUndefined();
  });
});
