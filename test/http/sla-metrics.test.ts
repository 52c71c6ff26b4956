// The reviewers' service levels (RULES.md §14) from the history, with the simulated clock:
// hours to start a review, hours to decide, and breached deadlines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { type Client, startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface Metrics {
  timeToStart: { count: number; medianHours: number | null };
  timeToDecide: { count: number; medianHours: number | null };
  breaches: Record<string, number>;
}

describe.each(ENGINES)("service-level metrics on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  const clockTo = async (iso: string) =>
    expect((await t.admin.put("/api/v1/system/clock", { now: iso })).status).toBe(200);
  const act = (c: Client, id: string, action: string, body: unknown = {}) =>
    c.post(`/api/v1/claims/${id}/actions/${action}`, body);
  async function submitted(): Promise<string> {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    await w.a.incentives.upload(c.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    expect((await act(w.a.incentives, c.body.id, "submit")).status).toBe(200);
    return c.body.id;
  }

  it("measures hours to start and to decide, and counts breaches", async () => {
    await clockTo("2030-03-04T09:00:00.000Z"); // Monday
    const fast = await submitted();
    const slow = await submitted();
    await clockTo("2030-03-04T11:00:00.000Z");
    expect((await act(w.reviewer, fast, "start-review")).status).toBe(200);
    await clockTo("2030-03-04T14:00:00.000Z");
    expect(
      (
        await act(w.reviewer, fast, "request-information", {
          reasons: ["missing_products"],
          comment: "Which?",
        })
      ).status,
    ).toBe(200);
    // The other claim waits past its review-start deadline (5 business days): one breach.
    await clockTo("2030-03-12T09:00:00.000Z");
    await t.admin.post("/api/v1/system/sweep");
    expect((await act(w.reviewer, slow, "start-review")).status).toBe(200);

    const m = await w.reviewer.get<Metrics>("/api/v1/review/metrics?days=30");
    expect(m.status).toBe(200);
    expect(m.body.timeToStart.count).toBe(2);
    expect(m.body.timeToDecide).toMatchObject({ count: 1, medianHours: 3 });
    expect(m.body.breaches.review_start).toBe(1);
    // 2 h for one, 192 h for the other: the median of two is the later one by the nearest-rank rule.
    expect([2, 192]).toContain(m.body.timeToStart.medianHours);
    expect((await w.a.global.get("/api/v1/review/metrics")).status).toBe(403);
    expect((await t.admin.get<Metrics>("/api/v1/review/metrics?days=1")).body.timeToDecide.count).toBe(0);
  });
});
