// Sign-in and sessions: cookie flags, CSRF, rotation, sign-out, timeouts, tokens, rate limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { ADMIN, Client, startTestServer, type TestServer } from "./http-support.ts";

async function signIn(base: string, email: string, password: string, cookie?: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: res.status,
    setCookie: res.headers.get("set-cookie") ?? "",
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe.each(ENGINES)("sign-in and sessions on %s", (engine) => {
  let t: TestServer;
  let base: string;
  beforeAll(async () => {
    t = await startTestServer(engine);
    base = t.server.url;
  });
  afterAll(() => t.stop());

  it("sets an HttpOnly, SameSite=Lax session cookie and needs the CSRF token for mutations", async () => {
    const s = await signIn(base, ADMIN.email, ADMIN.password);
    expect(s.status).toBe(200);
    expect(s.setCookie).toMatch(/claimdesk_session=[\w-]+/);
    expect(s.setCookie).toMatch(/HttpOnly/i);
    expect(s.setCookie).toMatch(/SameSite=Lax/i);
    expect(s.setCookie).not.toMatch(/Secure/i); // BASE_URL is http here
    const cookie = s.setCookie.split(";")[0] ?? "";
    const c = new Client(base);
    expect((await c.get("/api/v1/session", { cookie })).status).toBe(200);
    const noCsrf = await c.post("/api/v1/tokens", { name: "x" }, { cookie });
    expect(noCsrf).toMatchObject({ status: 403, body: { code: "csrf_failed" } });
    const wrongCsrf = await c.post("/api/v1/tokens", { name: "x" }, { cookie, "x-csrf-token": "nope" });
    expect(wrongCsrf.status).toBe(403);
    const ok = await c.post(
      "/api/v1/tokens",
      { name: "x" },
      { cookie, "x-csrf-token": String(s.body.csrfToken) },
    );
    expect(ok.status).toBe(201);
  });

  it("rotates the session id at sign-in and kills the session on sign-out", async () => {
    const first = await signIn(base, ADMIN.email, ADMIN.password);
    const firstCookie = first.setCookie.split(";")[0] ?? "";
    const second = await signIn(base, ADMIN.email, ADMIN.password, firstCookie);
    const secondCookie = second.setCookie.split(";")[0] ?? "";
    expect(secondCookie).not.toBe(firstCookie);
    const c = new Client(base);
    expect((await c.get("/api/v1/session", { cookie: firstCookie })).status).toBe(401);
    const out = await c.delete("/api/v1/session", {
      cookie: secondCookie,
      "x-csrf-token": String(second.body.csrfToken),
    });
    expect(out.status).toBe(204);
    expect((await c.get("/api/v1/session", { cookie: secondCookie })).status).toBe(401);
  });

  it("ends idle sessions on the server", async () => {
    const s = await signIn(base, ADMIN.email, ADMIN.password);
    const cookie = s.setCookie.split(";")[0] ?? "";
    await t.server.ctx.db.kysely
      .updateTable("sessions")
      .set({ last_seen_at: Date.now() - 3 * 3_600_000 })
      .execute();
    expect((await new Client(base).get("/api/v1/session", { cookie })).status).toBe(401);
  });

  it("answers an unknown user and a wrong password alike, and rate-limits per account", async () => {
    const unknown = await signIn(base, "nobody@example.com", "whatever-password");
    const wrong = await signIn(base, ADMIN.email, "wrong-password-1");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    for (let i = 0; i < 4; i++) await signIn(base, ADMIN.email, "wrong-password-1");
    const limited = await signIn(base, ADMIN.email, ADMIN.password);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("rate_limited");
    await t.server.ctx.db.kysely.deleteFrom("rate_limits").execute();
    expect((await signIn(base, ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it("personal access tokens work as bearer credentials until revoked", async () => {
    const created = await t.admin.post<{ id: string; token: string }>("/api/v1/tokens", { name: "ci" });
    expect(created.status).toBe(201);
    const stored = await t.server.ctx.db.kysely
      .selectFrom("access_tokens")
      .select("token_hash")
      .where("id", "=", created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.token);
    const c = new Client(base, created.body.token);
    expect((await c.get("/api/v1/session")).status).toBe(200);
    expect((await c.post("/api/v1/tokens", { name: "no csrf needed for bearer" })).status).toBe(201);
    expect((await t.admin.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await c.get("/api/v1/session")).status).toBe(401);
  });

  it("answers 401 problem+json without credentials, 404 problem+json for unknown routes", async () => {
    const r = await t.anonymous.get("/api/v1/claims");
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    expect((await t.anonymous.get("/api/v1/nothing-here")).status).toBe(404);
    expect((await t.anonymous.get("/healthz")).status).toBe(200);
    expect((await t.anonymous.get("/readyz")).body).toMatchObject({ status: "ready", database: engine });
  });
});
