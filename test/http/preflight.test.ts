// The PoE preflight over HTTP (issue 14): an upload answers pending, the runner reads the file after
// the commit and the documents list shows what it found; an edit of the products reads it again;
// images are unreadable; another organisation's documents stay not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { realPng } from "../support/hostile-files.ts";
import { poePdf } from "../support/poe-files.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld } from "./http-world.ts";

interface Check {
  check: string;
  result: string;
  reason: string;
  evidence?: { page?: number; snippet: string };
  missingProducts?: string[];
}
interface Doc {
  id: string;
  preflight: { status: string; checks: Check[]; unreadableReason?: string };
}

const results = (d: Doc | undefined) =>
  Object.fromEntries((d?.preflight.checks ?? []).map((c) => [c.check, c.result]));

describe.each(ENGINES)("PoE preflight over HTTP on %s", (engine) => {
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

  const documents = async () =>
    (await w.a.incentives.get<{ items: Doc[] }>(`/api/v1/claims/${claimId}/documents`)).body.items;

  /** Waits for the runner (woken by the commit) to finish, then reads the API: no sleeping. */
  async function settled(): Promise<Doc[]> {
    for (let round = 0; round < 20; round++) {
      await t.server.preflight.idle();
      const docs = await documents();
      if (docs.every((d) => d.preflight.status !== "pending")) return docs;
      t.server.preflight.wake();
    }
    throw new Error("preflight still pending after 20 passes");
  }

  const today = () =>
    new Date(t.server.ctx.clock.now()).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });

  it("an upload answers pending; once read, the document carries its checks and the claim its summary", async () => {
    const pdf = await poePdf([
      [
        "Proof of execution - CUSTOMER LTD.",
        `Date: ${today()}`,
        "Scope of work: we deployed Microsoft Teams for the whole company, configured calling and",
        "meeting rooms, migrated the old chat history and trained forty key users on site.",
      ],
    ]);
    const up = await w.a.incentives.upload(claimId, pdf, "poe.pdf", "application/pdf");
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ preflight: { status: "pending", checks: [] } });
    const [doc] = await settled();
    expect(doc?.preflight.status).toBe("done");
    expect(results(doc)).toEqual({
      customer_named: "pass",
      products_named: "pass",
      dates: "pass",
      customer_acknowledgment: "warn",
      partner_work_described: "pass",
    });
    expect(doc?.preflight.checks.find((c) => c.check === "customer_named")?.evidence).toMatchObject({
      page: 1,
      snippet: expect.stringContaining("CUSTOMER LTD"),
    });
    const claim = await w.a.incentives.get<{ preflight: unknown }>(`/api/v1/claims/${claimId}`);
    expect(claim.body.preflight).toMatchObject({
      status: "done",
      predictedReasons: ["missing_customer_acknowledgment"],
    });
  });

  it("an edit of the products reads the documents again", async () => {
    const edit = await w.a.incentives.patch(`/api/v1/claims/${claimId}`, { products: ["teams", "intune"] });
    expect(edit.status).toBe(200);
    const [doc] = await settled();
    const products = doc?.preflight.checks.find((c) => c.check === "products_named");
    expect(products).toMatchObject({
      result: "warn",
      reason: "missing_products",
      missingProducts: ["intune"],
    });
    const claim = await w.a.incentives.get<{ preflight: { predictedReasons: string[] } }>(
      `/api/v1/claims/${claimId}`,
    );
    expect(claim.body.preflight.predictedReasons.sort()).toEqual([
      "missing_customer_acknowledgment",
      "missing_products",
    ]);
  });

  it("an image is unreadable, with the reason", async () => {
    const up = await w.a.incentives.upload(claimId, new Uint8Array(realPng([9])), "scan.png", "image/png");
    expect(up.status).toBe(201);
    const docs = await settled();
    expect(docs.find((d) => d.id === up.body.id)?.preflight).toEqual({
      status: "unreadable",
      checks: [],
      unreadableReason: "images cannot be read; attach a PDF or DOCX",
      unreadableCode: "image",
    });
    // The image does not undo what the PDF showed.
    const claim = await w.a.incentives.get<{ preflight: { status: string } }>(`/api/v1/claims/${claimId}`);
    expect(claim.body.preflight.status).toBe("done");
  });

  it("another organisation's claim documents are not found; the reviewer sees them once submitted", async () => {
    expect((await w.b.incentives.get(`/api/v1/claims/${claimId}/documents`)).status).toBe(404);
    expect((await w.b.incentives.get(`/api/v1/claims/${claimId}`)).status).toBe(404);
    expect((await w.a.incentives.post(`/api/v1/claims/${claimId}/actions/submit`, {})).status).toBe(200);
    const seen = await w.reviewer.get<{ items: Doc[] }>(`/api/v1/claims/${claimId}/documents`);
    expect(seen.body.items[0]?.preflight.status).toBe("done");
  });

  it("a pending row left by a crash is read at the next pass", async () => {
    const db = t.server.ctx.db.kysely;
    await db
      .updateTable("document_preflights")
      .set({ status: "pending", lease_until: null })
      .where("claim_id", "=", claimId)
      .execute();
    t.server.preflight.wake();
    const docs = await settled();
    expect(docs.map((d) => d.preflight.status).sort()).toEqual(["done", "unreadable"]);
  });
});
