// Malformed requests answer 4xx problem+json, the same way on both engines (issue 12.5): multipart
// without a boundary, over-long path parameters (414), header overflow (431), weak validators in
// If-Match, NUL and lone surrogates in any string of a JSON body.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

const PROBLEM = "application/problem+json";

/** A raw request, for what fetch will not send (a 20 KB header). */
function raw(base: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe.each(ENGINES)("malformed requests on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let claimId: string;

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    claimId = c.body.id;
  });
  afterAll(() => t.stop());

  it("multipart/form-data without a boundary is a 4xx problem on every upload and import route", async () => {
    const routes = [
      { client: w.a.incentives, path: `/api/v1/claims/${claimId}/documents` },
      { client: t.admin, path: "/api/v1/admin/customers/import?dryRun=true" },
      { client: t.admin, path: "/api/v1/admin/revenue/imports?dryRun=true" },
    ];
    for (const { client, path } of routes) {
      const r = await fetch(`${client.base}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${client.token}`, "content-type": "multipart/form-data" },
        body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc\r\n--x--\r\n',
      });
      expect({ path, status: r.status, type: r.headers.get("content-type") }).toEqual({
        path,
        status: 415,
        type: expect.stringContaining(PROBLEM),
      });
      expect(await r.json()).toMatchObject({ code: "file_rejected" });
    }
    expect((await t.anonymous.get("/healthz")).status).toBe(200);
  });

  it("an over-long path parameter answers 414 as problem+json", async () => {
    const r = await w.a.incentives.get(`/api/v1/claims/${"x".repeat(500)}`);
    expect(r.status).toBe(414);
    expect(r.headers.get("content-type")).toContain(PROBLEM);
    expect(r.body).toMatchObject({ status: 414, code: "uri_too_long" });
  });

  it("a header block over the server's limit answers 431 as problem+json", async () => {
    const r = await raw(t.server.url, "/healthz", { "x-filler": "y".repeat(20_000) });
    expect(r.status).toBe(431);
    expect(r.type).toContain(PROBLEM);
    expect(JSON.parse(r.body)).toMatchObject({ status: 431, code: "headers_too_large" });
  });

  it("a malformed percent-encoding in the path answers 400 as problem+json", async () => {
    const r = await raw(t.server.url, "/api/v1/claims/%E0%A4%A", {
      authorization: `Bearer ${w.a.incentives.token}`,
    });
    expect(r.status).toBe(400);
    expect(r.type).toContain(PROBLEM);
  });

  it("a weak validator in If-Match never matches (412) on PATCH and on actions, and changes nothing", async () => {
    const before = await w.a.incentives.get<{ version: number }>(`/api/v1/claims/${claimId}`);
    const weak = { "if-match": `W/"${before.body.version}"` };
    const patch = await w.a.incentives.patch(`/api/v1/claims/${claimId}`, { products: ["teams"] }, weak);
    expect(patch.status).toBe(412);
    expect(patch.headers.get("content-type")).toContain(PROBLEM);
    expect(patch.body).toMatchObject({ code: "version_mismatch" });
    const act = await w.a.incentives.post(
      `/api/v1/claims/${claimId}/actions/withdraw`,
      { reason: "other" },
      weak,
    );
    expect(act.status).toBe(412);
    const after = await w.a.incentives.get<{ version: number; status: string }>(`/api/v1/claims/${claimId}`);
    expect(after.body).toMatchObject({ version: before.body.version, status: "editing" });
    // The strong form of the same tag still works.
    const strong = await w.a.incentives.patch(
      `/api/v1/claims/${claimId}`,
      { products: ["teams"] },
      { "if-match": `"${before.body.version}"` },
    );
    expect(strong.status).toBe(200);
  });

  for (const [what, bad] of [
    ["a NUL (U+0000)", "before\u0000after"],
    ["a lone high surrogate", "before\ud800after"],
    ["a lone low surrogate", "before\udc00after"],
  ] as const) {
    it(`${what} in a comment or a customer name is refused with 422 validation_failed`, async () => {
      const comment = await w.a.incentives.post(`/api/v1/claims/${claimId}/comments`, { body: bad });
      expect(comment.status).toBe(422);
      expect(comment.headers.get("content-type")).toContain(PROBLEM);
      expect(comment.body).toMatchObject({ code: "validation_failed", errors: [{ field: "body" }] });
      const customer = await t.admin.post("/api/v1/admin/customers", {
        tenantId: crypto.randomUUID(),
        domain: `n${Date.now()}.example.com`,
        name: bad,
        subscriptions: [],
      });
      expect(customer.status).toBe(422);
      expect(customer.body).toMatchObject({ code: "validation_failed", errors: [{ field: "name" }] });
      const claim = await w.a.incentives.post("/api/v1/claims", {
        ...w.claimBody(w.a, await w.customer()),
        partnerContact: { name: bad, email: "paula@partner.example" },
      });
      expect(claim.status).toBe(422);
      expect(claim.body).toMatchObject({ errors: [{ field: "partnerContact.name" }] });
      const thread = await w.a.incentives.get<{ items: { body: string }[] }>(
        `/api/v1/claims/${claimId}/comments`,
      );
      expect(thread.body.items.some((c) => c.body.startsWith("before"))).toBe(false);
    });
  }

  it("a NUL in a query string or a path parameter is refused with 422, not a database error", async () => {
    const q = await w.a.incentives.get(`/api/v1/claims?q=a%00b`);
    expect(q.status).toBe(422);
    expect(q.body).toMatchObject({ code: "validation_failed" });
    const id = await w.a.incentives.get(`/api/v1/claims/a%00b`);
    expect([404, 422]).toContain(id.status);
    expect(id.headers.get("content-type")).toContain(PROBLEM);
  });

  it("well-formed text (astral characters, a surrogate pair written as escapes) is kept as is", async () => {
    const text = "ok \u{1F600} \ud83d\ude00 é";
    const r = await w.a.incentives.post<{ body: string }>(`/api/v1/claims/${claimId}/comments`, {
      body: text,
    });
    expect(r.status).toBe(201);
    expect(r.body.body).toBe(text);
  });
});
