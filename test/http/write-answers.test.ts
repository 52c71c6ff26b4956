// A write's answer carries the version that write produced (issue 12): with many writers on one
// claim, each 2xx's body and ETag are its own version, never a later one committed meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface Answer {
  version: number;
  status: string;
  partnerContact: { name: string; email: string };
}

describe.each(ENGINES)("write answers on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  const draft = async () =>
    (
      await w.a.incentives.post<{ id: string; version: number }>(
        "/api/v1/claims",
        w.claimBody(w.a, await w.customer()),
      )
    ).body;

  it("50 concurrent PATCHes each answer the ETag and body of their own write", async () => {
    const claim = await draft();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        w.a.incentives.patch<Answer>(`/api/v1/claims/${claim.id}`, {
          partnerContact: { name: `Writer ${i}`, email: `writer${i}@partner.example` },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const [i, a] of answers.entries()) {
      expect(a.headers.get("etag")).toBe(`"${a.body.version}"`);
      // The body is this write's own result, not a later writer's.
      expect(a.body.partnerContact.name).toBe(`Writer ${i}`);
    }
    const versions = answers.map((a) => a.body.version).sort((x, y) => x - y);
    expect(new Set(versions).size).toBe(50);
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => claim.version + 1 + i));
  });

  it('a write with If-Match: "4" answers ETag: "5"', async () => {
    const claim = await draft();
    for (let v = claim.version; v < 4; v++) {
      await w.a.incentives.patch(`/api/v1/claims/${claim.id}`, {
        activity: v % 2 ? "usage" : "deployment",
      });
    }
    const at4 = await w.a.incentives.get<Answer>(`/api/v1/claims/${claim.id}`);
    expect(at4.body.version).toBe(4);
    const edited = await w.a.incentives.patch<Answer>(
      `/api/v1/claims/${claim.id}`,
      { partnerContact: { name: "Final", email: "final@partner.example" } },
      { "if-match": '"4"' },
    );
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).toBe('"5"');
    expect(edited.body.version).toBe(5);
    await w.a.incentives.upload(claim.id, pdfBytes(), "poe.pdf");
    const at = (await w.a.incentives.get<Answer>(`/api/v1/claims/${claim.id}`)).body.version;
    const submitted = await w.a.incentives.post<Answer>(
      `/api/v1/claims/${claim.id}/actions/submit`,
      {},
      { "if-match": `"${at}"` },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.headers.get("etag")).toBe(`"${at + 1}"`);
    expect(submitted.body).toMatchObject({ version: at + 1, status: "submitted" });
  });
});
