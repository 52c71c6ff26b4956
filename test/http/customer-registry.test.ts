// The customer registry screen's API (issue 11): GET /api/v1/admin/customers, searched by name,
// domain or tenant ID and paged with a cursor, for the programme only; the review queue's search.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface Page {
  items: {
    tenantId: string;
    domain: string;
    name: string;
    locale: string | null;
    subscriptions: unknown[];
  }[];
  nextCursor: string | null;
}

describe.each(ENGINES)("the customer registry on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  const tag = randomUUID().slice(0, 8);
  const made: { tenantId: string; domain: string; name: string }[] = [];
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    for (const n of ["Delta", "alpha", "Charlie", "Bravo", "Echo"]) {
      const c = {
        tenantId: randomUUID(),
        domain: `${n.toLowerCase()}-${tag}.example`,
        name: `${n} ${tag} Ltd`,
      };
      const saved = await t.admin.post("/api/v1/admin/customers", {
        ...c,
        locale: "es",
        subscriptions: [{ id: randomUUID(), product: "d365_sales", status: "active" }],
      });
      expect(saved.status).toBe(201);
      made.push(c);
    }
  });
  afterAll(() => t.stop());

  const get = (query: string) => t.admin.get<Page>(`/api/v1/admin/customers?${query}`);

  it("searches by part of the name (any case), the start of the domain, or the tenant ID", async () => {
    const byName = await get(`q=${encodeURIComponent(`CHARLIE ${tag}`)}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((c) => c.name)).toEqual([`Charlie ${tag} Ltd`]);
    expect(byName.body.items[0]?.subscriptions).toHaveLength(1);
    expect(byName.body.items[0]?.locale).toBe("es");
    const byDomain = await get(`q=bravo-${tag}.ex`);
    expect(byDomain.body.items.map((c) => c.domain)).toEqual([`bravo-${tag}.example`]);
    const target = made[4];
    const byTenant = await get(`q=${target?.tenantId.toUpperCase()}`);
    expect(byTenant.body.items.map((c) => c.tenantId)).toEqual([target?.tenantId]);
    const none = await get("q=%25");
    expect(none.status).toBe(200);
    expect(none.body.items.filter((c) => c.name.includes(tag))).toEqual([]);
  });

  it("pages by name then tenant ID with a cursor, every customer once", async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: { status: number; body: Page } = await get(
        `q=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(2);
      names.push(...answer.body.items.map((c) => c.name));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    // Ordered by name as the database compares it; each of the five exactly once.
    expect(new Set(names).size).toBe(5);
    expect([...names].sort((a, b) => a.localeCompare(b, "en"))).toEqual(
      ["alpha", "Bravo", "Charlie", "Delta", "Echo"].map((n) => `${n} ${tag} Ltd`),
    );
  });

  it("is the programme's: partners and reviewers are refused; a foreign cursor is a 422", async () => {
    expect((await w.a.global.get("/api/v1/admin/customers")).status).toBe(403);
    expect((await w.reviewer.get("/api/v1/admin/customers")).status).toBe(403);
    expect((await t.anonymous.get("/api/v1/admin/customers")).status).toBe(401);
    const bad = await get("cursor=bm90LWpzb24");
    expect(bad.status).toBe(422);
  });

  it("the review queue searches as the dashboard does", async () => {
    const customer = await w.customer();
    const created = await w.a.incentives.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, customer),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await w.a.incentives.upload(id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(201);
    expect((await w.a.incentives.post(`/api/v1/claims/${id}/actions/submit`)).status).toBe(200);
    const answer = await w.reviewer.get<{ items: { id: string }[] }>(
      `/api/v1/review/queue?q=${encodeURIComponent(customer.domain.toUpperCase())}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((c) => c.id)).toEqual([id]);
    const other = await w.reviewer.get<{ items: { id: string }[] }>(`/api/v1/review/queue?q=no-such-${tag}`);
    expect(other.body.items).toEqual([]);
  });
});
