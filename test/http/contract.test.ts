// Contract details of API.md §1: refusals name state and allowed actions, precedence of malformed
// If-Match, copy honours If-Match, crafted cursors, merge-patch media type, the clock only moves
// forward, CSV cells are not formulas, and partners do not see other organisations' claim ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe.each(ENGINES)("API contract details on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("refusals of actions carry state and allowedActions, whatever their status", async () => {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    const noPoe = await w.a.incentives.post(`/api/v1/claims/${c.body.id}/actions/submit`);
    expect(noPoe).toMatchObject({ status: 422, body: { code: "validation_failed", state: "editing" } });
    expect(noPoe.body.allowedActions).toEqual(
      expect.arrayContaining(["edit", "upload", "withdraw", "submit"]),
    );
    const forbidden = await w.a.billing.post(`/api/v1/claims/${c.body.id}/actions/submit`);
    expect(forbidden).toMatchObject({
      status: 403,
      body: { code: "forbidden", state: "editing", allowedActions: [] },
    });
  });

  it("a malformed If-Match loses to 404, and copy honours If-Match", async () => {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    const foreign = await w.b.global.patch(
      `/api/v1/claims/${c.body.id}`,
      { partnerContact: { name: "x" } },
      { "if-match": "abc" },
    );
    expect(foreign.status).toBe(404);
    const own = await w.a.incentives.patch(
      `/api/v1/claims/${c.body.id}`,
      { partnerContact: { name: "x" } },
      { "if-match": "abc" },
    );
    expect(own).toMatchObject({ status: 412, body: { code: "version_mismatch" } });
    const withdrawn = await w.a.incentives.post<{ version: number }>(
      `/api/v1/claims/${c.body.id}/actions/withdraw`,
      { reason: "other" },
    );
    const stale = await w.a.incentives.post(
      `/api/v1/claims/${c.body.id}/actions/copy`,
      {},
      { "if-match": `"${withdrawn.body.version - 1}"` },
    );
    expect(stale.status).toBe(412);
    const ok = await w.a.incentives.post(
      `/api/v1/claims/${c.body.id}/actions/copy`,
      {},
      { "if-match": `"${withdrawn.body.version}"` },
    );
    expect(ok.status).toBe(201);
  });

  it("answers 422 to a crafted cursor instead of failing", async () => {
    for (const bad of [
      cursor(["-updatedAt", true, "x"]),
      cursor(["-updatedAt", [1], "x"]),
      cursor(["number", 5, "x"]),
      "%%%",
      cursor({}),
    ]) {
      const r = await w.reviewer.get(`/api/v1/claims?cursor=${encodeURIComponent(bad)}`);
      expect(r.status).toBe(422);
    }
    expect((await w.reviewer.get(`/api/v1/review/queue?cursor=${cursor([true, "x"])}`)).status).toBe(422);
  });

  it("pages through a list with the keyset cursor, without repeats or gaps", async () => {
    const c = await w.customer();
    for (const products of [["teams"], ["intune"], ["onedrive"], ["purview"], ["windows_365"]]) {
      await w.b.incentives.post("/api/v1/claims", w.claimBody(w.b, c, products));
    }
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await w.b.incentives.get(
        `/api/v1/claims?tenantId=${c.tenantId}&limit=2&sort=createdAt${next ? `&cursor=${next}` : ""}`,
      );
      seen.push(...page.body.items.map((i) => i.id));
      next = page.body.nextCursor;
    } while (next);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("accepts PATCH as application/merge-patch+json", async () => {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    const r = await w.a.incentives.request("PATCH", `/api/v1/claims/${c.body.id}`, undefined, {
      "content-type": "application/merge-patch+json",
    });
    expect(r.status).toBe(422); // an empty body is no patch
    const res = await fetch(`${t.server.url}/api/v1/claims/${c.body.id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${w.a.incentives.token}`,
        "content-type": "application/merge-patch+json",
      },
      body: JSON.stringify({ partnerContact: { phone: "+1 555 0100" } }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { partnerContact: { phone: string } }).partnerContact.phone).toBe(
      "+1 555 0100",
    );
  });

  it("moves the simulated clock forward only", async () => {
    const now = (await t.admin.get<{ now: string }>("/api/v1/system/clock")).body.now;
    const back = await t.admin.put("/api/v1/system/clock", {
      now: new Date(Date.parse(now) - 1).toISOString(),
    });
    expect(back).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    expect((await w.a.global.put("/api/v1/system/clock", { now })).status).toBe(403);
  });

  it("exports CSV cells that no spreadsheet runs as formulas", async () => {
    const c = await w.customer();
    await w.a.incentives.post("/api/v1/claims", {
      ...w.claimBody(w.a, c),
      customer: { tenantId: c.tenantId, domain: c.domain, name: '=HYPERLINK("http://evil")' },
    });
    const csv = await w.a.incentives.get<string>(`/api/v1/claims/export.csv?tenantId=${c.tenantId}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body).toContain("'=HYPERLINK");
    expect(csv.body).not.toMatch(/,=HYPERLINK/);
  });

  it("does not show a partner the ids of other organisations' competing claims", async () => {
    const c = await w.customer();
    const mine = (await w.a.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(w.a, c))).body.id;
    const theirs = (await w.b.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(w.b, c))).body.id;
    for (const [client, id] of [
      [w.a.incentives, mine],
      [w.b.incentives, theirs],
    ] as const) {
      await client.upload(id, pdfBytes(), "poe.pdf");
      await client.post(`/api/v1/claims/${id}/actions/submit`);
    }
    await w.reviewer.post(`/api/v1/claims/${mine}/actions/start-review`);
    const seenByReviewer = await w.reviewer.get<{ competingClaims: { id: string }[] }>(
      `/api/v1/claims/${mine}`,
    );
    expect(seenByReviewer.body.competingClaims.map((x) => x.id)).toEqual([theirs]);
    await w.reviewer.post(`/api/v1/claims/${mine}/actions/approve`);
    const loserHistory = await w.b.incentives.get<string>(`/api/v1/claims/${theirs}/history`);
    expect(JSON.stringify(loserHistory.body)).not.toContain(mine);
    const operatorHistory = await w.reviewer.get(`/api/v1/claims/${theirs}/history`);
    expect(JSON.stringify(operatorHistory.body)).toContain(mine);
    expect(
      (await w.b.incentives.get<{ competingClaims?: unknown }>(`/api/v1/claims/${theirs}`)).body
        .competingClaims,
    ).toBeUndefined();
  });
});
