// Issue 11: the operator never sees partners' unsubmitted drafts (maySeeDraft), and a billing admin,
// who may not act on claims, is given nothing that "needs your action" (mayActOnClaims).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

type Summary = { counts: Record<string, number>; needsAction: number };
type Page = { items: { id: string }[] };

describe.each(ENGINES)("drafts and needs-action on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let draft: { id: string; number: string };
  let sent: { id: string; number: string };
  let asked: { id: string; number: string };
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    const file = async () =>
      (
        await w.a.incentives.post<{ id: string; number: string }>(
          "/api/v1/claims",
          w.claimBody(w.a, await w.customer()),
        )
      ).body;
    draft = await file();
    sent = await file();
    asked = await file();
    for (const c of [sent, asked]) {
      await w.a.incentives.upload(c.id, pdfBytes(), "poe.pdf", "application/pdf");
      expect((await w.a.incentives.post(`/api/v1/claims/${c.id}/actions/submit`, {})).status).toBe(200);
    }
    // One claim waits for the partner: the "needs your action" item of its admins.
    expect((await w.reviewer.post(`/api/v1/claims/${asked.id}/actions/start-review`, {})).status).toBe(200);
    const ask = { reasons: ["missing_products"], comment: "which products?" };
    expect(
      (await w.reviewer.post(`/api/v1/claims/${asked.id}/actions/request-information`, ask)).status,
    ).toBe(200);
  });
  afterAll(() => t.stop());

  it("hides a draft from the operator's lists, counts, export, queue and reads", async () => {
    const ids = (await w.reviewer.get<Page>("/api/v1/claims")).body.items.map((c) => c.id);
    expect(ids).toContain(sent.id);
    expect(ids).not.toContain(draft.id);
    expect((await w.reviewer.get<Page>("/api/v1/claims?status=editing")).body.items).toEqual([]);
    expect((await w.reviewer.get<Page>(`/api/v1/claims?q=${draft.number}`)).body.items).toEqual([]);
    const summary = (await w.reviewer.get<Summary>("/api/v1/claims/summary")).body;
    expect(summary.counts.editing).toBe(0);
    expect(summary.counts.submitted).toBe(1);
    expect(summary.counts.partner_action_required).toBe(1);
    const narrowed = (await w.reviewer.get<Summary>(`/api/v1/claims/summary?partnerId=${w.a.partnerId}`))
      .body;
    expect(narrowed.counts.editing).toBe(0);
    const csv = (await w.reviewer.get<string>("/api/v1/claims/export.csv")).body;
    expect(csv).toContain(sent.number);
    expect(csv).not.toContain(draft.number);
    const queue = (await w.reviewer.get<Page>("/api/v1/review/queue")).body.items.map((c) => c.id);
    expect(queue).toContain(sent.id);
    expect(queue).not.toContain(draft.id);
    for (const client of [w.reviewer, t.admin]) {
      expect((await client.get(`/api/v1/claims/${draft.id}`)).status).toBe(404);
      expect((await client.get(`/api/v1/claims/${draft.id}/history`)).status).toBe(404);
      expect((await client.get(`/api/v1/claims/${sent.id}`)).status).toBe(200);
    }
  });

  it("still shows partners their own drafts", async () => {
    expect((await w.a.global.get(`/api/v1/claims/${draft.id}`)).status).toBe(200);
    const ids = (await w.a.billing.get<Page>("/api/v1/claims")).body.items.map((c) => c.id);
    expect(ids).toContain(draft.id);
    expect((await w.a.global.get<Summary>("/api/v1/claims/summary")).body.counts.editing).toBe(1);
  });

  it("gives a billing admin nothing that needs their action", async () => {
    const mine = (await w.a.global.get<Summary>("/api/v1/claims/summary")).body;
    expect(mine.needsAction).toBeGreaterThan(0);
    expect((await w.a.global.get<Page>("/api/v1/claims?needsAction=true")).body.items.length).toBe(
      mine.needsAction,
    );
    expect((await w.a.billing.get<Summary>("/api/v1/claims/summary")).body.needsAction).toBe(0);
    expect((await w.a.billing.get<Page>("/api/v1/claims?needsAction=true")).body.items).toEqual([]);
    const rest = (await w.a.billing.get<Page>("/api/v1/claims?needsAction=false")).body.items.map(
      (c) => c.id,
    );
    expect(rest).toEqual(expect.arrayContaining([draft.id, sent.id, asked.id]));
  });
});
