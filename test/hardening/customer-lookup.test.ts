// Issue 12.8: a partner could read any registry customer whole by exact domain or tenant id. Now a
// partner sees what filing needs (no registry language), the operator sees the entry whole, and the
// look-up is rate limited so the registry cannot be walked.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/context.ts";
import { DEFAULT_RATE_LIMITS } from "../../src/server/rate-limit-settings.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

describe.each(ENGINES)("customer look-up on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  const wall = new ManualClock(Math.ceil(Date.now() / 60_000) * 60_000);
  const tenantId = randomUUID();
  beforeAll(async () => {
    t = await startTestServer(
      engine,
      { rateLimits: { ...DEFAULT_RATE_LIMITS, lookups: { user: 3, organization: 100 } } },
      undefined,
      { wall },
    );
    w = await httpWorld(t);
    const r = await t.admin.post("/api/v1/admin/customers", {
      tenantId,
      domain: "lookup.example",
      name: "Lookup Ltd",
      locale: "es",
      subscriptions: [{ id: randomUUID(), product: "d365_sales", status: "active" }],
    });
    expect(r.status).toBe(201);
  });
  afterAll(() => t.stop());

  type Found = { items: Record<string, unknown>[] };

  it("shows a partner what filing needs and the operator everything", async () => {
    const partner = await w.a.incentives.get<Found>("/api/v1/customers?domain=lookup.example");
    expect(partner.status).toBe(200);
    expect(partner.body.items).toHaveLength(1);
    expect(partner.body.items[0]).toMatchObject({ tenantId, domain: "lookup.example", name: "Lookup Ltd" });
    expect(partner.body.items[0]?.locale).toBeNull();
    expect(partner.body.items[0]?.subscriptions).toHaveLength(1);
    const operator = await w.reviewer.get<Found>(`/api/v1/customers?tenantId=${tenantId}`);
    expect(operator.body.items[0]?.locale).toBe("es");
    // Exact matches only: a prefix finds nothing.
    expect((await w.a.incentives.get<Found>("/api/v1/customers?domain=lookup")).body.items).toEqual([]);
  });

  it("limits look-ups per user", async () => {
    wall.advance(60_000);
    for (let i = 0; i < 3; i++)
      expect((await w.b.incentives.get(`/api/v1/customers?tenantId=${randomUUID()}`)).status).toBe(200);
    const limited = await w.b.incentives.get(`/api/v1/customers?tenantId=${randomUUID()}`);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
