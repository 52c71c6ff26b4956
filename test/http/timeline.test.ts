// The seed's timeline through real HTTP, driven with the simulated clock, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { type Client, startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface ClaimJson {
  id: string;
  status: string;
  version: number;
  reasons: string[];
  deadlines: { kind: string; dueAt: string }[];
  consent: { status: string; endsAt: string } | null;
  dispute: { status: string } | null;
  allowedActions: string[];
}

describe.each(ENGINES)("the claim timeline over HTTP on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    // Start on a Monday morning so that the weekend arithmetic below is predictable.
    const clock = await t.admin.put("/api/v1/system/clock", { now: "2030-03-04T09:00:00.000Z" });
    expect(clock.status).toBe(200);
  });
  afterAll(() => t.stop());

  const act = (c: Client, id: string, action: string, body: unknown = {}) =>
    c.post<ClaimJson>(`/api/v1/claims/${id}/actions/${action}`, body);
  const clockTo = async (iso: string) =>
    expect((await t.admin.put("/api/v1/system/clock", { now: iso })).status).toBe(200);
  const sweep = async () => (await t.admin.post<{ fired: number }>("/api/v1/system/sweep")).body.fired;

  async function submitted(): Promise<string> {
    const p = w.a.incentives;
    const created = await p.post<ClaimJson>("/api/v1/claims", w.claimBody(w.a, await w.customer()));
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/claims/${created.body.id}`);
    expect(created.headers.get("etag")).toBe(`"${created.body.version}"`);
    const up = await p.upload(created.body.id, pdfBytes(), "statement-of-work.pdf", "application/pdf");
    expect(up.status).toBe(201);
    expect((await act(p, created.body.id, "submit")).body.status).toBe("submitted");
    return created.body.id;
  }

  it("create, upload, submit, start review, request information, resubmit, approve; consent passes after 7 days", async () => {
    const p = w.a.incentives;
    const id = await submitted();
    expect((await act(w.reviewer, id, "start-review")).body.status).toBe("under_review");
    const asked = await act(w.reviewer, id, "request-information", {
      reasons: ["missing_customer_acknowledgment"],
      comment: "Please add the signed page",
    });
    expect(asked.body.status).toBe("partner_action_required");
    expect(asked.body.deadlines.map((d) => d.kind)).toEqual(["partner_response"]);
    const early = await act(p, id, "resubmit");
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: "validation_failed" });
    expect((await p.upload(id, pdfBytes(), "signed-page.pdf")).status).toBe(201);
    expect((await act(p, id, "resubmit")).body.status).toBe("under_review");
    const approved = await act(w.reviewer, id, "approve", { comment: "Looks good" });
    expect(approved.body.status).toBe("approved");
    expect(approved.body.consent?.status).toBe("running");
    await clockTo(new Date(Date.parse(approved.body.consent?.endsAt ?? "") - 1).toISOString());
    await sweep();
    expect((await p.get<ClaimJson>(`/api/v1/claims/${id}`)).body.consent?.status).toBe("running");
    await clockTo(approved.body.consent?.endsAt ?? "");
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const after = await p.get<ClaimJson>(`/api/v1/claims/${id}`);
    expect(after.body).toMatchObject({ status: "approved", consent: { status: "passed" }, deadlines: [] });
    const history = await p.get<{ items: { event: string; actor: { kind: string } }[] }>(
      `/api/v1/claims/${id}/history`,
    );
    expect(history.body.items.map((h) => h.event)).toEqual([
      "created",
      "document_added",
      "submitted",
      "review_started",
      "information_requested",
      "document_added",
      "resubmitted",
      "approved",
      "deadline_fired",
      "consent_passed",
    ]);
    expect(history.body.items.at(-1)?.actor.kind).toBe("system");
  });

  it("reject, dispute, overturn; reject, dispute, uphold", async () => {
    const p = w.a.incentives;
    const first = await submitted();
    await act(w.reviewer, first, "start-review");
    const rejected = await act(w.reviewer, first, "reject", {
      reasons: ["insufficient_poe"],
      comment: "No customer signature",
    });
    expect(rejected.body).toMatchObject({ status: "rejected", reasons: ["insufficient_poe"] });
    expect(rejected.body.allowedActions).toEqual(["comment"]); // the reviewer's own choices
    expect((await p.get<ClaimJson>(`/api/v1/claims/${first}`)).body.allowedActions).toContain("dispute");
    const disputed = await act(p, first, "dispute", { justification: "The signature is on page 3" });
    expect(disputed.body.dispute?.status).toBe("open");
    const overturned = await act(w.reviewer, first, "overturn-dispute", {
      comment: "Found it",
      to: "under_review",
    });
    expect(overturned.body).toMatchObject({ status: "under_review", dispute: { status: "overturned" } });

    const second = await submitted();
    await act(w.reviewer, second, "start-review");
    await act(w.reviewer, second, "reject", { reasons: ["poe_unavailable"], comment: "File unreadable" });
    await act(p, second, "dispute", { justification: "Please retry" });
    const upheld = await act(w.reviewer, second, "uphold-dispute", { comment: "Still unreadable" });
    expect(upheld.body).toMatchObject({ status: "rejected", dispute: { status: "upheld" } });
    expect((await p.get<ClaimJson>(`/api/v1/claims/${second}`)).body.allowedActions).toContain("copy");
    const again = await act(p, second, "dispute", { justification: "once more" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "invalid_transition", state: "rejected" });
    const copy = await act(p, second, "copy");
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: "editing", copiedFrom: second });
  });

  it("a silent partner is rejected with no_partner_response after 5 business days across a weekend", async () => {
    // Thursday: the 5 business days run Fri, Mon, Tue, Wed, Thu; due at 00:00 on Friday a week later.
    await clockTo("2030-03-14T10:00:00.000Z");
    const id = await submitted();
    await act(w.reviewer, id, "start-review");
    const asked = await act(w.reviewer, id, "request-information", {
      reasons: ["missing_products"],
      comment: "Which workloads?",
    });
    expect(asked.body.deadlines).toMatchObject([
      { kind: "partner_response", dueAt: "2030-03-22T00:00:00.000Z" },
    ]);
    await clockTo("2030-03-21T23:59:59.999Z");
    await sweep();
    expect((await w.a.incentives.get<ClaimJson>(`/api/v1/claims/${id}`)).body.status).toBe(
      "partner_action_required",
    );
    await clockTo("2030-03-22T00:00:00.000Z");
    await sweep();
    const after = await w.a.incentives.get<ClaimJson>(`/api/v1/claims/${id}`);
    expect(after.body).toMatchObject({ status: "rejected", reasons: ["no_partner_response"] });
    expect(after.body.deadlines).toMatchObject([
      { kind: "dispute_window", dueAt: "2030-04-21T00:00:00.000Z" },
    ]);
  });
});
