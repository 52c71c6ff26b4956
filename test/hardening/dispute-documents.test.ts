// Issue 12.5: dispute.documentIds accepted another organisation's document id, random UUIDs and
// junk, and wrote them into the history. Now each is refused alike (422 on documentIds, so ids
// cannot be probed) and nothing is written; the claim's own document is accepted.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

describe.each(ENGINES)("dispute documents on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  const act = (c: UserClient, id: string, action: string, body: unknown = {}) =>
    c.post<Record<string, unknown>>(`/api/v1/claims/${id}/actions/${action}`, body);

  async function rejectedClaim(o: HttpWorld["a"]): Promise<{ id: string; documentId: string }> {
    const created = await o.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(o, await w.customer()),
    );
    const up = await o.incentives.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    expect(up.status).toBe(201);
    expect((await act(o.incentives, created.body.id, "submit")).status).toBe(200);
    expect((await act(w.reviewer, created.body.id, "start-review")).status).toBe(200);
    expect(
      (
        await act(w.reviewer, created.body.id, "reject", {
          reasons: ["insufficient_poe"],
          comment: "No PoE.",
        })
      ).status,
    ).toBe(200);
    return { id: created.body.id, documentId: String(up.body.id) };
  }

  it("refuses another organisation's document, an unknown id and junk alike, and records nothing", async () => {
    const mine = await rejectedClaim(w.a);
    const theirs = await rejectedClaim(w.b);
    const answers = [];
    // A NUL is refused earlier, by the edge's text guard, for any string field (issue 12.5):
    // still a 422 that says nothing about which documents exist.
    const nul = await act(w.a.incentives, mine.id, "dispute", {
      justification: "see",
      documentIds: ["x\u0000y"],
    });
    expect(nul.status).toBe(422);
    expect(nul.body.code).toBe("validation_failed");
    for (const bad of [theirs.documentId, randomUUID(), "../../etc/passwd", ""]) {
      const r = await act(w.a.incentives, mine.id, "dispute", { justification: "see", documentIds: [bad] });
      expect(r.status, bad).toBe(422);
      expect(r.body.code).toBe("validation_failed");
      expect(r.body.errors).toEqual([
        { field: "documentIds", message: "names a document that is not attached to this claim" },
      ]);
      answers.push(r.body.detail);
    }
    expect(new Set(answers).size).toBe(1);
    // One good id beside a bad one is refused too.
    const mixed = await act(w.a.incentives, mine.id, "dispute", {
      documentIds: [mine.documentId, theirs.documentId],
    });
    expect(mixed.status).toBe(422);
    const history = await w.a.incentives.get<{ items: { event: string }[] }>(
      `/api/v1/claims/${mine.id}/history`,
    );
    expect(history.body.items.some((e) => e.event === "dispute_opened")).toBe(false);

    const ok = await act(w.a.incentives, mine.id, "dispute", { documentIds: [mine.documentId] });
    expect(ok.status).toBe(200);
    const after = await w.a.incentives.get<{ items: { event: string; data: { documentIds?: string[] } }[] }>(
      `/api/v1/claims/${mine.id}/history`,
    );
    expect(after.body.items.find((e) => e.event === "dispute_opened")?.data.documentIds).toEqual([
      mine.documentId,
    ]);
  });

  it("still answers a dispute in the wrong state with 409, whatever it cites", async () => {
    const created = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    const r = await act(w.a.incentives, created.body.id, "dispute", { documentIds: [randomUUID()] });
    expect(r.status).toBe(409);
  });
});
