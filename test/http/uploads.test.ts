// Hostile uploads: each refused with a clear code, nothing stored, the server still up.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { realPng } from "../support/hostile-files.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

const MAX = 64 * 1024;
const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
// A real PNG (PNGs are judged by walking their chunks); `middle` makes each one different.
const png = (middle: number[] = []) => new Uint8Array(realPng(middle));

describe.each(ENGINES)("PoE uploads on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let claimId: string;
  const documentsDir = () => join(t.db.dataDir, "documents");
  const storedFiles = () =>
    existsSync(documentsDir())
      ? readdirSync(documentsDir(), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length
      : 0;

  beforeAll(async () => {
    t = await startTestServer(engine, {}, { maxBytes: MAX, maxFilesPerClaim: 3 });
    w = await httpWorld(t);
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    claimId = c.body.id;
  });
  afterAll(() => t.stop());

  async function refused(
    send: () => Promise<{ status: number; body: unknown }>,
    status: number,
    code: string,
  ) {
    const before = storedFiles();
    const docsBefore = (await w.a.incentives.get<{ items: unknown[] }>(`/api/v1/claims/${claimId}/documents`))
      .body.items.length;
    const r = await send();
    expect({ status: r.status, code: (r.body as { code?: string }).code }).toEqual({ status, code });
    expect(storedFiles()).toBe(before);
    expect(
      (await w.a.incentives.get<{ items: unknown[] }>(`/api/v1/claims/${claimId}/documents`)).body.items
        .length,
    ).toBe(docsBefore);
    expect((await t.anonymous.get("/healthz")).status).toBe(200);
  }

  it("accepts a real PDF, PNG and the same file again (content-addressed), and serves them as attachments", async () => {
    const up = await w.a.incentives.upload(
      claimId,
      pdfBytes(),
      "Statement of work (signed).pdf",
      "application/pdf",
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: "application/pdf", flags: [] });
    expect(String(up.body.sha256)).toMatch(/^[0-9a-f]{64}$/);
    const img = await w.a.incentives.upload(claimId, png([1, 2, 3]), "scan.png", "image/png");
    expect(img.body).toMatchObject({ contentType: "image/png" });
    const res = await fetch(
      `${w.a.incentives.base}/api/v1/claims/${claimId}/documents/${up.body.id}/content`,
      {
        headers: { authorization: `Bearer ${w.a.incentives.token}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Statement of work \(signed\).pdf"/,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(pdfBytes()))).toBe(true);
  });

  it("lists a claim's documents in upload order, also when the clock stands still", async () => {
    // The simulated clock gives every upload here the same instant: only the ids keep the order.
    for (let n = 0; n < 8; n++) {
      const c = await w.a.incentives.post<{ id: string }>(
        "/api/v1/claims",
        w.claimBody(w.a, await w.customer()),
      );
      const names = ["first.pdf", "second.png", "third.png"] as const;
      expect((await w.a.incentives.upload(c.body.id, pdfBytes(), names[0])).status).toBe(201);
      expect((await w.a.incentives.upload(c.body.id, png([n, 1]), names[1])).status).toBe(201);
      expect((await w.a.incentives.upload(c.body.id, png([n, 2]), names[2])).status).toBe(201);
      const list = await w.a.incentives.get<{ items: { filename: string; createdAt: string }[] }>(
        `/api/v1/claims/${c.body.id}/documents`,
      );
      expect(new Set(list.body.items.map((d) => d.createdAt)).size).toBe(1);
      expect(list.body.items.map((d) => d.filename)).toEqual(names);
    }
  });

  it("flags a PDF with active content for reviewers", async () => {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    const js = bytes(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    );
    const up = await w.a.incentives.upload(c.body.id, new Uint8Array(js), "active.pdf", "application/pdf");
    expect(up.status).toBe(201);
    expect(up.body.flags).toEqual(
      expect.arrayContaining(["pdf_active_content:JavaScript", "pdf_active_content:OpenAction"]),
    );
  });

  it("refuses an HTML file named .png", () =>
    refused(
      () =>
        w.a.incentives.upload(
          claimId,
          bytes("<!doctype html><script>alert(1)</script>"),
          "photo.png",
          "image/png",
        ),
      415,
      "file_rejected",
    ));

  it("refuses a polyglot (a PNG with a ZIP glued behind it)", () =>
    refused(
      () =>
        w.a.incentives.upload(
          claimId,
          new Uint8Array([...png(), ...Buffer.from("PK\x03\x04 hidden zip", "latin1")]),
          "poly.png",
        ),
      415,
      "file_rejected",
    ));

  it("refuses wrong magic (a text file called .pdf)", () =>
    refused(
      () => w.a.incentives.upload(claimId, bytes("just some text that is not a pdf"), "notes.pdf"),
      415,
      "file_rejected",
    ));

  it("refuses a truncated PDF", () =>
    refused(() => w.a.incentives.upload(claimId, pdfBytes().slice(0, 200), "cut.pdf"), 415, "file_rejected"));

  it("refuses a ../ name and a NUL in the name", async () => {
    await refused(
      () => w.a.incentives.upload(claimId, pdfBytes(), "../../etc/passwd.pdf"),
      415,
      "file_rejected",
    );
    await refused(() => w.a.incentives.upload(claimId, pdfBytes(), "evil\u0000.pdf"), 415, "file_rejected");
  });

  it("refuses an oversize file with 413 and leaves no partial file", async () => {
    const big = new Uint8Array(MAX * 3);
    big.set(Buffer.from("%PDF-1.4\n", "latin1"));
    await refused(() => w.a.incentives.upload(claimId, big, "huge.pdf"), 413, "file_too_large");
    expect(existsSync(join(documentsDir(), "tmp")) ? readdirSync(join(documentsDir(), "tmp")) : []).toEqual(
      [],
    );
  });

  it("refuses a truncated multipart body and a flood of parts", async () => {
    const boundary = "----claimdesk-test";
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then the connection`;
    await refused(
      () =>
        fetch(`${w.a.incentives.base}/api/v1/claims/${claimId}/documents`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${w.a.incentives.token}`,
            "content-type": `multipart/form-data; boundary=${boundary}`,
          },
          body: truncated,
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      415,
      "file_rejected",
    );
    const form = new FormData();
    for (let i = 0; i < 50; i++) form.append(`field${i}`, "x");
    form.append("file", new Blob([pdfBytes()]), "a.pdf");
    const flood = await w.a.incentives.request("POST", `/api/v1/claims/${claimId}/documents`, form);
    expect([413, 422]).toContain(flood.status);
    expect((await t.anonymous.get("/healthz")).status).toBe(200);
  });

  it("refuses a part with another name and a request that is not multipart", async () => {
    await refused(
      () => w.a.incentives.upload(claimId, pdfBytes(), "a.pdf", "application/pdf", "attachment"),
      422,
      "validation_failed",
    );
    await refused(
      () => w.a.incentives.post(`/api/v1/claims/${claimId}/documents`, { file: "x" }),
      415,
      "file_rejected",
    );
  });

  it("refuses the file after the per-claim limit", async () => {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    for (let i = 0; i < 3; i++)
      expect((await w.a.incentives.upload(c.body.id, png([i]), `p${i}.png`)).status).toBe(201);
    const r = await w.a.incentives.upload(c.body.id, png([9]), "p9.png");
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "validation_failed" });
  });
});
