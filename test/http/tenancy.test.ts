// Tenancy: every object route, called by a user of another organisation, answers 404. The list of
// routes comes from the server itself, so a new route that is not classified here fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

type Expectation =
  | { kind: "object"; body?: unknown }
  | { kind: "web"; why: string }
  | { kind: "list"; path: string }
  | { kind: "own"; why: string }
  | { kind: "public" };

const ACTION_BODIES: Record<string, unknown> = {
  submit: {},
  "start-review": {},
  "request-information": { reasons: ["missing_products"], comment: "x" },
  resubmit: { comment: "x" },
  approve: {},
  reject: { reasons: ["insufficient_poe"], comment: "x" },
  withdraw: { reason: "other" },
  dispute: { justification: "x" },
  "uphold-dispute": { comment: "x" },
  "overturn-dispute": { comment: "x", to: "under_review" },
  copy: {},
};

/** Every route the server registers must appear here. */
const ROUTES: Record<string, Expectation> = {
  "GET /": { kind: "web", why: "the web app's page (only when web/dist is built)" },
  "GET /assets/*": { kind: "web", why: "the web app's hashed files (only when built)" },
  "GET /healthz": { kind: "public" },
  "GET /readyz": { kind: "public" },
  "GET /metrics": { kind: "public" },
  "GET /openapi.json": { kind: "public" },
  "POST /api/v1/session": { kind: "public" },
  "GET /api/v1/session": { kind: "own", why: "the caller's own session" },
  "PATCH /api/v1/session": { kind: "own", why: "the caller's own preferences" },
  "DELETE /api/v1/session": { kind: "own", why: "the caller's own session" },
  "POST /api/v1/tokens": { kind: "own", why: "creates the caller's own token" },
  "GET /api/v1/tokens": { kind: "own", why: "lists the caller's own tokens" },
  "DELETE /api/v1/tokens/:id": { kind: "object" },
  "GET /api/v1/session/providers": { kind: "public" },
  "GET /api/v1/session/oidc/:providerId/start": { kind: "public" },
  "GET /api/v1/session/oidc/callback": { kind: "public" },
  "POST /api/v1/session/oidc/backchannel-logout": { kind: "public" },
  "GET /api/v1/admin/identity-providers": {
    kind: "own",
    why: "a global admin lists its own organisation's (test/oidc/identity-providers.test.ts)",
  },
  "POST /api/v1/admin/identity-providers": {
    kind: "own",
    why: "another organisation's id is 404 (test/oidc/identity-providers.test.ts)",
  },
  "POST /api/v1/admin/identity-providers/discovery": {
    kind: "own",
    why: "stores nothing; reads only the issuer the caller names (test/oidc/oidc-refusal-reasons.test.ts)",
  },
  "PATCH /api/v1/admin/identity-providers/:id": { kind: "object", body: { name: "taken over" } },
  "DELETE /api/v1/admin/identity-providers/:id": { kind: "object" },
  "GET /api/v1/claims": { kind: "list", path: "/api/v1/claims" },
  "GET /api/v1/claims/summary": { kind: "list", path: "/api/v1/claims/summary" },
  "GET /api/v1/claims/export.csv": { kind: "list", path: "/api/v1/claims/export.csv" },
  "GET /api/v1/claim-imports/template.csv": { kind: "own", why: "the same template for everyone" },
  "POST /api/v1/claim-imports": { kind: "own", why: "files into the caller's own organisation" },
  "GET /api/v1/claim-imports": { kind: "own", why: "lists the caller's organisation's files" },
  "GET /api/v1/claim-imports/:id": {
    kind: "own",
    why: "another organisation's is 404 (test/bulk/bulk-filing.test.ts)",
  },
  "POST /api/v1/claim-imports/:id/documents": {
    kind: "own",
    why: "another organisation's is 404 (test/bulk/bulk-filing.test.ts)",
  },
  "POST /api/v1/claims": {
    kind: "own",
    why: "creates a claim in the caller's organisation (partner ID checked)",
  },
  "GET /api/v1/claims/:id": { kind: "object" },
  "PATCH /api/v1/claims/:id": { kind: "object", body: { partnerContact: { name: "X" } } },
  "POST /api/v1/claims/:id/documents": { kind: "object" },
  "GET /api/v1/claims/:id/documents": { kind: "object" },
  "GET /api/v1/claims/:id/documents/:documentId/content": { kind: "object" },
  "GET /api/v1/claims/:id/comments": { kind: "object" },
  "POST /api/v1/claims/:id/comments": { kind: "object", body: { body: "hello" } },
  "GET /api/v1/claims/:id/history": { kind: "object" },
  ...Object.fromEntries(
    Object.entries(ACTION_BODIES).map(([a, body]) => [
      `POST /api/v1/claims/:id/actions/${a}`,
      { kind: "object", body },
    ]),
  ),
  "GET /api/v1/review/queue": { kind: "own", why: "reviewers only (403 for partners)" },
  "GET /api/v1/review/metrics": { kind: "own", why: "the operator's service levels (403 for partners)" },
  "GET /api/v1/catalog/products": { kind: "own", why: "the shared catalog" },
  "GET /api/v1/templates/poe.pdf": { kind: "own", why: "the same blank template for everyone" },
  "GET /api/v1/catalog/activities": { kind: "own", why: "the shared catalog" },
  "GET /api/v1/customers": { kind: "own", why: "registry lookup, needed to file a claim" },
  "POST /api/v1/admin/organizations": { kind: "own", why: "program admin only" },
  "GET /api/v1/admin/organizations": { kind: "list", path: "/api/v1/admin/organizations" },
  "GET /api/v1/admin/organizations/:id": { kind: "object" },
  "POST /api/v1/admin/users": {
    kind: "own",
    why: "global admins create users in their own organisation only",
  },
  "GET /api/v1/admin/users": { kind: "list", path: "/api/v1/admin/users" },
  "POST /api/v1/admin/customers": { kind: "own", why: "program admin only" },
  "GET /api/v1/admin/customers": {
    kind: "own",
    why: "program admin only: the registry, shared by the programme",
  },
  "POST /api/v1/admin/customers/import": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/organizations/:id/partner-ids": { kind: "object", body: { partnerId: "7777777" } },
  "PUT /api/v1/admin/organizations/:id/calendar": { kind: "object", body: { calendarId: null } },
  "PATCH /api/v1/admin/users/:id": { kind: "object", body: { name: "Renamed" } },
  "GET /api/v1/admin/calendars": { kind: "own", why: "calendars are shared configuration" },
  "POST /api/v1/admin/calendars": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/catalog/products": { kind: "own", why: "program admin only" },
  "PATCH /api/v1/admin/catalog/products/:code": {
    kind: "own",
    why: "program admin only; the catalog is shared",
  },
  "GET /api/v1/system/clock": { kind: "own", why: "the claims clock" },
  "PUT /api/v1/system/clock": { kind: "own", why: "program admin only" },
  "POST /api/v1/system/sweep": { kind: "own", why: "program admin only" },
  "GET /api/v1/consent/:token": { kind: "public" },
  "POST /api/v1/consent/:token/deny": { kind: "public" },
  "POST /api/v1/consent/:token/confirm": { kind: "public" },
  "GET /consent/:token": { kind: "public" },
  "POST /consent/:token": { kind: "public" },
  "GET /api/v1/notifications": { kind: "own", why: "the caller's own notifications" },
  "POST /api/v1/notifications/:id/read": { kind: "object" },
  "POST /api/v1/notifications/read-all": { kind: "own", why: "the caller's own notifications" },
  "GET /api/v1/admin/mail/summary": { kind: "own", why: "program admin only" },
  "GET /api/v1/admin/mail": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/mail/retry": { kind: "own", why: "program admin only" },
  "GET /api/v1/webhooks": { kind: "own", why: "the caller's organisation's endpoints" },
  "POST /api/v1/webhooks": { kind: "own", why: "registers for the caller's organisation" },
  "GET /api/v1/webhooks/:id": { kind: "object" },
  "PATCH /api/v1/webhooks/:id": { kind: "object", body: { description: "taken over" } },
  "DELETE /api/v1/webhooks/:id": { kind: "object" },
  "POST /api/v1/webhooks/:id/rotate-secret": { kind: "object" },
  "POST /api/v1/webhooks/:id/resume": { kind: "object" },
  "GET /api/v1/webhooks/:id/deliveries": { kind: "object" },
  "POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver": { kind: "object" },
  "GET /api/v1/programs": { kind: "own", why: "the programmes are shared configuration" },
  "POST /api/v1/admin/programs": { kind: "own", why: "program admin only" },
  "PATCH /api/v1/admin/programs/:code": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/programs/:code/enrollments": { kind: "own", why: "program admin only" },
  "DELETE /api/v1/admin/programs/:code/enrollments/:organizationId": {
    kind: "own",
    why: "program admin only",
  },
  "POST /api/v1/admin/eligibility/reassess": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/revenue/imports": { kind: "own", why: "program admin only" },
  "GET /api/v1/admin/revenue/imports": { kind: "own", why: "program admin only" },
  "GET /api/v1/earnings": { kind: "list", path: "/api/v1/earnings?month=2030-01" },
  "GET /api/v1/payouts": { kind: "list", path: "/api/v1/payouts" },
  "GET /api/v1/payouts/:id": { kind: "own", why: "tested in test/incentives (404 for another organisation)" },
  "GET /api/v1/payouts/:id/export.csv": { kind: "own", why: "tested in test/incentives" },
  "POST /api/v1/payouts/:id/lines/:lineId/dispute": { kind: "own", why: "tested in test/incentives" },
  "POST /api/v1/payouts/:id/lines/:lineId/resolve-dispute": {
    kind: "own",
    why: "program admin only; another statement's line is 404 (test/incentives/line-disputes)",
  },
  "POST /api/v1/admin/payouts/calculate": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/payouts/:id/approve": { kind: "own", why: "program admin only" },
  "POST /api/v1/admin/payouts/:id/paid": { kind: "own", why: "program admin only" },
};

describe.each(ENGINES)("tenancy on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let claimId: string;
  let documentId: string;
  let tokenId: string;
  let webhookId: string;
  let deliveryId: string;
  let notificationId: string;
  let historyLength: number;
  let providerId: string;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    const hook = await w.a.global.post<{ id: string }>("/api/v1/webhooks", {
      // Loopback (allowed in the test setup): a name that does not resolve is refused at registration.
      url: "http://127.0.0.1:9/in",
    });
    webhookId = hook.body.id;
    const c = await w.a.incentives.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    claimId = c.body.id;
    documentId = String((await w.a.incentives.upload(claimId, pdfBytes(), "poe.pdf")).body.id);
    tokenId = (await w.a.global.post<{ id: string }>("/api/v1/tokens", { name: "a's token" })).body.id;
    // A reviewer's comment notifies organisation a's admins; the webhook gets deliveries. On a
    // submitted claim of a's: the draft above does not exist for the operator (RULES.md §1).
    const submitted = (
      await w.a.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(w.a, await w.customer()))
    ).body.id;
    await w.a.incentives.upload(submitted, pdfBytes(), "poe.pdf");
    await w.a.incentives.post(`/api/v1/claims/${submitted}/actions/submit`);
    await w.reviewer.post(`/api/v1/claims/${submitted}/comments`, { body: "a question" });
    await t.server.notifier.runOnce();
    const notes = await w.a.global.get<{ items: { id: string }[] }>("/api/v1/notifications");
    notificationId = notes.body.items[0]?.id ?? "";
    const deliveries = await w.a.global.get<{ items: { id: string }[] }>(
      `/api/v1/webhooks/${webhookId}/deliveries`,
    );
    deliveryId = deliveries.body.items[0]?.id ?? "";
    expect([notificationId, deliveryId].every((x) => x.length > 0)).toBe(true);
    const history = await w.a.incentives.get<{ items: unknown[] }>(`/api/v1/claims/${claimId}/history`);
    historyLength = history.body.items.length;
    const idp = await w.a.global.post<{ id: string }>("/api/v1/admin/identity-providers", {
      organizationId: w.a.id,
      name: "A's IdP",
      issuer: "https://idp.a.example",
      clientId: "claimdesk",
      allowedDomains: ["a.example"],
      roleMapping: { claim: "groups", values: {}, default: "incentives_admin" },
    });
    providerId = idp.body.id;
    expect(idp.status).toBe(201);
  });
  afterAll(() => t.stop());

  it("knows every registered route", () => {
    const registered = t.server.routes
      .filter((r) => !r.url.startsWith("/docs"))
      .map((r) => `${r.method} ${r.url}`);
    const unknown = registered.filter((r) => !(r in ROUTES));
    expect(unknown).toEqual([]);
    expect(
      Object.entries(ROUTES)
        .filter(([r, e]) => e.kind !== "web" && !registered.includes(r))
        .map(([r]) => r),
    ).toEqual([]);
  });

  const objectId = (url: string) =>
    url.includes("/organizations/") ? w.a.id : url.includes("/users/") ? w.a.incentives.userId : claimId;

  it("answers 404 to another organisation on every object route", async () => {
    const results: Record<string, number> = {};
    for (const [route, e] of Object.entries(ROUTES)) {
      if (e.kind !== "object") continue;
      const [method = "GET", url = ""] = route.split(" ");
      const id = url.includes("/tokens/")
        ? tokenId
        : url.includes("/identity-providers/")
          ? providerId
          : url.includes("/webhooks/")
            ? webhookId
            : url.includes("/notifications/")
              ? notificationId
              : objectId(url);
      const path = url
        .replace(":id", id)
        .replace(":documentId", documentId)
        .replace(":deliveryId", deliveryId);

      for (const intruder of [w.b.global, w.b.incentives, w.b.billing]) {
        const r =
          route === "POST /api/v1/claims/:id/documents"
            ? await intruder.upload(claimId, pdfBytes(), "x.pdf")
            : await intruder.request(
                method,
                path,
                method === "GET" || method === "DELETE" ? undefined : (e.body ?? {}),
              );
        results[
          `${route} as ${intruder === w.b.global ? "global" : intruder === w.b.incentives ? "incentives" : "billing"}`
        ] = r.status;
      }
    }
    const wrong = Object.entries(results).filter(([, status]) => status !== 404);
    expect(wrong).toEqual([]);
    expect(Object.keys(results).length).toBeGreaterThan(40);
    // Nothing happened to the claim.
    const history = await w.a.incentives.get<{ items: unknown[] }>(`/api/v1/claims/${claimId}/history`);
    expect(history.body.items).toHaveLength(historyLength);
    const hook = await w.a.global.get<{ description: string }>(`/api/v1/webhooks/${webhookId}`);
    expect(hook.status).toBe(200);
    expect(hook.body.description).toBe("");
  });

  it("never lists another organisation's claims, counts, users or organisations", async () => {
    const list = await w.b.global.get<{ items: { id: string }[] }>("/api/v1/claims");
    expect(list.body.items.map((c) => c.id)).not.toContain(claimId);
    const csv = await w.b.global.get<string>("/api/v1/claims/export.csv");
    expect(csv.body).not.toContain(claimId.slice(0, 8));
    const summary = await w.b.global.get<{ counts: Record<string, number> }>("/api/v1/claims/summary");
    expect(summary.body.counts.editing).toBe(0);
    const users = await w.b.global.get<{ items: { organizationId: string }[] }>("/api/v1/admin/users");
    expect(users.body.items.every((u) => u.organizationId === w.b.id)).toBe(true);
    const orgs = await w.b.global.get<{ items: { id: string }[] }>("/api/v1/admin/organizations");
    expect(orgs.body.items.map((o) => o.id)).toEqual([w.b.id]);
    // The operator sees every organisation's claims, but not a partner's unsubmitted draft (this one).
    const all = await w.reviewer.get<{ items: { id: string }[] }>("/api/v1/claims");
    expect(all.body.items.map((c) => c.id)).not.toContain(claimId);
    const own = await w.a.global.get<{ items: { id: string }[] }>("/api/v1/claims");
    expect(own.body.items.map((c) => c.id)).toContain(claimId);
  });
});
