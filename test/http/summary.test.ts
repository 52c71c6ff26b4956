// The dashboard's counts: kept as counters by the claim writer (migration 0006) and read from them
// when nothing narrows the view; a filter counts the claims themselves. Both must agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

type Summary = { counts: Record<string, number>; needsAction: number };

describe.each(ENGINES)("claim counts on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("count every status change, per organisation, and agree with a filtered count", async () => {
    const file = async (org: HttpWorld["a"]) =>
      (
        await org.incentives.post<{ id: string; number: string }>(
          "/api/v1/claims",
          w.claimBody(org, await w.customer()),
        )
      ).body;
    await file(w.a); // stays a draft
    const sent = await file(w.a);
    const gone = await file(w.a);
    await file(w.b); // another organisation's
    for (const c of [sent, gone]) {
      await w.a.incentives.upload(c.id, pdfBytes(), "poe.pdf", "application/pdf");
      expect((await w.a.incentives.post(`/api/v1/claims/${c.id}/actions/submit`, {})).status).toBe(200);
    }
    expect(
      (await w.a.incentives.post(`/api/v1/claims/${gone.id}/actions/withdraw`, { reason: "other" })).status,
    ).toBe(200);
    // A copy of the withdrawn claim is a new claim in editing.
    expect((await w.a.incentives.post(`/api/v1/claims/${gone.id}/actions/copy`, {})).status).toBe(201);

    const a = (await w.a.global.get<Summary>("/api/v1/claims/summary")).body;
    expect(a.counts).toEqual({
      editing: 2,
      submitted: 1,
      under_review: 0,
      partner_action_required: 0,
      approved: 0,
      rejected: 1,
    });
    const b = (await w.b.global.get<Summary>("/api/v1/claims/summary")).body;
    expect(b.counts.editing).toBe(1);
    const all = (await w.reviewer.get<Summary>("/api/v1/claims/summary")).body;
    // The operator's summary never counts partners' drafts (maySeeDraft).
    expect(all.counts.editing).toBe(0);
    expect(all.counts.submitted).toBe(1);
    // A narrowed view counts the claims: the same numbers for the same claims.
    const one = (await w.a.global.get<Summary>(`/api/v1/claims/summary?q=${sent.number}`)).body;
    expect(one.counts.submitted).toBe(1);
    expect(Object.values(one.counts).reduce((n, x) => n + x, 0)).toBe(1);
    const byTenant = await w.a.global.get<{ items: unknown[] }>("/api/v1/claims?limit=200");
    expect(byTenant.body.items.length).toBe(Object.values(a.counts).reduce((n, x) => n + x, 0));
  });
});
