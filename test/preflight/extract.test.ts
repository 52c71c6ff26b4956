// Extraction in the bounded worker pool: real PDF (text, AcroForm fields, a signature field), DOCX
// and XLSX files; images refused as unreadable; a hostile file stopped by the worker's limits while
// the main thread stays free and the pool goes on serving.
import { afterAll, describe, expect, it } from "vitest";
import { runPreflightChecks } from "../../src/domain/preflight/index.ts";
import { extractDocument } from "../../src/server/preflight/extract.ts";
import { ExtractPool } from "../../src/server/preflight/extract-pool.ts";
import { unreadableCodeOf, unreadableReason } from "../../src/server/preflight/unreadable-reasons.ts";
import { realPng } from "../support/hostile-files.ts";
import { poeDocx, poePdf, poeXlsx, xlsxBomb } from "../support/poe-files.ts";

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("preflight extraction", () => {
  const pool = new ExtractPool({ workers: 2 });
  afterAll(() => pool.close());

  it("reads a PDF's text per page and its AcroForm signature field", async () => {
    const bytes = await poePdf(
      [
        ["Proof of execution", "Customer: Contoso Ltd"],
        ["Signed by Jane Roe, Contoso", "1 March 2026"],
      ],
      { signatureField: true },
    );
    const doc = await extractDocument(bytes, PDF, pool);
    if ("unreadable" in doc) throw new Error(doc.unreadable);
    expect(doc.kind).toBe("pdf");
    expect(doc.pages).toHaveLength(2);
    expect(doc.pages[0]?.text).toContain("Customer: Contoso Ltd");
    expect(doc.pages[1]?.text).toContain("1 March 2026");
    expect(doc.hasSignatureField).toBe(true);
    expect(doc.hasDigitalSignature).toBe(false);
  });

  it("a PDF without a signature field says so", async () => {
    const doc = await extractDocument(await poePdf([["Just text"]]), PDF, pool);
    expect(doc).toMatchObject({ kind: "pdf", hasSignatureField: false, hasDigitalSignature: false });
  });

  it("reads a DOCX's paragraphs", async () => {
    const doc = await extractDocument(
      poeDocx(["Constancia de ejecución", "Firmado por Contoso, S.A."]),
      DOCX,
      pool,
    );
    if ("unreadable" in doc) throw new Error(doc.unreadable);
    expect(doc.kind).toBe("docx");
    expect(doc.pages[0]?.text).toContain("Constancia de ejecución");
    expect(doc.pages[0]?.text).toContain("Firmado por Contoso, S.A.");
  });

  it("reads an XLSX's cells, dates as ISO days", async () => {
    const bytes = await poeXlsx([
      ["Customer", "Contoso"],
      ["Date", new Date(Date.UTC(2026, 2, 1))],
    ]);
    const doc = await extractDocument(bytes, XLSX, pool);
    if ("unreadable" in doc) throw new Error(doc.unreadable);
    expect(doc.pages[0]?.text).toContain("Customer Contoso");
    expect(doc.pages[0]?.text).toContain("2026-03-01");
  });

  it("never guesses at an image", async () => {
    expect(await extractDocument(new Uint8Array(realPng([1])), "image/png", pool)).toEqual({
      unreadable: unreadableReason.image(),
    });
    expect(await extractDocument(new Uint8Array([1, 2]), "image/jpeg", pool)).toEqual({
      unreadable: unreadableReason.image(),
    });
  });

  it("a broken PDF is unreadable, not a crash", async () => {
    const r = await extractDocument(new Uint8Array(Buffer.from("%PDF-1.7\nnot really\n%%EOF")), PDF, pool);
    expect(r).toMatchObject({ unreadable: expect.stringMatching(/could not be read/) });
    expect("unreadable" in r && unreadableCodeOf(r.unreadable)).toBe("damaged");
  });

  it("a bomb hits the worker's limits; the main thread stays free and the pool serves on", async () => {
    const small = new ExtractPool({ workers: 1, timeoutMs: 1500, maxHeapMb: 64 });
    try {
      const bomb = xlsxBomb(3_000_000);
      expect(bomb.byteLength).toBeLessThan(2_000_000);
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 50);
      const started = performance.now();
      const r = await extractDocument(bomb, XLSX, small);
      clearInterval(ticker);
      expect(r).toMatchObject({ unreadable: expect.stringMatching(/longer than|too much memory|reader/) });
      expect(["too_slow", "too_much_memory", "reader_failed"]).toContain(
        "unreadable" in r && unreadableCodeOf(r.unreadable),
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      // The event loop kept turning while the worker chewed (a stalled loop would count ~0).
      expect(ticks).toBeGreaterThan(3);
      expect(small.killed).toBe(1);
      const after = await extractDocument(await poePdf([["Still here"]]), PDF, small);
      expect(after).toMatchObject({ kind: "pdf" });
    } finally {
      await small.close();
    }
  });

  it("a real PDF goes through the checks end to end", async () => {
    const bytes = await poePdf([
      [
        "Proof of execution - Contoso Pharma, S.A. de C.V.",
        "Date: 2026-03-01",
        "Scope of work: we deployed Microsoft Teams for 400 users, configured the phone system, migrated",
        "the old meeting rooms and trained the help desk over four weeks on site in Monterrey.",
        "Aceptado por: Ana López, Contoso Pharma",
      ],
    ]);
    const doc = await extractDocument(bytes, PDF, pool);
    if ("unreadable" in doc) throw new Error(doc.unreadable);
    const checks = runPreflightChecks(
      doc,
      {
        customer: { name: "Contoso Pharma SA de CV", domain: "contoso.mx", tenantId: "t-1" },
        customerContact: { name: "Ana López" },
        products: [{ code: "teams", names: ["Teams", "Microsoft Teams"] }],
        submittedAt: null,
      },
      new Date("2026-05-01T12:00:00Z"),
    );
    expect(checks.map((c) => [c.check, c.result])).toEqual([
      ["customer_named", "pass"],
      ["products_named", "pass"],
      ["dates", "pass"],
      ["customer_acknowledgment", "pass"],
      ["partner_work_described", "pass"],
    ]);
    expect(checks[3]?.evidence).toMatchObject({ page: 1, snippet: expect.stringContaining("Aceptado por") });
  });
});
