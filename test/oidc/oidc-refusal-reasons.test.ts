// What a refused sign-in tells: a browser's navigation is sent back to the sign-in page with
// `?signInError=<reason>` (the page words it in the user's language), an API client gets the problem
// with the same `reason`. Also: a provider switched off signs no one in, ends the sessions it
// opened and no longer keeps passwords off; a refused back-channel logout token answers 400.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { ENGINES } from "../support/engines.ts";
import { Browser } from "./browser-jar.ts";
import { startIdp, type TestIdp } from "./test-idp.ts";

const CALLBACK = "/api/v1/session/oidc/callback";
const HTML = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

describe.each(ENGINES)("refused sign-ins and switched-off providers on %s", (engine) => {
  let t: TestServer;
  let idp: TestIdp;
  let base: string;
  let orgA: string;
  let orgB: string;
  let providerA: string;
  let audienceA: string;

  const create = async (body: Record<string, unknown>) => {
    const res = await t.admin.post<{ id: string }>("/api/v1/admin/identity-providers", {
      issuer: idp.issuer,
      roleMapping: { claim: "groups", values: { admins: "global_admin" }, default: "incentives_admin" },
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  async function toCallback(providerId: string, login: string, browser = new Browser()) {
    idp.state.login = login;
    const start = `${base}/api/v1/session/oidc/${providerId}/start`;
    const { stoppedAt } = await browser.follow(start, `${base}${CALLBACK}`);
    if (!stoppedAt) throw new Error("the IdP did not come back");
    return { browser, callback: stoppedAt };
  }

  /** The callback as the browser navigates to it: where it is sent next. */
  async function navigate(providerId: string, login: string) {
    const { browser, callback } = await toCallback(providerId, login);
    const res = await browser.get(callback, HTML);
    return { status: res.status, location: res.headers.get("location"), browser };
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestServer(engine, { port, baseUrl: base });
    idp = await startIdp([
      { client_id: "web-a", client_secret: "secret-a", redirect_uris: [`${base}${CALLBACK}`] },
    ]);
    const org = async (name: string, partnerId: string) =>
      (await t.admin.post<{ id: string }>("/api/v1/admin/organizations", { name, partnerIds: [partnerId] }))
        .body.id;
    orgA = await org("A", "4300001");
    orgB = await org("B", "4300002");
    providerA = await create({
      organizationId: orgA,
      name: "A IdP",
      clientId: "web-a",
      clientSecret: "secret-a",
      allowedDomains: ["a.example", "shared.example"],
      passwordsAllowed: false,
    });
    audienceA = await create({
      organizationId: orgA,
      name: "A forged",
      clientId: "web-a",
      clientSecret: "secret-a",
      allowedDomains: ["a3.example"],
    });
    idp.account({ sub: "amy", email: "amy@a.example", name: "Amy", groups: ["admins"] });
  });
  afterAll(async () => {
    await idp?.stop();
    await t?.stop();
  });

  it("sends a signed-in browser on, and a refused one back to the sign-in page with the reason", async () => {
    const ok = await navigate(providerA, "amy");
    expect(ok).toMatchObject({ status: 302, location: "/" });

    const { browser, callback } = await toCallback(providerA, "amy");
    const state = browser.cookies(base).get("claimdesk_oidc_state") ?? "";
    expect((await browser.get(callback, HTML)).status).toBe(302);
    browser.cookies(base).set("claimdesk_oidc_state", state);
    const replay = await browser.get(callback, HTML);
    expect(replay.headers.get("location")).toBe("/?signInError=sign_in_expired");

    const elsewhere = await toCallback(providerA, "amy");
    const other = await new Browser().get(elsewhere.callback, HTML);
    expect(other.headers.get("location")).toBe("/?signInError=other_browser");

    const unknown = await new Browser().get(`${base}/api/v1/session/oidc/nope/start`, HTML);
    expect(unknown.headers.get("location")).toBe("/?signInError=provider_unavailable");
  });

  it("names the reason in the problem too: another organisation, a disabled user, another audience", async () => {
    expect(
      (
        await t.admin.post("/api/v1/admin/users", {
          email: "bob@shared.example",
          name: "Bob of B",
          password: "a-long-test-password",
          role: "global_admin",
          organizationId: orgB,
        })
      ).status,
    ).toBe(201);
    idp.account({ sub: "bob", email: "bob@shared.example", groups: ["admins"] });
    const { browser, callback } = await toCallback(providerA, "bob");
    const problem = await browser.get(callback);
    expect(problem.status).toBe(403);
    expect(await problem.json()).toMatchObject({ code: "forbidden", reason: "other_organization" });
    expect((await navigate(providerA, "bob")).location).toBe("/?signInError=other_organization");

    idp.account({ sub: "dee", email: "dee@a.example", groups: [] });
    const first = await navigate(providerA, "dee");
    const me = await first.browser.get(`${base}/api/v1/session`);
    const { user } = (await me.json()) as { user: { id: string; role: string } };
    expect(user.role).toBe("incentives_admin");
    expect((await t.admin.patch(`/api/v1/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await navigate(providerA, "dee")).location).toBe("/?signInError=account_disabled");

    idp.state.forgeAudience = "someone-else";
    try {
      expect((await navigate(audienceA, "amy")).location).toBe("/?signInError=wrong_audience");
    } finally {
      idp.state.forgeAudience = null;
    }

    idp.account({ sub: "eve", email: "eve@elsewhere.example", groups: ["admins"] });
    expect((await navigate(providerA, "eve")).location).toBe("/?signInError=domain_not_allowed");
  });

  it("applies a role lowered in the IdP at once to the user's other credentials", async () => {
    idp.account({ sub: "gus", email: "gus@a.example", groups: ["admins"] });
    const first = await navigate(providerA, "gus");
    const csrf = ((await (await first.browser.get(`${base}/api/v1/session`)).json()) as { csrfToken: string })
      .csrfToken;
    const cookie = `claimdesk_session=${first.browser.cookies(base).get("claimdesk_session")}`;
    const made = await fetch(`${base}/api/v1/tokens`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
      body: JSON.stringify({ name: "script", scope: "read" }),
    });
    const { token } = (await made.json()) as { token: string };
    const asToken = () =>
      fetch(`${base}/api/v1/admin/identity-providers`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asToken()).status).toBe(200);
    idp.account({ sub: "gus", email: "gus@a.example", groups: ["staff"] });
    expect((await navigate(providerA, "gus")).location).toBe("/");
    expect((await asToken()).status).toBe(403);
  });

  it("switched off, a provider signs no one in, ends its sessions and no longer keeps passwords off", async () => {
    const signedIn = await navigate(providerA, "amy");
    const session = () => signedIn.browser.get(`${base}/api/v1/session`);
    expect((await session()).status).toBe(200);
    const options = async () =>
      (
        await t.anonymous.get<{ providers: { id: string }[]; passwordAllowed: boolean }>(
          "/api/v1/session/providers?email=x@a.example",
        )
      ).body;
    expect(await options()).toMatchObject({ providers: [{ id: providerA }], passwordAllowed: false });
    // A sign-in started before the switch is refused at the callback.
    const started = await toCallback(providerA, "amy");

    const off = await t.admin.patch<{ enabled: boolean; abilities: Record<string, boolean> }>(
      `/api/v1/admin/identity-providers/${providerA}`,
      { enabled: false },
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, abilities: { enable: true, disable: false } });
    expect((await session()).status).toBe(401);
    expect(await options()).toEqual({ providers: [], passwordAllowed: true });
    expect((await started.browser.get(started.callback, HTML)).headers.get("location")).toBe(
      "/?signInError=provider_unavailable",
    );
    const start = await new Browser().get(`${base}/api/v1/session/oidc/${providerA}/start`);
    expect(start.status).toBe(404);

    expect(
      (await t.admin.patch(`/api/v1/admin/identity-providers/${providerA}`, { enabled: true })).status,
    ).toBe(200);
    expect((await navigate(providerA, "amy")).location).toBe("/");
  });

  it("tests an issuer's discovery, and lists the redirect URI and the roles a mapping may name", async () => {
    const found = await t.admin.post("/api/v1/admin/identity-providers/discovery", { issuer: idp.issuer });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      issuer: idp.issuer,
      endSessionEndpoint: `${idp.issuer}/session/end`,
      pkceS256: true,
      backchannelLogout: false,
    });
    const plain = await t.admin.post("/api/v1/admin/identity-providers/discovery", {
      issuer: "http://idp.example",
    });
    expect(plain.status).toBe(422);
    const list = await t.admin.get<{ redirectUri: string; mappableRoles: Record<string, string[]> }>(
      "/api/v1/admin/identity-providers",
    );
    expect(list.body.redirectUri).toBe(`${base}${CALLBACK}`);
    expect(list.body.mappableRoles).toEqual({
      organization: ["global_admin", "incentives_admin", "billing_admin"],
      operator: ["reviewer", "program_admin"],
    });
  });

  it("answers 400 to a refused back-channel logout token", async () => {
    const post = (token: string) =>
      fetch(`${base}/api/v1/session/oidc/backchannel-logout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ logout_token: token }),
      });
    const junk = await post("not-a-jwt");
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ error: "invalid_request", code: "invalid_request" });
    const noEvent = await post(await idp.logoutToken({ sub: "amy", aud: "web-a", events: {} }));
    expect(noEvent.status).toBe(400);
  });
});
