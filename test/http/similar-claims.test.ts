// Reuse and look-alike detection over HTTP (issue 14): the operator's claim carries `similar` —
// the same file attached by another organisation, near-identical text, a look-alike customer
// domain for the same product — and a partner never sees the field.
import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDocument } from "../../bench/poe-corpus/corpus.ts";
import { recordFingerprint } from "../../src/server/similarity/fingerprints.ts";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpOrg, type HttpWorld, httpWorld } from "./http-world.ts";

interface Similar {
  claimId: string;
  number: string;
  organizationName: string;
  customer: { name: string; domain: string; tenantId: string };
  reason: string;
  score?: number;
  documentId?: string;
}
type ClaimBody = { id: string; number: string; similar?: Similar[] };

const SHARED_TEXT = Array.from(
  { length: 60 },
  (_, i) => `phase ${i % 7} the partner deployed and configured the tenant for mailbox group ${i}`,
).join(" ");

describe.each(ENGINES)("similar claims on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  const stem = `look${randomUUID().slice(0, 6)}`;

  async function customer(domain: string): Promise<{ tenantId: string; domain: string }> {
    const tenantId = randomUUID();
    const r = await t.admin.post("/api/v1/admin/customers", {
      tenantId,
      domain,
      name: `${domain} Ltd`,
      subscriptions: [],
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    return { tenantId, domain };
  }

  async function submitted(org: HttpOrg, c: { tenantId: string; domain: string }, bytes: Uint8Array) {
    const created = await org.incentives.post<ClaimBody>("/api/v1/claims", w.claimBody(org, c, ["teams"]));
    expect(created.status).toBe(201);
    const up = await org.incentives.upload(
      created.body.id,
      new Uint8Array(bytes),
      "poe.pdf",
      "application/pdf",
    );
    expect(up.status).toBe(201);
    expect((await org.incentives.post(`/api/v1/claims/${created.body.id}/actions/submit`, {})).status).toBe(
      200,
    );
    return { ...created.body, documentId: (up.body as { id: string }).id };
  }

  /** Waits for the runner (woken by the commit) to finish the claim's preflight: no sleeping. */
  async function preflighted(org: HttpOrg, claimId: string): Promise<void> {
    for (let round = 0; round < 20; round++) {
      await t.server.preflight.idle();
      const docs = await org.incentives.get<{ items: { preflight: { status: string } }[] }>(
        `/api/v1/claims/${claimId}/documents`,
      );
      if (docs.body.items.every((d) => d.preflight.status !== "pending")) return;
      t.server.preflight.wake();
    }
    throw new Error("preflight still pending after 20 passes");
  }

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("flags another organisation's claim with the same file; the partner never sees `similar`", async () => {
    const file = (await generateDocument(99, 0)).bytes;
    const mine = await submitted(w.a, await customer(`${stem}-one.test`), file);
    const theirs = await submitted(w.b, await customer(`other${randomUUID().slice(0, 6)}.test`), file);
    const seen = await w.reviewer.get<ClaimBody>(`/api/v1/claims/${theirs.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.similar).toContainEqual(
      expect.objectContaining({
        claimId: mine.id,
        number: mine.number,
        organizationName: "Contoso",
        reason: "same_file",
      }),
    );
    expect(seen.body.similar?.find((s) => s.claimId === mine.id)?.documentId).toBe(theirs.documentId);
    for (const partner of [w.b.incentives, w.b.global, w.a.incentives]) {
      const own = partner === w.a.incentives ? mine.id : theirs.id;
      const r = await partner.get<ClaimBody>(`/api/v1/claims/${own}`);
      expect(r.status).toBe(200);
      expect(r.body).not.toHaveProperty("similar");
    }
  });

  it("flags near-identical text and a look-alike customer domain for the same product", async () => {
    const base = await submitted(w.a, await customer(`${stem}.test`), (await generateDocument(99, 1)).bytes);
    // A subdomain and a hyphen of the same registrable name, another organisation, same product.
    const variant = await submitted(
      w.b,
      await customer(`eu.${stem.slice(0, 4)}-${stem.slice(4)}.test`),
      (await generateDocument(99, 2)).bytes,
    );
    // What a completed preflight stores: both texts nearly the same. The runner's own results come
    // first, or they would replace these when they land.
    await preflighted(w.a, base.id);
    await preflighted(w.b, variant.id);
    const db = t.server.ctx.db.kysely;
    await recordFingerprint(db, {
      documentId: base.documentId,
      claimId: base.id,
      normalizedText: SHARED_TEXT,
      now: 1,
    });
    await recordFingerprint(db, {
      documentId: variant.documentId,
      claimId: variant.id,
      normalizedText: `${SHARED_TEXT} signed by the customer`,
      now: 1,
    });
    const seen = await w.reviewer.get<ClaimBody>(`/api/v1/claims/${variant.id}`);
    const about = (seen.body.similar ?? []).filter((s) => s.claimId === base.id);
    expect(about.map((s) => s.reason).sort()).toEqual(["domain_variant", "similar_text"]);
    expect(about.find((s) => s.reason === "similar_text")?.score).toBeGreaterThanOrEqual(0.8);
    expect(about[0]?.customer.domain).toBe(`${stem}.test`);
    expect((await w.b.incentives.get<ClaimBody>(`/api/v1/claims/${variant.id}`)).body).not.toHaveProperty(
      "similar",
    );
  });

  it("fingerprints a document when its preflight completes: a re-saved copy is near-identical text", async () => {
    let i = 4;
    while ((await generateDocument(99, i)).spec.format !== "pdf") i++;
    const original = (await generateDocument(99, i)).bytes;
    // Same words, other bytes (a re-saved file): not the same file, the same text.
    const copy = await PDFDocument.load(original);
    copy.setTitle("Re-saved copy");
    const mine = await submitted(w.a, await customer(`first${randomUUID().slice(0, 6)}.test`), original);
    const theirs = await submitted(
      w.b,
      await customer(`second${randomUUID().slice(0, 6)}.test`),
      await copy.save(),
    );
    await preflighted(w.a, mine.id);
    await preflighted(w.b, theirs.id);
    const seen = await w.reviewer.get<ClaimBody>(`/api/v1/claims/${theirs.id}`);
    const reasons = (seen.body.similar ?? []).filter((s) => s.claimId === mine.id).map((s) => s.reason);
    expect(reasons).toEqual(["similar_text"]);
  });

  it("does not list the other organisation's drafts, nor unrelated claims", async () => {
    const file = (await generateDocument(99, 3)).bytes;
    const c = await customer(`${stem}-draft.test`);
    const draft = await w.a.incentives.post<ClaimBody>("/api/v1/claims", w.claimBody(w.a, c, ["teams"]));
    await w.a.incentives.upload(draft.body.id, new Uint8Array(file), "poe.pdf", "application/pdf");
    const filed = await submitted(w.b, await customer(`unrelated${randomUUID().slice(0, 6)}.test`), file);
    const seen = await w.reviewer.get<ClaimBody>(`/api/v1/claims/${filed.id}`);
    expect(seen.body.similar?.map((s) => s.claimId)).not.toContain(draft.body.id);
  });
});
