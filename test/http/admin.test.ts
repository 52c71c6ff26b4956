// Administration over HTTP: customer registry CSV import (dry run, per-row errors, all or nothing),
// calendars and their effect on deadlines, partner IDs, roles and disabling, the catalog.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { Client, startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface ImportAnswer {
  rows: number;
  customers: number;
  subscriptions: number;
  imported: boolean;
  errors: { line: number; column: string; reason: string }[];
}

function csvForm(text: string): FormData {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/csv" }), "customers.csv");
  return form;
}

describe.each(ENGINES)("administration on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("imports the customer registry from CSV: a dry run lists every bad row, a bad file imports nothing", async () => {
    const a = randomUUID();
    const b = randomUUID();
    const sub = randomUUID();
    const good = `tenantId,domain,name,locale,subscriptionId,product,status\n${a},alpha.example,Alpha,en,${sub},d365_sales,active\n${b},beta.example,Beta,es,,,\n`;
    const bad = `tenantId,domain,name,locale,subscriptionId,product,status\n${a},alpha.example,Alpha,en,${sub},d365_sales,active\nnot-a-guid,beta.example,Beta,fr,${randomUUID()},nope,lost\n`;
    const dry = await t.admin.request<ImportAnswer>(
      "POST",
      "/api/v1/admin/customers/import?dryRun=true",
      csvForm(bad),
    );
    expect(dry.status).toBe(200);
    expect(dry.body.imported).toBe(false);
    expect(dry.body.errors.map((e) => `${e.line}:${e.column}`)).toEqual([
      "3:tenantId",
      "3:locale",
      "3:product",
      "3:status",
    ]);
    const real = await t.admin.request<ImportAnswer>(
      "POST",
      "/api/v1/admin/customers/import?dryRun=false",
      csvForm(bad),
    );
    expect(real.body.imported).toBe(false);
    expect((await t.admin.get<{ items: unknown[] }>(`/api/v1/customers?tenantId=${a}`)).body.items).toEqual(
      [],
    );
    const ok = await t.admin.request<ImportAnswer>(
      "POST",
      "/api/v1/admin/customers/import?dryRun=false",
      csvForm(good),
    );
    expect(ok.body).toMatchObject({ rows: 2, customers: 2, subscriptions: 1, imported: true, errors: [] });
    const again = await t.admin.request<ImportAnswer>(
      "POST",
      "/api/v1/admin/customers/import?dryRun=false",
      csvForm(good),
    );
    expect(again.body.imported).toBe(true);
    const found = await w.a.incentives.get<{ items: { domain: string; subscriptions: unknown[] }[] }>(
      "/api/v1/customers?domain=alpha.example",
    );
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]?.subscriptions).toHaveLength(1);
    const header = await t.admin.request<ImportAnswer>(
      "POST",
      "/api/v1/admin/customers/import",
      csvForm("a,b\n1,2\n"),
    );
    expect(header.body.errors[0]).toMatchObject({ line: 1, column: "row" });
    expect((await w.a.global.request("POST", "/api/v1/admin/customers/import", csvForm(good))).status).toBe(
      403,
    );
  });

  it("computes deadlines in an organisation's own calendar (Madrid holidays, Madrid time)", async () => {
    const bad = await t.admin.post("/api/v1/admin/calendars", {
      id: "mars",
      name: "Mars",
      region: "XX-YY",
      timeZone: "Mars/Olympus",
    });
    expect(bad.status).toBe(422);
    const cal = await t.admin.post("/api/v1/admin/calendars", {
      id: "madrid",
      name: "Madrid",
      region: "ES-MD",
      timeZone: "Europe/Madrid",
    });
    expect(cal.status).toBe(201);
    expect(
      (await t.admin.put(`/api/v1/admin/organizations/${w.b.id}/calendar`, { calendarId: "madrid" })).status,
    ).toBe(200);
    // Tue 30 April 2030, 10:00 in Madrid; 1 May and 2 May (Community of Madrid) are holidays there.
    expect((await t.admin.put("/api/v1/system/clock", { now: "2030-04-30T08:00:00.000Z" })).status).toBe(200);
    const p = w.b.incentives;
    const c = await p.post<{ id: string }>("/api/v1/claims", w.claimBody(w.b, await w.customer()));
    await p.upload(c.body.id, pdfBytes(), "poe.pdf");
    const submitted = await p.post<{ deadlines: { dueAt: string }[] }>(
      `/api/v1/claims/${c.body.id}/actions/submit`,
    );
    // Fri 3, Mon 6, Tue 7, Wed 8, Thu 9 May: due at 00:00 on Friday 10 May, Madrid summer time.
    expect(submitted.body.deadlines).toMatchObject([
      { kind: "review_start", dueAt: "2030-05-09T22:00:00.000Z" },
    ]);
  });

  it("adds partner IDs, changes roles, and disabling a user ends their sessions and tokens", async () => {
    expect(
      (await t.admin.post(`/api/v1/admin/organizations/${w.a.id}/partner-ids`, { partnerId: "7654000" }))
        .status,
    ).toBe(201);
    expect(
      (await t.admin.post(`/api/v1/admin/organizations/${w.b.id}/partner-ids`, { partnerId: "7654000" }))
        .status,
    ).toBe(422);
    const extra = await t.userClient("incentives_admin", w.a.id);
    const promoted = await w.a.global.patch<{ role: string }>(`/api/v1/admin/users/${extra.userId}`, {
      role: "billing_admin",
    });
    expect(promoted).toMatchObject({ status: 200, body: { role: "billing_admin" } });
    expect((await w.a.global.patch(`/api/v1/admin/users/${extra.userId}`, { role: "reviewer" })).status).toBe(
      422,
    );
    expect((await w.a.incentives.patch(`/api/v1/admin/users/${extra.userId}`, { name: "x" })).status).toBe(
      403,
    );
    expect((await extra.get("/api/v1/session")).status).toBe(200);
    expect((await w.a.global.patch(`/api/v1/admin/users/${extra.userId}`, { disabled: true })).status).toBe(
      200,
    );
    expect((await extra.get("/api/v1/session")).status).toBe(401);
    const signIn = await new Client(t.server.url).post("/api/v1/session", { email: "nobody", password: "x" });
    expect(signIn.status).toBe(401);
  });

  it("edits the catalog: a product taken off the offer cannot be claimed", async () => {
    expect(
      (
        await t.admin.post("/api/v1/admin/catalog/products", {
          code: "fabric",
          name: "Microsoft Fabric",
          solutionArea: "data_ai",
          basis: "workload",
        })
      ).status,
    ).toBe(201);
    const products = await w.a.incentives.get<{ items: { code: string }[] }>("/api/v1/catalog/products");
    expect(products.body.items.map((p) => p.code)).toContain("fabric");
    expect(
      (await t.admin.patch("/api/v1/admin/catalog/products/fabric", { active: false })).body,
    ).toMatchObject({ active: false });
    const claim = await w.a.incentives.post<{ code: string; errors: { field: string }[] }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer(), ["fabric"]),
    );
    expect(claim.status).toBe(422);
    expect(claim.body.errors.map((e) => e.field)).toContain("products");
    expect(
      (
        await w.a.global.post("/api/v1/admin/catalog/products", {
          code: "x1",
          name: "X",
          solutionArea: "x",
          basis: "workload",
        })
      ).status,
    ).toBe(403);
  });
});
