// Concurrency and retries over HTTP: stale If-Match, two racing actions, idempotent replay, a
// reused key, a key still in flight; and unknown fields refused rather than ignored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

describe.each(ENGINES)("concurrency over HTTP on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  async function underReview(): Promise<string> {
    const p = w.a.incentives;
    const c = await p.post<{ id: string }>("/api/v1/claims", w.claimBody(w.a, await w.customer()));
    await p.upload(c.body.id, pdfBytes(), "poe.pdf");
    await p.post(`/api/v1/claims/${c.body.id}/actions/submit`);
    await w.reviewer.post(`/api/v1/claims/${c.body.id}/actions/start-review`);
    return c.body.id;
  }
  const historyCount = async (id: string) =>
    (await w.reviewer.get<{ items: unknown[] }>(`/api/v1/claims/${id}/history`)).body.items.length;

  it("a stale If-Match answers 412 and changes nothing; the current one works", async () => {
    const id = await underReview();
    const got = await w.reviewer.get<{ version: number }>(`/api/v1/claims/${id}`);
    const etag = got.headers.get("etag") ?? "";
    expect(etag).toBe(`"${got.body.version}"`);
    await w.a.incentives
      .patch(
        `/api/v1/claims/${id}`,
        { partnerContact: { email: "new@partner.example" } },
        { "if-match": etag },
      )
      .then(
        (r) => expect(r.status).toBe(409), // under review nothing is editable (section 6): the state refuses edit
      );
    const before = await historyCount(id);
    const stale = await w.reviewer.post(
      `/api/v1/claims/${id}/actions/approve`,
      {},
      { "if-match": `"${got.body.version - 1}"` },
    );
    expect(stale).toMatchObject({ status: 412, body: { code: "version_mismatch" } });
    expect(await historyCount(id)).toBe(before);
    const ok = await w.reviewer.post<{ version: number }>(
      `/api/v1/claims/${id}/actions/approve`,
      {},
      { "if-match": etag },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe(`"${ok.body.version}"`);
    expect(ok.body.version).toBeGreaterThan(got.body.version);
  });

  it("two racing decisions: exactly one wins, the other answers 409", async () => {
    for (let i = 0; i < 5; i++) {
      const id = await underReview();
      const [a, b] = await Promise.all([
        w.reviewer.post(`/api/v1/claims/${id}/actions/approve`),
        w.reviewer.post(`/api/v1/claims/${id}/actions/reject`, {
          reasons: ["insufficient_poe"],
          comment: "no",
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body).toMatchObject({ code: "invalid_transition" });
    }
  });

  it("replays an idempotent POST, refuses the key with another body, and reports one in flight", async () => {
    const customer = await w.customer();
    const body = w.claimBody(w.a, customer);
    const headers = { "idempotency-key": "create-1" };
    const first = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body, headers);
    const again = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const list = await w.a.incentives.get<{ items: { id: string }[] }>(
      `/api/v1/claims?tenantId=${customer.tenantId}`,
    );
    expect(list.body.items).toHaveLength(1);
    const other = await w.a.incentives.post("/api/v1/claims", { ...body, activity: "usage" }, headers);
    expect(other).toMatchObject({ status: 422, body: { code: "idempotency_key_reused" } });
    // Another caller may use the same key: keys are scoped to the caller.
    const otherCaller = await w.a.global.post(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
      headers,
    );
    expect(otherCaller.status).toBe(201);
    await t.server.ctx.db.kysely
      .insertInto("idempotency_keys")
      .values({
        scope: w.a.incentives.userId,
        key: "running-1",
        request_hash: "x",
        status: "running",
        response_status: null,
        response_body: null,
        created_at: Date.now(),
      })
      .execute();
    const inFlight = await w.a.incentives.post("/api/v1/claims", body, { "idempotency-key": "running-1" });
    expect(inFlight.status).toBe(422); // another body than the one in flight
    const sameBody = await w.a.incentives.post("/api/v1/claims", body, { "idempotency-key": "create-1" });
    expect(sameBody.status).toBe(201);
  });

  it("answers 409 idempotency_in_progress for the same request while the first still runs", async () => {
    const id = await underReview();
    const key = "approve-slow";
    const [a, b] = await Promise.all([
      w.reviewer.post(`/api/v1/claims/${id}/actions/approve`, {}, { "idempotency-key": key }),
      w.reviewer.post(`/api/v1/claims/${id}/actions/approve`, {}, { "idempotency-key": key }),
    ]);
    const statuses = [a.status, b.status].sort();
    // Either the second arrived while the first ran (409) or after it finished (replay, 200).
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(statuses);
    if (statuses[1] === 409)
      expect((a.status === 409 ? a : b).body).toMatchObject({ code: "idempotency_in_progress" });
    expect(
      (
        await w.reviewer.get<{ items: { event: string }[] }>(`/api/v1/claims/${id}/history`)
      ).body.items.filter((h) => h.event === "approved"),
    ).toHaveLength(1);
  });

  it("refuses unknown fields (status, version, organizationId) instead of ignoring them", async () => {
    const body = w.claimBody(w.a, await w.customer());
    for (const extra of [{ status: "approved" }, { version: 7 }, { organizationId: w.b.id }]) {
      const r = await w.a.incentives.post<{ code: string; errors: { field: string }[] }>("/api/v1/claims", {
        ...body,
        ...extra,
      });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe("validation_failed");
      expect(r.body.errors.map((e) => e.field)).toContain(Object.keys(extra)[0]);
    }
    const c = await w.a.incentives.post<{ id: string }>("/api/v1/claims", body);
    const patch = await w.a.incentives.patch(`/api/v1/claims/${c.body.id}`, { status: "approved" });
    expect(patch).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    expect((await w.a.incentives.get<{ status: string }>(`/api/v1/claims/${c.body.id}`)).body.status).toBe(
      "editing",
    );
  });
});
