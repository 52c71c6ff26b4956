// Issue 12.2: chatty writes are limited per user and per organisation (1,509 comments from one
// token in two minutes used to go through). Every refusal is problem+json `rate_limited` with
// Retry-After; the window is on the wall clock, which the test moves instead of sleeping.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/context.ts";
import { limitKindOf } from "../../src/server/http/rate-limits.ts";
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from "../../src/server/rate-limit-settings.ts";
import { type Reply, startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

const LIMITS = {
  ...DEFAULT_RATE_LIMITS,
  windowSeconds: 60,
  comments: { user: 5, organization: 8 },
  imports: { user: 2, organization: 10 },
};

function expectLimited(r: Reply) {
  expect(r.status).toBe(429);
  expect(r.headers.get("content-type")).toContain("application/problem+json");
  expect(r.body.code).toBe("rate_limited");
  const retry = Number(r.headers.get("retry-after"));
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
  expect(r.body.retryAfterSeconds).toBe(retry);
}

describe.each(ENGINES)("rate limits on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let wall: ManualClock;
  let claimId: string;
  let otherClaimId: string;
  let colleague: UserClient;
  beforeAll(async () => {
    // The start of a minute, so the whole test runs inside one window until it moves the clock.
    wall = new ManualClock(Math.ceil(Date.now() / 60_000) * 60_000);
    t = await startTestServer(engine, { rateLimits: LIMITS }, undefined, { wall });
    w = await httpWorld(t);
    colleague = await t.userClient("incentives_admin", w.a.id);
    const draft = async (o: HttpWorld["a"]) => {
      const r = await o.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(o, await w.customer()));
      expect(r.status).toBe(201);
      return r.body.id;
    };
    claimId = await draft(w.a);
    otherClaimId = await draft(w.b);
  });
  afterAll(() => t.stop());

  const comment = (c: UserClient, id: string, n: number) =>
    c.post(`/api/v1/claims/${id}/comments`, { body: `comment ${n}` });

  it("answers the N+1st comment from one token with 429 and Retry-After; the organisation limit holds a colleague; another organisation is not held", async () => {
    for (let i = 0; i < LIMITS.comments.user; i++)
      expect((await comment(w.a.incentives, claimId, i)).status).toBe(201);
    expectLimited(await comment(w.a.incentives, claimId, 99));

    // The colleague has a user budget of its own, but the organisation's (8) is nearly spent.
    const left = LIMITS.comments.organization - LIMITS.comments.user;
    for (let i = 0; i < left; i++) expect((await comment(colleague, claimId, i)).status).toBe(201);
    const held = await comment(colleague, claimId, 99);
    expectLimited(held);
    expect(String(held.body.detail)).toContain("organisation");

    // Another organisation's user is untouched by either limit.
    expect((await comment(w.b.incentives, otherClaimId, 1)).status).toBe(201);

    // The refused comments were not written.
    const thread = await w.a.global.get<{ items: unknown[] }>(`/api/v1/claims/${claimId}/comments`);
    expect(thread.body.items).toHaveLength(LIMITS.comments.organization);

    // Past the window both limits are open again.
    wall.advance(60_000);
    expect((await comment(w.a.incentives, claimId, 100)).status).toBe(201);
    expect((await comment(colleague, claimId, 100)).status).toBe(201);
  });

  it("does not keep a refused request's Idempotency-Key: the retry after the window goes through", async () => {
    wall.advance(60_000);
    for (let i = 0; i < LIMITS.comments.user; i++)
      expect((await comment(w.b.global, otherClaimId, i)).status).toBe(201);
    const key = { "idempotency-key": "retry-me" };
    const body = { body: "with a key" };
    expectLimited(await w.b.global.post(`/api/v1/claims/${otherClaimId}/comments`, body, key));
    wall.advance(60_000);
    const retried = await w.b.global.post(`/api/v1/claims/${otherClaimId}/comments`, body, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });

  it("throttles every comment, action, upload, import and look-up route, and nothing else", () => {
    const kinds = new Map<string, string[]>();
    for (const r of t.server.routes) {
      const kind = limitKindOf(r.method, r.url);
      if (kind) kinds.set(kind, [...(kinds.get(kind) ?? []), `${r.method} ${r.url}`]);
    }
    expect(kinds.get("comments")).toEqual(["POST /api/v1/claims/:id/comments"]);
    expect(kinds.get("uploads")).toEqual(["POST /api/v1/claims/:id/documents"]);
    expect(kinds.get("imports")?.sort()).toEqual([
      "POST /api/v1/admin/customers/import",
      "POST /api/v1/admin/revenue/imports",
      "POST /api/v1/claim-imports",
      "POST /api/v1/claim-imports/:id/documents",
    ]);
    expect(kinds.get("lookups")).toEqual(["GET /api/v1/customers"]);
    expect(kinds.get("actions")?.length).toBeGreaterThanOrEqual(10);
    expect(kinds.get("actions")?.every((r) => r.startsWith("POST /api/v1/claims/:id/actions/"))).toBe(true);
  });

  it("limits the customer import per user as well", async () => {
    const csv = "tenantId,domain,name\n";
    const send = () => {
      const form = new FormData();
      form.append("file", new Blob([csv], { type: "text/csv" }), "c.csv");
      return t.admin.request("POST", "/api/v1/admin/customers/import?dryRun=true", form);
    };
    wall.advance(60_000);
    for (let i = 0; i < LIMITS.imports.user; i++) expect((await send()).status).not.toBe(429);
    expectLimited(await send());
  });
});

describe("rate limit configuration", () => {
  it("reads RATE_LIMIT_* as per-user/per-organisation counts and refuses nonsense by name", () => {
    const problems: string[] = [];
    const s = rateLimitsFromEnv(
      { RATE_LIMIT_COMMENTS: "3/9", RATE_LIMIT_ACTIONS: "0/0", RATE_LIMIT_WINDOW_SECONDS: "30" },
      problems,
    );
    expect(problems).toEqual([]);
    expect(s).toMatchObject({
      windowSeconds: 30,
      comments: { user: 3, organization: 9 },
      actions: { user: 0 },
    });
    expect(s.uploads).toEqual(DEFAULT_RATE_LIMITS.uploads);
    rateLimitsFromEnv({ RATE_LIMIT_UPLOADS: "lots", RATE_LIMIT_WINDOW_SECONDS: "0" }, problems);
    expect(problems.join("\n")).toMatch(/RATE_LIMIT_UPLOADS=lots/);
    expect(problems.join("\n")).toMatch(/RATE_LIMIT_WINDOW_SECONDS=0/);
  });
});
