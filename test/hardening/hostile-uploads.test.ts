// Uploads judged by parsing, over HTTP on both engines (issue 12.4): polyglots, fake and
// macro-enabled Office files, hidden PDF active content, names not backed by the bytes, and no
// blob left behind by any refusal, including concurrent uploads racing for the last slot.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/server/demo/demo-pdf.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import {
  docx,
  pdfWithEscapedJavaScript,
  pdfWithJavaScriptInObjectStream,
  realJpeg,
  realPng,
  zipArchive,
} from "../support/hostile-files.ts";

const MAX_FILES = 3;
const u8 = (b: Buffer) => new Uint8Array(b);
const zipBehind = (trailer: string) => zipArchive([{ name: "payload.js", data: "alert(1)" }], trailer);

describe.each(ENGINES)("hostile uploads on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let claimId: string;
  const documentsDir = () => join(t.db.dataDir, "documents");
  const storedFiles = () =>
    existsSync(documentsDir())
      ? readdirSync(documentsDir(), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length
      : 0;
  const newClaim = async () =>
    (await w.a.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(w.a, await w.customer()))).body
      .id;
  const documents = async (id: string) =>
    (
      await w.a.incentives.get<{ items: { filename: string; sha256: string }[] }>(
        `/api/v1/claims/${id}/documents`,
      )
    ).body.items;

  beforeAll(async () => {
    t = await startTestServer(engine, {}, { maxBytes: 1024 * 1024, maxFilesPerClaim: MAX_FILES });
    w = await httpWorld(t);
    claimId = await newClaim();
  });
  afterAll(() => t.stop());

  async function refused(bytes: Buffer, name: string, reason: RegExp) {
    const before = storedFiles();
    const r = await w.a.incentives.upload(claimId, u8(bytes), name);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 415, code: "file_rejected" });
    expect(String(r.body.detail)).toMatch(reason);
    expect(storedFiles()).toBe(before);
    expect(await documents(claimId)).toEqual([]);
  }

  it("refuses a PDF, PNG or JPEG with a ZIP appended whose comment ends in the expected trailer", async () => {
    await refused(Buffer.concat([demoPdf(), zipBehind("\n%%EOF\n")]), "poly.pdf", /ZIP/);
    await refused(
      Buffer.concat([realPng(), zipBehind("\0\0\0\0IEND\xaeB`\x82")]),
      "poly.png",
      /follows the PNG/,
    );
    await refused(Buffer.concat([realJpeg(), zipBehind("\xff\xd9")]), "poly.jpg", /follows the JPEG/);
  });

  it("refuses a ZIP holding only payload.js that names word/document.xml in its comment", () =>
    refused(
      zipArchive([{ name: "payload.js", data: "alert(1)" }], "word/document.xml"),
      "report.docx",
      /not an Office document/,
    ));

  it("refuses a DOCX with macros (vbaProject.bin) and a macro-enabled .docm, saying why", async () => {
    await refused(docx({ macros: true }), "macro.docx", /macros/);
    await refused(docx({ macroType: true }), "macro.docm", /macro-enabled/);
  });

  it("flags PDF active content hidden in name escapes and in a compressed object stream", async () => {
    const id = await newClaim();
    const escaped = await w.a.incentives.upload(id, u8(pdfWithEscapedJavaScript()), "escaped.pdf");
    expect(escaped.status).toBe(201);
    expect(escaped.body.flags).toEqual(
      expect.arrayContaining(["pdf_active_content:JavaScript", "pdf_active_content:OpenAction"]),
    );
    const packed = await w.a.incentives.upload(id, u8(pdfWithJavaScriptInObjectStream()), "packed.pdf");
    expect(packed.status).toBe(201);
    expect(packed.body.flags).toEqual(expect.arrayContaining(["pdf_active_content:JavaScript"]));
  });

  it("stores the name with the detected type's extension and without bidi or control characters", async () => {
    const id = await newClaim();
    const names: string[] = [];
    for (const [i, name] of ["report.html", "setup.exe", "invoice\u202Efdp.exe"].entries()) {
      const r = await w.a.incentives.upload(id, u8(demoPdf(`pdf ${i}`)), name, "text/html");
      expect(r.status).toBe(201);
      names.push(String(r.body.filename));
    }
    expect(names).toEqual(["report.pdf", "setup.pdf", "invoicefdp.pdf"]);
    const listed = await documents(id);
    expect(listed.map((d) => d.filename).sort()).toEqual(["invoicefdp.pdf", "report.pdf", "setup.pdf"]);
    const doc = (await w.a.incentives.get<{ items: { id: string }[] }>(`/api/v1/claims/${id}/documents`)).body
      .items[0];
    const res = await fetch(`${w.a.incentives.base}/api/v1/claims/${id}/documents/${doc?.id}/content`, {
      headers: { authorization: `Bearer ${w.a.incentives.token}` },
    });
    expect(res.headers.get("content-disposition")).toMatch(/filename="[^"\u202e]+\.pdf"/);
    await res.arrayBuffer();
  });

  it("concurrent uploads at the per-claim limit: one wins the last slot, no refused one leaves a file", async () => {
    const id = await newClaim();
    for (let i = 0; i < MAX_FILES - 1; i++)
      expect((await w.a.incentives.upload(id, u8(realPng([50, i])), `p${i}.png`)).status).toBe(201);
    const filesBefore = storedFiles();
    const racers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => w.a.incentives.upload(id, u8(realPng([60, i])), `r${i}.png`)),
    );
    const statuses = racers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 422)).toBe(true);
    expect(await documents(id)).toHaveLength(MAX_FILES);
    expect(storedFiles()).toBe(filesBefore + 1);
    expect(readdirSync(join(documentsDir(), "tmp"))).toEqual([]);
  });
});

describe.each(ENGINES)("hostile uploads with blobs in the database on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;

  beforeAll(async () => {
    t = await startTestServer(
      engine,
      { documentStorage: "db" },
      { maxBytes: 1024 * 1024, maxFilesPerClaim: 2 },
    );
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  async function blobHashes(): Promise<string[]> {
    if (engine === "sqlite") {
      const db = new Database(t.db.url.replace(/^sqlite:/, ""), { readonly: true });
      try {
        return (db.prepare("select sha256 from blobs").all() as { sha256: string }[])
          .map((r) => r.sha256)
          .sort();
      } finally {
        db.close();
      }
    }
    const c = new pg.Client({ connectionString: t.db.url });
    await c.connect();
    try {
      return (await c.query<{ sha256: string }>("select sha256 from blobs")).rows.map((r) => r.sha256).sort();
    } finally {
      await c.end();
    }
  }

  it("a refused upload, or one that lost the race for the last slot, leaves no blob row", async () => {
    const id = (
      await w.a.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(w.a, await w.customer()))
    ).body.id;
    expect((await w.a.incentives.upload(id, u8(realPng([1])), "a.png")).status).toBe(201);
    const bad = await w.a.incentives.upload(id, u8(docx({ macros: true })), "m.docx");
    expect(bad.status).toBe(415);
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => w.a.incentives.upload(id, u8(realPng([2, i])), `r${i}.png`)),
    );
    expect(racers.filter((r) => r.status === 201)).toHaveLength(1);
    const docs = (await w.a.incentives.get<{ items: { sha256: string }[] }>(`/api/v1/claims/${id}/documents`))
      .body.items;
    expect(docs.map((d) => d.sha256)).toContain(
      createHash("sha256")
        .update(realPng([1]))
        .digest("hex"),
    );
    expect(await blobHashes()).toEqual(docs.map((d) => d.sha256).sort());
  });
});
