// A client generated from the served document (openapi-typescript types + openapi-fetch) runs a
// claim's lifecycle against a real server: create with an Idempotency-Key (and its replay), upload
// the PoE as multipart, submit, start the review with If-Match, approve, and read a refused action
// as a typed problem. Type-checked under the repository's strict tsc, without casts.
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { components, paths } from "../../src/contract/api.d.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

type ClaimCreate = components["schemas"]["ClaimCreate"];

const clientFor = (base: string, token: string | undefined) =>
  createClient<paths>({ baseUrl: base, headers: { authorization: `Bearer ${token ?? ""}` } });

/** The answer's data, or a failure that shows the status and the problem. */
function ok<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.data === undefined) throw new Error(`${r.response.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

function etagOf(response: Response): string {
  const etag = response.headers.get("ETag");
  if (!etag) throw new Error(`no ETag on ${response.url}`);
  return etag;
}

describe.each(ENGINES)("the generated client on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("runs a claim from creation to approval, and reads a refusal as a typed problem", async () => {
    const partner = clientFor(t.server.url, w.a.incentives.token);
    const reviewer = clientFor(t.server.url, w.reviewer.token);
    const customer = await w.customer();
    const body: ClaimCreate = {
      partnerId: w.a.partnerId,
      customer: { tenantId: customer.tenantId, domain: customer.domain, name: "Customer Ltd" },
      activity: "deployment",
      products: ["teams"],
      customerContact: { name: "Casey", email: "casey@customer.example", locale: "en" },
      partnerContact: { name: "Paula", email: "paula@partner.example" },
    };

    const key = randomUUID();
    const create = () =>
      partner.POST("/api/v1/claims", { body, params: { header: { "Idempotency-Key": key } } });
    const created = await create();
    expect(created.response.status).toBe(201);
    const claim = ok(created);
    expect(claim.status).toBe("editing");
    expect(created.response.headers.get("Location")).toBe(`/api/v1/claims/${claim.id}`);
    const replay = await create();
    expect(replay.response.status).toBe(201);
    expect(replay.response.headers.get("Idempotent-Replayed")).toBe("true");
    expect(ok(replay).id).toBe(claim.id);

    const path = { id: claim.id };
    const uploaded = await partner.POST("/api/v1/claims/{id}/documents", {
      params: { path },
      body: { file: new Blob([pdfBytes()], { type: "application/pdf" }) },
      bodySerializer: (b) => {
        const form = new FormData();
        form.append("file", b.file, "proof-of-execution.pdf");
        return form;
      },
    });
    expect(uploaded.response.status).toBe(201);
    expect(ok(uploaded).filename).toBe("proof-of-execution.pdf");

    const submitted = await partner.POST("/api/v1/claims/{id}/actions/submit", {
      params: { path, header: { "If-Match": etagOf(created.response) } },
      body: {},
    });
    expect(ok(submitted).status).toBe("submitted");

    const seen = await reviewer.GET("/api/v1/claims/{id}", { params: { path } });
    const stale = etagOf(created.response);
    const started = await reviewer.POST("/api/v1/claims/{id}/actions/start-review", {
      params: { path, header: { "If-Match": etagOf(seen.response) } },
      body: {},
    });
    expect(ok(started).status).toBe("under_review");

    const conflict = await reviewer.POST("/api/v1/claims/{id}/actions/approve", {
      params: { path, header: { "If-Match": stale } },
      body: {},
    });
    expect(conflict.response.status).toBe(412);
    expect(conflict.error?.code).toBe("version_mismatch");

    const approved = await reviewer.POST("/api/v1/claims/{id}/actions/approve", {
      params: { path, header: { "If-Match": etagOf(started.response) } },
      body: { comment: "All proof in order" },
    });
    const final = ok(approved);
    expect(final.status).not.toBe("under_review");
    expect(final.version).toBeGreaterThan(ok(started).version);

    const refused = await partner.POST("/api/v1/claims/{id}/actions/submit", { params: { path }, body: {} });
    expect(refused.response.status).toBe(409);
    expect(refused.response.headers.get("content-type")).toContain("application/problem+json");
    const problem = refused.error;
    if (!problem) throw new Error("the second submit was not refused");
    // Typed from the document's Problem schema (tsc fails here if they were untyped or absent).
    expectTypeOf(problem.code).toEqualTypeOf<string>();
    expectTypeOf(problem.state).toEqualTypeOf<string | undefined>();
    expectTypeOf(problem.allowedActions).toEqualTypeOf<string[] | undefined>();
    expect(problem.code).toBe("invalid_transition");
    expect(problem.state).toBe(final.status);
    expect(Array.isArray(problem.allowedActions)).toBe(true);
    expect(problem.allowedActions).not.toContain("submit");
  });
});
