// /openapi.json is a valid OpenAPI 3.1 document, generated from the route schemas, with every
// operation's error responses; /docs shows it.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./http-support.ts";

describe("the OpenAPI document", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
  });
  afterAll(() => t.stop());

  it("is valid OpenAPI 3.1 and covers every API route with its error responses", async () => {
    const doc = (
      await t.anonymous.get<{
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      }>("/openapi.json")
    ).body;
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const apiRoutes = t.server.routes.filter((r) => r.url.startsWith("/api/"));
    const missing: string[] = [];
    const withoutErrors: string[] = [];
    for (const r of apiRoutes) {
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      if (!op) missing.push(`${r.method} ${r.url}`);
      else if (!Object.keys(op.responses).some((s) => Number(s) >= 400))
        withoutErrors.push(`${r.method} ${r.url}`);
    }
    expect(missing).toEqual([]);
    expect(withoutErrors).toEqual([]);
    expect(apiRoutes.length).toBeGreaterThan(30);
  });

  it("is shown at /docs", async () => {
    const res = await fetch(`${t.server.url}/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("swagger");
  });

  it("serves Prometheus metrics: request durations, claims per status, deadlines fired, outbox backlog", async () => {
    await t.anonymous.get("/healthz");
    const text = (await t.anonymous.get<string>("/metrics")).body;
    for (const name of [
      "claimdesk_http_request_duration_seconds_bucket",
      "claimdesk_claims",
      "claimdesk_deadlines_fired_total",
      "claimdesk_outbox_backlog",
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(
      /claimdesk_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });
});
