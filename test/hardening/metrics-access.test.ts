// Issue 12.8: /metrics was public. With METRICS_TOKEN it wants that bearer token; without it only
// loopback callers are answered (judged as a unit: tests send traffic to loopback only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { isLoopback } from "../../src/server/http/metrics-access.ts";
import { Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { ENGINES } from "../support/engines.ts";

const TOKEN = "metrics-token-0123456789abcdef";

describe.each(ENGINES)("/metrics on %s", (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine, { metricsToken: TOKEN });
  });
  afterAll(() => t.stop());

  it("answers only the scraper that sends the metrics token", async () => {
    const none = await t.anonymous.get("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect((await new Client(t.server.url, "not-the-token").get("/metrics")).status).toBe(401);
    // A user's own access token is no metrics token.
    expect((await t.admin.get("/metrics")).status).toBe(401);
    const ok = await new Client(t.server.url, TOKEN).get<string>("/metrics");
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("http_request");
  });
});

describe("/metrics without a token", () => {
  it("is for loopback callers only", () => {
    for (const a of ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"])
      expect(isLoopback(a), a).toBe(true);
    for (const a of [
      "10.0.0.1",
      "192.168.1.2",
      "::ffff:10.0.0.1",
      "fe80::1",
      "::",
      "0.0.0.0",
      "2001:db8::1",
      undefined,
    ])
      expect(isLoopback(a), String(a)).toBe(false);
  });

  it("reads METRICS_TOKEN from the environment and refuses a short one", () => {
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});
