// The customer's consent link end to end, on both engines: a real consent mail (captured by a real
// SMTP server) carries the link; the JSON API and the server-rendered page answer it; deny and
// confirm (and their replays), tampered links, the end of the period (with and without a sweep), a
// withdrawn claim, the page form's double-submit cookie and origin check, the page's language, the
// per-address rate limit, and what the database keeps (the token's hash, never the token). The last
// block checks that the token stays out of the server log too (it fails until the request log stops
// printing the URL's token).
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/server/context.ts";
import type { Engine } from "../../src/server/db/engine.ts";
import { type Client, type Reply, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { type CapturedMail, startSmtp, type TestSmtp } from "../support/smtp.ts";

const BASE_URL = "https://claims.example.test";
const CUSTOMER_EMAIL = "casey@customer.example";
const PARTNER_EMAIL = "paula@partner.example";
const START = "2030-03-04T09:00:00.000Z"; // a Monday morning

interface ClaimJson {
  id: string;
  number: string;
  status: string;
  version: number;
  reasons: string[];
  deadlines: { kind: string; dueAt: string }[];
  consent: { status: string; endsAt: string } | null;
  allowedActions: string[];
}

interface ConsentJson {
  status: "open" | "denied" | "confirmed" | "closed";
  claimNumber: string;
  partner: { name: string };
  customer: { name: string; tenantId: string; domain: string };
  activity: { code: string; name: string };
  products: { code: string; name: string }[];
  endsAt: string;
  decidedAt: string | null;
  locale: string;
  code?: string;
  retryAfter?: number;
}

interface HistoryJson {
  items: {
    seq: number;
    event: string;
    actor: { kind: string; name: string };
    data: Record<string, unknown>;
  }[];
}

interface Env {
  t: TestServer;
  w: HttpWorld;
  smtp: TestSmtp;
}

interface Approved {
  id: string;
  number: string;
  endsAt: string;
  token: string;
  mail: CapturedMail;
}

type ContactLocale = "en" | "es" | "none";

async function openEnv(engine: Engine, wall?: Clock): Promise<Env> {
  const smtp = await startSmtp();
  const t = await startTestServer(engine, { smtpUrl: smtp.url, baseUrl: BASE_URL }, undefined, { wall });
  const w = await httpWorld(t);
  const clock = await t.admin.put("/api/v1/system/clock", { now: START });
  expect(clock.status).toBe(200);
  return { t, w, smtp };
}

async function closeEnv(env: Env | undefined): Promise<void> {
  await env?.t.stop();
  await env?.smtp.stop();
}

const act = (c: Client, id: string, action: string, body: unknown = {}) =>
  c.post<ClaimJson>(`/api/v1/claims/${id}/actions/${action}`, body);

/** A claim through review to approved, the notifier run, and the link out of the customer's mail. */
async function approvedWithLink(env: Env, locale: ContactLocale = "en"): Promise<Approved> {
  const { t, w, smtp } = env;
  const p = w.a.incentives;
  const body = w.claimBody(w.a, await w.customer()) as { customerContact: Record<string, unknown> };
  if (locale === "none") delete body.customerContact.locale;
  else body.customerContact.locale = locale;
  const created = await p.post<ClaimJson>("/api/v1/claims", body);
  expect(created.status).toBe(201);
  const id = created.body.id;
  expect((await p.upload(id, pdfBytes(), "statement-of-work.pdf", "application/pdf")).status).toBe(201);
  expect((await act(p, id, "submit")).body.status).toBe("submitted");
  expect((await act(w.reviewer, id, "start-review")).body.status).toBe("under_review");
  const approved = await act(w.reviewer, id, "approve", { comment: "Looks good" });
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe("approved");
  expect(approved.body.consent?.status).toBe("running");

  const before = smtp.messages.length;
  await t.server.notifier.runOnce();
  const toCustomer = smtp.messages
    .slice(before)
    .filter((m) => m.to.includes(CUSTOMER_EMAIL) && m.text.includes(`${BASE_URL}/consent/`));
  expect(toCustomer).toHaveLength(1);
  const mail = toCustomer[0] as CapturedMail;
  const match = /https:\/\/claims\.example\.test\/consent\/([A-Za-z0-9_-]+)/.exec(mail.text);
  const token = match?.[1] ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(mail.html).toContain(`href="${BASE_URL}/consent/${token}"`);
  return {
    id,
    number: approved.body.number,
    endsAt: approved.body.consent?.endsAt ?? "",
    token,
    mail,
  };
}

const sha256hex = (s: string) => createHash("sha256").update(s).digest("hex");

/** Changes one character in the middle of the token, keeping it well-formed. */
function tampered(token: string): string {
  const i = 20;
  const c = token[i] === "A" ? "B" : "A";
  return `${token.slice(0, i)}${c}${token.slice(i + 1)}`;
}

describe.each(ENGINES)("the customer consent link on %s", (engine) => {
  let env: Env;
  let t: TestServer;
  let w: HttpWorld;
  let smtp: TestSmtp;

  beforeAll(async () => {
    env = await openEnv(engine);
    ({ t, w, smtp } = env);
  });
  afterAll(() => closeEnv(env));
  // The consent limit is per client address for the whole server, and every request here comes from
  // 127.0.0.1: each test starts with a fresh window (the limit itself is tested on its own server).
  beforeEach(async () => {
    await t.server.ctx.db.kysely.deleteFrom("rate_limits").where("key", "like", "consent:%").execute();
  });

  const api = (token: string, headers?: Record<string, string>) =>
    t.anonymous.get<ConsentJson>(`/api/v1/consent/${token}`, headers);
  const decide = (token: string, decision: "deny" | "confirm", body: unknown = {}) =>
    t.anonymous.post<ConsentJson>(`/api/v1/consent/${token}/${decision}`, body);
  const page = (path: string, headers?: Record<string, string>) =>
    t.anonymous.get<string>(path, headers) as Promise<Reply<string>>;
  const claim = async (id: string) => {
    const r = await w.a.incentives.get<ClaimJson>(`/api/v1/claims/${id}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const history = async (id: string) => {
    const r = await w.a.incentives.get<HistoryJson>(`/api/v1/claims/${id}/history`);
    expect(r.status).toBe(200);
    return r.body.items;
  };
  const clockTo = async (iso: string) =>
    expect((await t.admin.put("/api/v1/system/clock", { now: iso })).status).toBe(200);
  const sweep = async () => {
    const r = await t.admin.post<{ fired: number }>("/api/v1/system/sweep");
    expect(r.status).toBe(200);
    return r.body.fired;
  };
  const consentRow = (claimId: string) =>
    t.server.ctx.db.kysely
      .selectFrom("consent_requests")
      .selectAll()
      .where("claim_id", "=", claimId)
      .executeTakeFirstOrThrow();
  /** The page form, posted as a browser would (no redirect following). */
  const postForm = async (token: string, fields: Record<string, string>, headers: Record<string, string>) => {
    const res = await fetch(`${t.server.url}/consent/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  /** The page's form cookie and its hidden csrf field. */
  const formTokens = (r: Reply<string>) => {
    const setCookie = r.headers.getSetCookie().find((c) => c.startsWith("claimdesk_consent="));
    const cookie = setCookie?.split(";")[0]?.slice("claimdesk_consent=".length) ?? "";
    const field = /<input type="hidden" name="csrf" value="([^"]*)">/.exec(r.body)?.[1] ?? "";
    return { setCookie: setCookie ?? "", cookie, field };
  };

  it("only GET: the API and the page show the request and change nothing", async () => {
    const c = await approvedWithLink(env);
    const before = await claim(c.id);
    const historyBefore = await history(c.id);
    const customer = before as unknown as { customer: { tenantId: string; domain: string } };

    const first = await api(c.token);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      status: "open",
      claimNumber: c.number,
      partner: { name: "Contoso" },
      customer: {
        name: "Customer Ltd",
        tenantId: customer.customer.tenantId,
        domain: customer.customer.domain,
      },
      activity: { code: "deployment", name: "Deployment" },
      products: [{ code: "teams", name: "Teams" }],
      endsAt: c.endsAt,
      decidedAt: null,
      locale: "en",
    });

    const html = await page(`/consent/${c.token}`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("cache-control")).toBe("no-store");
    expect(html.headers.get("referrer-policy")).toBe("same-origin");
    expect(html.headers.get("x-robots-tag")).toBe("noindex");
    expect(html.body).toContain('<html lang="en">');
    expect(html.body).toContain("<dd>Contoso</dd>");
    expect(html.body).toContain("<dd>Teams</dd>");
    expect(html.body).toContain("<dd>Deployment</dd>");
    expect(html.body).toContain(`<time datetime="${c.endsAt}">`);
    expect(html.body).toContain(`<form method="post" action="/consent/${c.token}">`);
    expect(html.body).toMatch(
      /<button class="deny" type="submit" name="decision" value="deny">Deny<\/button>/,
    );
    expect(html.body).toMatch(
      /<button class="confirm" type="submit" name="decision" value="confirm">Confirm<\/button>/,
    );

    // A mail scanner opening the link a few times: nothing happens.
    for (let i = 0; i < 3; i++) {
      expect((await api(c.token)).body.status).toBe("open");
      expect((await page(`/consent/${c.token}`)).status).toBe(200);
      expect((await t.anonymous.request("HEAD", `/consent/${c.token}`)).status).toBe(200);
    }
    const after = await claim(c.id);
    expect(after).toMatchObject({ status: "approved", consent: { status: "running", endsAt: c.endsAt } });
    expect(after.version).toBe(before.version);
    const items = await history(c.id);
    expect(items).toHaveLength(historyBefore.length);
    expect(items.filter((h) => h.actor.kind === "customer")).toEqual([]);
    const row = await consentRow(c.id);
    expect(row).toMatchObject({ decision: null, decided_at: null, closed_at: null });
  });

  it("deny through the API rejects the claim (customer decline), replays, then refuses confirm", async () => {
    const c = await approvedWithLink(env);
    const denied = await decide(c.token, "deny", { comment: "not our partner" });
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ status: "denied", claimNumber: c.number, endsAt: c.endsAt });
    expect(denied.body.decidedAt).toEqual(expect.any(String));

    const rejected = await claim(c.id);
    expect(rejected).toMatchObject({
      status: "rejected",
      reasons: ["customer_decline"],
      consent: { status: "denied" },
      deadlines: [],
    });
    expect(rejected.allowedActions).not.toContain("dispute");
    const items = await history(c.id);
    const byCustomer = items.filter((h) => h.actor.kind === "customer");
    expect(byCustomer.map((h) => h.event)).toEqual(["customer_denied", "rejected"]);
    expect(byCustomer[0]?.actor.name).toBe("Casey");
    expect(byCustomer[0]?.data).toMatchObject({ comment: "not our partner" });

    const again = await decide(c.token, "deny", { comment: "not our partner" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(denied.body);
    const otherComment = await decide(c.token, "deny", {});
    expect(otherComment.status).toBe(200);
    expect(otherComment.body).toEqual(denied.body);
    expect(await history(c.id)).toHaveLength(items.length);

    const confirm = await decide(c.token, "confirm");
    expect(confirm.status).toBe(410);
    expect(confirm.body).toMatchObject({ code: "consent_closed" });
    expect((await api(c.token)).body.status).toBe("denied");
    expect(await history(c.id)).toHaveLength(items.length);
    expect((await claim(c.id)).status).toBe("rejected");
    expect(await consentRow(c.id)).toMatchObject({ decision: "deny", comment: "not our partner" });

    const before = smtp.messages.length;
    await t.server.notifier.runOnce();
    const sent = smtp.messages.slice(before);
    const toPartner = sent.filter((m) => m.to.includes(PARTNER_EMAIL));
    expect(toPartner.map((m) => m.subject)).toEqual([`${c.number}: the customer declined`]);
    expect(toPartner[0]?.text).toContain("not our partner");
    expect(sent.filter((m) => m.to.includes(CUSTOMER_EMAIL))).toEqual([]);
  });

  it("confirm early through the API, replays, then refuses deny", async () => {
    const c = await approvedWithLink(env);
    const confirmed = await decide(c.token, "confirm");
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: "confirmed", claimNumber: c.number });
    expect(confirmed.body.decidedAt).toEqual(expect.any(String));
    const after = await claim(c.id);
    expect(after).toMatchObject({ status: "approved", consent: { status: "confirmed" } });
    expect(after.deadlines.map((d) => d.kind)).not.toContain("consent_end");
    const items = await history(c.id);
    expect(items.filter((h) => h.actor.kind === "customer").map((h) => h.event)).toEqual([
      "customer_confirmed",
    ]);

    const again = await decide(c.token, "confirm");
    expect(again.status).toBe(200);
    expect(again.body).toEqual(confirmed.body);
    const deny = await decide(c.token, "deny", { comment: "changed my mind" });
    expect(deny.status).toBe(410);
    expect(deny.body).toMatchObject({ code: "consent_closed" });
    expect(await history(c.id)).toHaveLength(items.length);
    expect(await claim(c.id)).toMatchObject({ status: "approved", consent: { status: "confirmed" } });

    const before = smtp.messages.length;
    await t.server.notifier.runOnce();
    const toPartner = smtp.messages.slice(before).filter((m) => m.to.includes(PARTNER_EMAIL));
    expect(toPartner.map((m) => m.subject)).toEqual([`${c.number}: the customer confirmed`]);
  });

  it("identical denies at once: all answer denied, one decision is recorded", async () => {
    const c = await approvedWithLink(env);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => decide(c.token, "deny", { comment: "twice" })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
    const items = await history(c.id);
    expect(items.filter((h) => h.event === "customer_denied")).toHaveLength(1);
  });

  it("deny and confirm at once: one wins, the other is told the request is closed", async () => {
    const c = await approvedWithLink(env);
    const [deny, confirm] = await Promise.all([decide(c.token, "deny"), decide(c.token, "confirm")]);
    expect([deny.status, confirm.status].sort()).toEqual([200, 410]);
    const winner = deny.status === 200 ? deny : confirm;
    const after = await claim(c.id);
    expect(after.consent?.status).toBe(winner.body.status);
    const customerEvents = (await history(c.id)).filter((h) => h.actor.kind === "customer");
    expect(customerEvents.map((h) => h.event)).toEqual(
      winner.body.status === "denied" ? ["customer_denied", "rejected"] : ["customer_confirmed"],
    );
  });

  it("a tampered, truncated or made-up token is not found, and nothing changes", async () => {
    const c = await approvedWithLink(env);
    const before = await claim(c.id);
    const historyBefore = await history(c.id);
    const fakes = [
      tampered(c.token),
      c.token.slice(0, 42),
      `${c.token}A`,
      randomBytes(32).toString("base64url"),
    ];
    expect(new Set(fakes).size).toBe(fakes.length);
    for (const fake of fakes) {
      expect(fake).not.toBe(c.token);
      const got = await api(fake);
      expect(got.status, fake).toBe(404);
      expect(got.body.code).toBe("not_found");
      for (const decision of ["deny", "confirm"] as const) {
        const posted = await decide(fake, decision);
        expect(posted.status, `${decision} ${fake}`).toBe(404);
        expect(posted.body.code).toBe("not_found");
      }
      const html = await page(`/consent/${fake}`);
      expect(html.status).toBe(404);
      expect(html.headers.get("content-type")).toMatch(/^text\/html/);
      expect(html.headers.get("cache-control")).toBe("no-store");
      expect(html.body).toContain("This link is not valid.");
      expect(html.body).not.toContain("<form");
      expect(html.body).not.toContain("Contoso");
      // Even with a matching cookie and field, a form post to a fake link decides nothing.
      const { cookie, field } = formTokens(html);
      const posted = await postForm(
        fake,
        { csrf: field, decision: "deny", comment: "", lang: "en" },
        { cookie: `claimdesk_consent=${cookie}` },
      );
      expect(posted.status).toBe(404);
      expect(posted.text).toContain("This link is not valid.");
    }
    expect((await api(c.token)).body.status).toBe("open");
    const after = await claim(c.id);
    expect(after).toMatchObject({ status: "approved", consent: { status: "running" } });
    expect(after.version).toBe(before.version);
    expect(await history(c.id)).toHaveLength(historyBefore.length);
  });

  it("the link closes when the period ends, before and after the sweeper runs", async () => {
    const c = await approvedWithLink(env);
    const endsAt = Date.parse(c.endsAt);
    await clockTo(new Date(endsAt - 1).toISOString());
    expect((await api(c.token)).body.status).toBe("open");
    // The customer opened the page while it was open, and sends the form after the period ended.
    const { cookie, field } = formTokens(await page(`/consent/${c.token}`));
    expect(field).not.toBe("");

    await clockTo(c.endsAt);
    const check = async (label: string) => {
      const got = await api(c.token);
      expect(got.status, label).toBe(200);
      expect(got.body.status, label).toBe("closed");
      const deny = await decide(c.token, "deny", { comment: "too late" });
      expect(deny.status, label).toBe(410);
      expect(deny.body.code, label).toBe("consent_closed");
      const confirm = await decide(c.token, "confirm");
      expect(confirm.status, label).toBe(410);
      expect(confirm.body.code, label).toBe("consent_closed");
      const html = await page(`/consent/${c.token}`);
      expect(html.status, label).toBe(410);
      expect(html.body, label).toContain("This request is closed");
      expect(html.body, label).not.toContain("<form");
      const posted = await postForm(
        c.token,
        { csrf: field, decision: "deny", lang: "en" },
        { cookie: `claimdesk_consent=${cookie}` },
      );
      expect(posted.status, label).toBe(410);
      expect(posted.text, label).toContain("This request is closed");
      const after = await claim(c.id);
      expect(after, label).toMatchObject({ status: "approved", reasons: [], consent: { status: "passed" } });
      const items = await history(c.id);
      expect(
        items.filter((h) => h.actor.kind === "customer"),
        label,
      ).toEqual([]);
    };
    await check("before the sweep");
    expect(await consentRow(c.id)).toMatchObject({ decision: null, closed_at: null });

    expect(await sweep()).toBeGreaterThanOrEqual(1);
    await check("after the sweep");
    expect(await consentRow(c.id)).toMatchObject({ decision: null, closed_reason: "passed" });
    expect((await consentRow(c.id)).closed_at).not.toBeNull();
  });

  it("a withdrawn claim's link is closed", async () => {
    const c = await approvedWithLink(env);
    const withdrawn = await act(w.a.incentives, c.id, "withdraw", { reason: "other" });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: "rejected", reasons: ["partner_request"] });
    const deny = await decide(c.token, "deny", { comment: "never heard of them" });
    expect(deny.status).toBe(410);
    expect(deny.body.code).toBe("consent_closed");
    expect((await decide(c.token, "confirm")).status).toBe(410);
    expect((await api(c.token)).body.status).toBe("closed");
    expect((await page(`/consent/${c.token}`)).status).toBe(410);
    expect(await claim(c.id)).toMatchObject({ status: "rejected", reasons: ["partner_request"] });
    expect((await history(c.id)).filter((h) => h.actor.kind === "customer")).toEqual([]);
    expect(await consentRow(c.id)).toMatchObject({ decision: null, closed_reason: "cancelled" });
  });

  it("no consent mail for a claim withdrawn before the mail went out; an overturn to approved asks again", async () => {
    const p = w.a.incentives;
    const created = await p.post<ClaimJson>("/api/v1/claims", w.claimBody(w.a, await w.customer()));
    const id = created.body.id;
    await p.upload(id, pdfBytes(), "statement-of-work.pdf", "application/pdf");
    await act(p, id, "submit");
    await act(w.reviewer, id, "start-review");
    expect((await act(w.reviewer, id, "approve")).body.status).toBe("approved");
    expect((await act(p, id, "withdraw", { reason: "incorrect_activity" })).body.status).toBe("rejected");
    let before = smtp.messages.length;
    await t.server.notifier.runOnce();
    expect(smtp.messages.slice(before).filter((m) => m.to.includes(CUSTOMER_EMAIL))).toEqual([]);
    expect(
      await t.server.ctx.db.kysely
        .selectFrom("consent_requests")
        .select(["token_hash", "closed_reason"])
        .where("claim_id", "=", id)
        .execute(),
    ).toEqual([{ token_hash: null, closed_reason: "cancelled" }]);

    // Rejected by the reviewer, disputed, overturned straight to approved: the customer is asked now.
    const other = await p.post<ClaimJson>("/api/v1/claims", w.claimBody(w.a, await w.customer()));
    const oid = other.body.id;
    await p.upload(oid, pdfBytes(), "statement-of-work.pdf", "application/pdf");
    await act(p, oid, "submit");
    await act(w.reviewer, oid, "start-review");
    await act(w.reviewer, oid, "reject", { reasons: ["insufficient_poe"], comment: "No signature" });
    await act(p, oid, "dispute", { justification: "Signed on page 3" });
    const overturned = await act(w.reviewer, oid, "overturn-dispute", {
      comment: "Found it",
      to: "approved",
    });
    expect(overturned.body).toMatchObject({ status: "approved", consent: { status: "running" } });
    before = smtp.messages.length;
    await t.server.notifier.runOnce();
    const asked = smtp.messages.slice(before).filter((m) => m.to.includes(CUSTOMER_EMAIL));
    expect(asked).toHaveLength(1);
    const token = /\/consent\/([A-Za-z0-9_-]{43})/.exec(asked[0]?.text ?? "")?.[1] ?? "";
    expect(token).not.toBe("");
    const view = await api(token);
    expect(view.body).toMatchObject({ status: "open", claimNumber: overturned.body.number });
    expect((await decide(token, "deny")).body.status).toBe("denied");
    expect(await claim(oid)).toMatchObject({ status: "rejected", reasons: ["customer_decline"] });
  });

  it("the page form: a double-submit cookie, refused from another site, post/redirect/get", async () => {
    const c = await approvedWithLink(env);
    const html = await page(`/consent/${c.token}`);
    expect(html.status).toBe(200);
    const { setCookie, cookie, field } = formTokens(html);
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(field).toBe(cookie);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).toMatch(/;\s*Path=\/consent\//i);
    expect(setCookie).toMatch(/;\s*Secure/i); // the base URL is https
    const versionBefore = (await claim(c.id)).version;
    const historyBefore = (await history(c.id)).length;
    const comment = "We never worked with them (señal)";
    const deny = { csrf: field, decision: "deny", comment, lang: "en" };

    const refused: [string, Record<string, string>, Record<string, string>][] = [
      ["no cookie", deny, {}],
      ["cookie and field differ", deny, { cookie: `claimdesk_consent=${cookie.slice(1)}x` }],
      ["no field", { decision: "deny", lang: "en" }, { cookie: `claimdesk_consent=${cookie}` }],
      [
        "another site's origin",
        deny,
        { cookie: `claimdesk_consent=${cookie}`, origin: "https://evil.example" },
      ],
      ["an opaque origin", deny, { cookie: `claimdesk_consent=${cookie}`, origin: "null" }],
    ];
    for (const [label, fields, headers] of refused) {
      const r = await postForm(c.token, fields, headers);
      expect(r.status, label).toBe(403);
      expect(r.headers.get("content-type"), label).toMatch(/^text\/html/);
      expect(r.text, label).toContain("The form expired. Please try again.");
      expect(r.headers.get("location"), label).toBeNull();
    }
    const unknown = await postForm(
      c.token,
      { ...deny, decision: "maybe" },
      { cookie: `claimdesk_consent=${cookie}` },
    );
    expect(unknown.status).toBe(422);
    const unchanged = await claim(c.id);
    expect(unchanged).toMatchObject({ status: "approved", consent: { status: "running" } });
    expect(unchanged.version).toBe(versionBefore);
    expect(await history(c.id)).toHaveLength(historyBefore);

    const ok = await postForm(c.token, deny, {
      cookie: `claimdesk_consent=${cookie}`,
      origin: new URL(t.server.url).origin,
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/consent/${c.token}?lang=en`);
    const shown = await page(ok.headers.get("location") ?? "");
    expect(shown.status).toBe(200);
    expect(shown.body).toContain("You denied this association on");
    expect(shown.body).not.toContain("<form");
    expect(await claim(c.id)).toMatchObject({ status: "rejected", reasons: ["customer_decline"] });
    const denied = (await history(c.id)).find((h) => h.event === "customer_denied");
    expect(denied?.actor).toMatchObject({ kind: "customer", name: "Casey" });
    expect(denied?.data).toMatchObject({ comment });

    // Posting the same form again (a reload that re-posts) replays: the same redirect, nothing new.
    const length = (await history(c.id)).length;
    const replay = await postForm(c.token, deny, { cookie: `claimdesk_consent=${cookie}` });
    expect(replay.status).toBe(303);
    expect(await history(c.id)).toHaveLength(length);
    const confirmNow = await postForm(
      c.token,
      { ...deny, decision: "confirm" },
      { cookie: `claimdesk_consent=${cookie}` },
    );
    expect(confirmNow.status).toBe(410);
    expect(confirmNow.text).toContain("You denied this association on");
  });

  it("the mail and the page speak the customer contact's language", async () => {
    const es = await approvedWithLink(env, "es");
    expect(es.mail.subject).toBe("Contoso figura como su partner de registro");
    expect(es.mail.text).toContain("Revisar y responder: ");
    expect(es.mail.text).toContain("Si está de acuerdo, no tiene que hacer nada.");
    expect(es.mail.language).toBe("es");

    const spanish = await page(`/consent/${es.token}`);
    expect(spanish.status).toBe(200);
    expect(spanish.body).toContain('<html lang="es">');
    expect(spanish.body).toContain(">Rechazar</button>");
    expect(spanish.body).toContain(">Confirmar</button>");
    expect(spanish.body).toContain('<input type="hidden" name="lang" value="es">');
    expect(spanish.body).toContain(`<a href="/consent/${es.token}?lang=en" lang="en" hreflang="en">EN</a>`);
    expect(spanish.body).not.toContain(">Deny</button>");
    const apiEs = await api(es.token);
    expect(apiEs.body).toMatchObject({
      locale: "es",
      activity: { code: "deployment", name: "Implementación" },
    });

    const english = await page(`/consent/${es.token}?lang=en`);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain(">Deny</button>");
    expect(english.body).not.toContain(">Rechazar</button>");
    expect((await api(es.token, {})).body.locale).toBe("es");
    expect((await t.anonymous.get<ConsentJson>(`/api/v1/consent/${es.token}?lang=en`)).body.locale).toBe(
      "en",
    );

    const none = await approvedWithLink(env, "none");
    expect(none.mail.subject).toBe("Contoso is registered as your partner of record");
    expect((await page(`/consent/${none.token}`)).body).toContain('<html lang="en">');
    const byHeader = await page(`/consent/${none.token}`, { "accept-language": "es-ES,es;q=0.9" });
    expect(byHeader.body).toContain('<html lang="es">');
    expect(byHeader.body).toContain(">Rechazar</button>");
    const ranked = await page(`/consent/${none.token}`, { "accept-language": "fr-FR, es;q=0.5, en;q=0.4" });
    expect(ranked.body).toContain('<html lang="es">');
    expect((await api(none.token, { "accept-language": "es-ES,es;q=0.9" })).body.locale).toBe("es");

    // The Spanish form posts back to the Spanish page.
    const { cookie, field } = formTokens(spanish);
    const posted = await postForm(
      es.token,
      { csrf: field, decision: "confirm", lang: "es" },
      { cookie: `claimdesk_consent=${cookie}` },
    );
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/consent/${es.token}?lang=es`);
    const done = await page(posted.headers.get("location") ?? "");
    expect(done.body).toContain("Confirmó esta asociación el");
  });

  it("the database keeps the token's hash and never the token", async () => {
    const c = await approvedWithLink(env);
    const db = t.server.ctx.db.kysely;
    const row = await consentRow(c.id);
    expect(row.token_hash).toBe(sha256hex(c.token));
    const mails = await db
      .selectFrom("mail_messages")
      .select(["params", "subject", "template"])
      .where("claim_id", "=", c.id)
      .execute();
    const consentMail = mails.find((m) => m.template === "consent_request");
    expect(JSON.parse(consentMail?.params ?? "{}")).toMatchObject({ consentId: row.id });

    // Decide through the page too, so that every write path has run.
    const html = await page(`/consent/${c.token}`);
    const { cookie, field } = formTokens(html);
    const posted = await postForm(
      c.token,
      {
        csrf: field,
        decision: "deny",
        comment: `see ${BASE_URL}/consent/${c.token.slice(0, 10)}`,
        lang: "en",
      },
      { cookie: `claimdesk_consent=${cookie}` },
    );
    expect(posted.status).toBe(303);
    await t.server.notifier.runOnce();
    expect((await consentRow(c.id)).token_hash).toBe(sha256hex(c.token));

    const has = (s: string | null) => (s ?? "").includes(c.token);
    expect(
      (await db.selectFrom("consent_requests").selectAll().execute()).some((r) => has(JSON.stringify(r))),
    ).toBe(false);
    const allMail = await db.selectFrom("mail_messages").select(["params", "subject"]).execute();
    expect(allMail.length).toBeGreaterThan(0);
    expect(allMail.filter((m) => has(m.params) || has(m.subject))).toEqual([]);
    const outbox = await db.selectFrom("outbox").select("payload").execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.filter((o) => has(o.payload))).toEqual([]);
    const entries = await db.selectFrom("history").select("data").execute();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((h) => has(h.data))).toEqual([]);

    // And nowhere else either: every table, every column.
    const tables = [
      "organizations",
      "partner_ids",
      "calendars",
      "users",
      "products",
      "activities",
      "customers",
      "subscriptions",
      "claims",
      "claim_products",
      "documents",
      "comments",
      "history",
      "outbox",
      "deadlines",
      "idempotency_keys",
      "counters",
      "settings",
      "sessions",
      "access_tokens",
      "rate_limits",
      "mail_messages",
      "notifications",
      "consent_requests",
      "webhooks",
      "webhook_deliveries",
      "webhook_attempts",
    ];
    const asText = (v: unknown) =>
      JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)) ?? "";
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
      expect(
        rows.rows.filter((r) => asText(r).includes(c.token)),
        table,
      ).toEqual([]);
    }
  });
});

describe.each(ENGINES)("the consent link's rate limit on %s", (engine) => {
  // Its own server with the wall clock held still, so that no window boundary falls inside the test.
  let env: Env;
  let frozen = Date.now();
  const wall: Clock = { now: () => frozen };

  beforeAll(async () => {
    frozen = Date.now();
    env = await openEnv(engine, wall);
  });
  afterAll(() => closeEnv(env));

  /** A GET from another loopback address: the limit is per client address. */
  const statusFrom = (localAddress: string, url: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(url, { localAddress }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
    });

  it("answers 429 rate_limited past 60 requests from one address, and decides nothing", async () => {
    const { t, w } = env;
    const c = await approvedWithLink(env);
    const before = await w.a.incentives.get<ClaimJson>(`/api/v1/claims/${c.id}`);
    // Pages and API together: 60 requests for this link pass (the limit is per link and address:
    // test/hardening/consent-limit.test.ts shows other links' traffic does not count here).
    for (let i = 0; i < 60; i++) {
      const r =
        i % 2 === 0
          ? await t.anonymous.get(`/consent/${c.token}`)
          : await t.anonymous.get<ConsentJson>(`/api/v1/consent/${c.token}`);
      expect(r.status, `request ${i + 1}`).not.toBe(429);
    }
    const limited = await t.anonymous.get<ConsentJson>(`/api/v1/consent/${c.token}`);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("rate_limited");
    expect(limited.body.retryAfter).toBeGreaterThan(0);
    expect(limited.body.retryAfter).toBeLessThanOrEqual(600);

    const deny = await t.anonymous.post<ConsentJson>(`/api/v1/consent/${c.token}/deny`, { comment: "x" });
    expect(deny.status).toBe(429);
    expect(deny.body.code).toBe("rate_limited");
    expect((await t.anonymous.post<ConsentJson>(`/api/v1/consent/${c.token}/confirm`)).status).toBe(429);
    const pageLimited = await t.anonymous.get<string>(`/consent/${c.token}`);
    expect(pageLimited.status).toBe(429);
    expect(pageLimited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(pageLimited.body).toContain("Too many attempts.");
    expect(pageLimited.body).not.toContain("Contoso");

    const after = await w.a.incentives.get<ClaimJson>(`/api/v1/claims/${c.id}`);
    expect(after.body).toMatchObject({ status: "approved", consent: { status: "running" } });
    expect(after.body.version).toBe(before.body.version);

    // Another address is not affected.
    const port = new URL(t.server.url).port;
    expect(await statusFrom("127.0.0.2", `http://127.0.0.1:${port}/api/v1/consent/${c.token}`)).toBe(200);
    expect(await statusFrom("127.0.0.1", `http://127.0.0.1:${port}/api/v1/consent/${c.token}`)).toBe(429);
  });

  /** A GET from `localAddress`, with its status, headers and body. */
  const getFrom = (localAddress: string, url: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.get(url, { localAddress }, (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
    });

  it("does not hold a customer off their link after a scanner at the same address walked other links", async () => {
    const { t } = env;
    const c = await approvedWithLink(env);
    const port = new URL(t.server.url).port;
    const at = (token: string) => `http://127.0.0.1:${port}/api/v1/consent/${token}`;
    for (let i = 0; i < 100; i++) {
      const other = `${"x".repeat(40)}${String(i).padStart(3, "0")}`;
      expect((await getFrom("127.0.0.3", at(other))).status).toBe(404);
    }
    expect((await getFrom("127.0.0.3", at(c.token))).status).toBe(200);
  });

  it("answers the JSON 429 with Retry-After equal to retryAfterSeconds", async () => {
    const { t } = env;
    const c = await approvedWithLink(env);
    const url = `http://127.0.0.1:${new URL(t.server.url).port}/api/v1/consent/${c.token}`;
    for (let i = 0; i < 60; i++) expect((await getFrom("127.0.0.4", url)).status).toBe(200);
    const limited = await getFrom("127.0.0.4", url);
    expect(limited.status).toBe(429);
    expect(limited.headers["content-type"]).toContain("application/problem+json");
    const body = JSON.parse(limited.body) as { code: string; retryAfterSeconds: number };
    expect(body.code).toBe("rate_limited");
    expect(limited.headers["retry-after"]).toBe(String(body.retryAfterSeconds));
  });
});

describe.each(ENGINES)("the consent token and the server log on %s", (engine) => {
  // The token is the credential (anyone holding it may deny or confirm for the customer), so it must
  // not be written where the database's hash-only storage cannot protect it: the request log.
  let env: Env;
  const lines: string[] = [];

  beforeAll(async () => {
    const smtp = await startSmtp();
    const t = await startTestServer(engine, { smtpUrl: smtp.url, baseUrl: BASE_URL, logLevel: "info" });
    env = { t, smtp, w: await httpWorld(t) };
    expect((await t.admin.put("/api/v1/system/clock", { now: START })).status).toBe(200);
    // Capture what the server logs (pino's destination stream), instead of printing it.
    const log = t.server.app.log as unknown as Record<symbol, unknown>;
    let streamKey: symbol | undefined;
    for (let o: object | null = log; o && !streamKey; o = Object.getPrototypeOf(o))
      streamKey = Object.getOwnPropertySymbols(o).find((k) => k.description === "pino.stream");
    const stream = streamKey ? (log[streamKey] as { write(s: string): boolean }) : undefined;
    expect(stream).toBeDefined();
    if (stream)
      stream.write = (chunk: string) => {
        lines.push(String(chunk));
        return true;
      };
  });
  afterAll(() => closeEnv(env));

  it("requests on the link do not write the token to the log", async () => {
    const c = await approvedWithLink(env);
    const { t } = env;
    lines.length = 0;
    expect((await t.anonymous.get(`/api/v1/consent/${c.token}`)).status).toBe(200);
    expect((await t.anonymous.get(`/consent/${c.token}`)).status).toBe(200);
    expect((await t.anonymous.post(`/api/v1/consent/${c.token}/confirm`)).status).toBe(200);
    // The log is on, and it saw these requests.
    expect(lines.filter((l) => l.includes("/consent/")).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes(c.token))).toEqual([]);
  });
});
