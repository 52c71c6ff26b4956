// Sign-in through an organisation's own IdP (issue 15), against a real OpenID provider on
// 127.0.0.1 (oidc-provider, see test-idp.ts), on both engines. Its issuer is plain http on
// loopback, the one case where Claimdesk lets openid-client accept http (allowInsecureRequests).
import { createServer } from "node:net";
import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/server/context.ts";
import { Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { ENGINES } from "../support/engines.ts";
import { Browser } from "./browser-jar.ts";
import { startIdp, type TestIdp } from "./test-idp.ts";

const CALLBACK = "/api/v1/session/oidc/callback";

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Real time plus an offset the test moves forward: Claimdesk's wall clock. */
class TravellingClock implements Clock {
  offset = 0;
  now() {
    return Date.now() + this.offset;
  }
}

describe.each(ENGINES)("sign-in with an identity provider on %s", (engine) => {
  let t: TestServer;
  let idp: TestIdp;
  let base: string;
  const wall = new TravellingClock();
  let orgA: string;
  let orgB: string;
  let providerA: string;
  let providerB: string;
  let wrongAudience: string;

  const provider = (body: Record<string, unknown>) =>
    t.admin.post<{ id: string; hasSecret: boolean; clientSecret?: string }>(
      "/api/v1/admin/identity-providers",
      {
        issuer: idp.issuer,
        clientSecret: "secret-a",
        roleMapping: {
          claim: "groups",
          values: { "cd-admins": "global_admin" },
          default: "incentives_admin",
        },
        ...body,
      },
    );

  /** Starts at Claimdesk, goes through the IdP as `login`, and stops at Claimdesk's callback. */
  async function throughIdp(providerId: string, login: string, browser = new Browser()) {
    idp.state.login = login;
    const start = `${base}/api/v1/session/oidc/${providerId}/start?returnTo=/claims/recent`;
    const { stoppedAt, last } = await browser.follow(start, `${base}${CALLBACK}`);
    if (!stoppedAt) throw new Error(`the IdP did not come back: ${last.status} ${await last.text()}`);
    return { browser, callback: stoppedAt };
  }

  async function signIn(providerId: string, login: string) {
    const { browser, callback } = await throughIdp(providerId, login);
    const res = await browser.get(callback);
    return { browser, res, callback };
  }

  async function sessionOf(browser: Browser) {
    const res = await browser.get(`${base}/api/v1/session`);
    return {
      status: res.status,
      body: (await res.json()) as { user: Record<string, unknown>; csrfToken: string },
    };
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestServer(engine, { port, baseUrl: base }, undefined, { wall });
    const redirect_uris = [`${base}${CALLBACK}`];
    const post_logout_redirect_uris = [`${base}/`];
    idp = await startIdp([
      { client_id: "claimdesk-a", client_secret: "secret-a", redirect_uris, post_logout_redirect_uris },
      { client_id: "claimdesk-b", client_secret: "secret-b", redirect_uris },
    ]);
    orgA = (
      await t.admin.post<{ id: string }>("/api/v1/admin/organizations", {
        name: "A",
        partnerIds: ["4100001"],
      })
    ).body.id;
    orgB = (
      await t.admin.post<{ id: string }>("/api/v1/admin/organizations", {
        name: "B",
        partnerIds: ["4100002"],
      })
    ).body.id;
    const a = await provider({
      organizationId: orgA,
      name: "A Entra",
      clientId: "claimdesk-a",
      allowedDomains: ["a.example", "shared.example"],
    });
    expect(a.status).toBe(201);
    expect(a.body.hasSecret).toBe(true);
    expect(a.body).not.toHaveProperty("clientSecret");
    providerA = a.body.id;
    providerB = (
      await provider({
        organizationId: orgB,
        name: "B Keycloak",
        clientId: "claimdesk-b",
        clientSecret: "secret-b",
        allowedDomains: ["b.example"],
      })
    ).body.id;
    wrongAudience = (
      await provider({
        organizationId: orgA,
        name: "A again",
        clientId: "claimdesk-a",
        allowedDomains: ["a2.example"],
      })
    ).body.id;
    idp.account({
      sub: "alice",
      email: "alice@a.example",
      email_verified: true,
      name: "Alice",
      groups: ["cd-admins"],
    });
  });
  afterAll(async () => {
    await idp?.stop();
    await t?.stop();
  });

  it("a first sign-in provisions the user in the provider's organisation with the mapped role", async () => {
    const { browser, res } = await signIn(providerA, "alice");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/claims/recent");
    const s = await sessionOf(browser);
    expect(s.status).toBe(200);
    expect(s.body.user).toMatchObject({
      email: "alice@a.example",
      name: "Alice",
      role: "global_admin",
      organizationId: orgA,
    });
    expect(s.body.csrfToken.length).toBeGreaterThan(20);
  });

  it("picks up a role and name change in the IdP at the next sign-in", async () => {
    idp.account({
      sub: "alice",
      email: "alice@a.example",
      name: "Alice Smith",
      locale: "es-ES",
      groups: ["staff"],
    });
    const { browser } = await signIn(providerA, "alice");
    const s = await sessionOf(browser);
    expect(s.body.user).toMatchObject({ name: "Alice Smith", role: "incentives_admin", locale: "es" });
    idp.account({ sub: "alice", email: "alice@a.example", name: "Alice", groups: ["cd-admins"] });
  });

  it("refuses a replayed state", async () => {
    const { browser, callback } = await throughIdp(providerA, "alice");
    const state = browser.cookies(base).get("claimdesk_oidc_state") ?? "";
    expect((await browser.get(callback)).status).toBe(302);
    browser.cookies(base).set("claimdesk_oidc_state", state);
    const replay = await browser.get(callback);
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain("used or expired");
  });

  it("refuses a callback in another browser than the one that started", async () => {
    const { callback } = await throughIdp(providerA, "alice");
    const other = await new Browser().get(callback);
    expect(other.status).toBe(401);
  });

  it("refuses an ID token for another audience", async () => {
    idp.state.forgeAudience = "someone-else";
    try {
      const { res } = await signIn(wrongAudience, "alice");
      expect(res.status).toBe(401);
      expect(((await res.json()) as { detail: string }).detail).toContain('"aud" (audience)');
    } finally {
      idp.state.forgeAudience = null;
    }
  });

  it("refuses a user of another organisation, whatever the e-mail, and a domain not allowed", async () => {
    const carol = await t.admin.post("/api/v1/admin/users", {
      email: "carol@shared.example",
      name: "Carol of B",
      password: "a-long-test-password",
      role: "global_admin",
      organizationId: orgB,
    });
    expect(carol.status).toBe(201);
    idp.account({ sub: "carol", email: "carol@shared.example", email_verified: true, groups: ["cd-admins"] });
    const taken = await signIn(providerA, "carol");
    expect(taken.res.status).toBe(403);
    expect(await taken.res.text()).toContain("its own organisation");
    // B's provider does not sign in an A address either.
    expect((await signIn(providerB, "alice")).res.status).toBe(401);
    idp.account({ sub: "eve", email: "eve@evil.example", groups: ["cd-admins"] });
    expect((await signIn(providerA, "eve")).res.status).toBe(401);
    idp.account({ sub: "ann", email: "ann@a.example", email_verified: false, groups: ["cd-admins"] });
    const unverified = await signIn(providerA, "ann");
    expect(unverified.res.status).toBe(401);
    expect(await unverified.res.text()).toContain("not verified");
  });

  it("keeps a user disabled in Claimdesk out", async () => {
    idp.account({ sub: "dan", email: "dan@a.example", groups: [] });
    const first = await signIn(providerA, "dan");
    const me = await sessionOf(first.browser);
    const id = String(me.body.user.id);
    expect((await t.admin.patch(`/api/v1/admin/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await sessionOf(first.browser)).status).toBe(401);
    const again = await signIn(providerA, "dan");
    expect(again.res.status).toBe(401);
    expect(await again.res.text()).toContain("disabled");
  });

  it("offers the IdP by e-mail domain, and refuses passwords once they are switched off", async () => {
    const created = await t.admin.post("/api/v1/admin/users", {
      email: "pat@b.example",
      name: "Pat",
      password: "a-long-test-password",
      role: "billing_admin",
      organizationId: orgB,
    });
    expect(created.status).toBe(201);
    const signInWithPassword = () =>
      t.anonymous.post("/api/v1/session", { email: "pat@b.example", password: "a-long-test-password" });
    expect((await signInWithPassword()).status).toBe(200);
    const before = await t.anonymous.get("/api/v1/session/providers?email=pat@b.example");
    expect(before.body).toEqual({
      providers: [{ id: providerB, name: "B Keycloak", startUrl: `/api/v1/session/oidc/${providerB}/start` }],
      passwordAllowed: true,
    });
    expect(
      (await t.admin.patch(`/api/v1/admin/identity-providers/${providerB}`, { passwordsAllowed: false }))
        .status,
    ).toBe(200);
    const refused = await signInWithPassword();
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toContain("identity provider");
    const after = await t.anonymous.get<{ passwordAllowed: boolean }>(
      "/api/v1/session/providers?email=x@b.example",
    );
    expect(after.body.passwordAllowed).toBe(false);
    // Organisation A's users keep their passwords.
    expect((await t.anonymous.get("/api/v1/session/providers?email=x@nowhere.example")).body).toEqual({
      providers: [],
      passwordAllowed: true,
    });
  });

  it("answers the IdP's logout URL at sign-out, and ends sessions on a back-channel logout", async () => {
    const { browser } = await signIn(providerA, "alice");
    const { body } = await sessionOf(browser);
    const cookie = `claimdesk_session=${browser.cookies(base).get("claimdesk_session")}`;
    const out = await fetch(`${base}/api/v1/session`, {
      method: "DELETE",
      headers: { cookie, "x-csrf-token": body.csrfToken },
    });
    expect(out.status).toBe(200);
    const { logoutUrl } = (await out.json()) as { logoutUrl: string };
    expect(logoutUrl.startsWith(`${idp.issuer}/session/end?`)).toBe(true);
    expect(new URL(logoutUrl).searchParams.get("id_token_hint")).toBeTruthy();

    const second = await signIn(providerA, "alice");
    expect((await sessionOf(second.browser)).status).toBe(200);
    const post = (token: string) =>
      fetch(`${base}/api/v1/session/oidc/backchannel-logout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ logout_token: token }),
      });
    const impostor = (await generateKeyPair("RS256")).privateKey;
    // OpenID Connect Back-Channel Logout 1.0 §2.8: a refused logout token answers 400.
    expect((await post(await idp.logoutToken({ sub: "alice", aud: "claimdesk-a" }, impostor))).status).toBe(
      400,
    );
    expect((await sessionOf(second.browser)).status).toBe(200);
    const ended = await post(await idp.logoutToken({ sub: "alice", aud: "claimdesk-a" }));
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(1);
    expect((await sessionOf(second.browser)).status).toBe(401);
  });

  it("refuses an expired ID token (Claimdesk's clock travels past it)", async () => {
    idp.state.idTokenTtl = 5;
    try {
      const { browser, callback } = await throughIdp(providerA, "alice");
      wall.offset += 60_000; // 5 s of validity and 30 s of tolerance are long past
      const res = await browser.get(callback);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { detail: string }).detail).toContain('"exp" (expiration time)');
    } finally {
      idp.state.idTokenTtl = 3600;
    }
  });

  it("lets a read-only personal access token read but not write", async () => {
    const made = await t.admin.post<{ token: string; scope: string }>("/api/v1/tokens", {
      name: "reporting",
      scope: "read",
    });
    expect(made.status).toBe(201);
    expect(made.body.scope).toBe("read");
    const reader = new Client(base, made.body.token);
    expect((await reader.get("/api/v1/claims")).status).toBe(200);
    const write = await reader.post("/api/v1/tokens", { name: "escalate" });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: "forbidden" });
    const listed = await t.admin.get<{ items: { name: string; scope: string }[] }>("/api/v1/tokens");
    expect(listed.body.items.find((i) => i.name === "reporting")?.scope).toBe("read");
  });
});
