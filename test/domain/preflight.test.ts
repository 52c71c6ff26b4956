// The PoE preflight's checks, one by one, in English and Spanish (issue 14).
import { describe, expect, it } from "vitest";
import {
  type ExtractedDocument,
  findDates,
  normalizeName,
  normalizeText,
  type PreflightClaim,
  runPreflightChecks,
  summarizePreflight,
} from "../../src/domain/preflight/index.ts";

const NOW = new Date("2026-06-15T10:00:00Z");
const WORK_EN =
  "Scope of work: we deployed Microsoft Teams to the sales and service teams, configured calling plans, migrated forty meeting rooms and trained the help desk in two sessions on site.";
const WORK_ES =
  "Trabajo realizado: implementamos Microsoft Teams en las áreas de ventas y servicio, configuramos los planes de llamadas, migramos cuarenta salas y capacitamos a la mesa de ayuda en sitio.";

const claim = (o: Partial<PreflightClaim> = {}): PreflightClaim => ({
  customer: {
    name: "Müller Logística, S.A. de C.V.",
    domain: "muller-log.mx",
    tenantId: "8f9e2c1a-0000-4000-8000-00000000abcd",
  },
  customerContact: { name: "Ana López", title: "CFO" },
  products: [{ code: "teams", names: ["Teams", "Microsoft Teams"] }],
  submittedAt: null,
  ...o,
});
const doc = (pages: string[], o: Partial<ExtractedDocument> = {}): ExtractedDocument => ({
  pages: pages.map((text) => ({ text })),
  formFields: [],
  hasDigitalSignature: false,
  hasSignatureField: false,
  kind: "pdf",
  ...o,
});
const run = (d: ExtractedDocument, c = claim(), now = NOW) =>
  Object.fromEntries(runPreflightChecks(d, c, now).map((x) => [x.check, x]));

describe("normalising", () => {
  it("folds case, accents, punctuation and legal suffixes", () => {
    expect(normalizeName("MÜLLER LOGÍSTICA S.A. DE C.V.")).toBe("muller logistica");
    expect(normalizeName("Acme, Inc.")).toBe("acme");
    expect(normalizeName("Fabrikam GmbH")).toBe("fabrikam");
    expect(normalizeName("Northwind S.L.")).toBe("northwind");
    expect(normalizeName("Tailspin LLC")).toBe("tailspin");
    expect(normalizeName("Woodgrove Ltd.")).toBe("woodgrove");
    expect(normalizeName("Inc")).toBe("inc");
    expect(normalizeText("Acme Inc. y Müller GmbH — S.A. de C.V.")).toBe("acme y muller");
  });
});

describe("customer named", () => {
  it("passes on the name in any case, accent or suffix, with page and snippet", () => {
    const r = run(doc(["Intro", `Cliente: MULLER LOGISTICA SA DE CV. ${WORK_ES}`]));
    expect(r.customer_named).toMatchObject({ result: "pass", evidence: { page: 2 } });
    expect(r.customer_named?.evidence?.snippet).toContain("MULLER LOGISTICA");
  });
  it("passes on the domain or the tenant id", () => {
    expect(run(doc([`Mail: it@muller-log.mx, Microsoft Teams. ${WORK_EN}`])).customer_named?.result).toBe(
      "pass",
    );
    expect(
      run(doc([`Tenant 8F9E2C1A-0000-4000-8000-00000000ABCD, Teams. ${WORK_EN}`])).customer_named?.result,
    ).toBe("pass");
  });
  it("does not match a name inside another word", () => {
    const c = claim({ customer: { name: "Ace", domain: "ace.example", tenantId: "tid-000" } });
    expect(run(doc([`Delivered to Peace Corp. Microsoft Teams. ${WORK_EN}`]), c).customer_named?.result).toBe(
      "warn",
    );
  });
  it("naming neither the customer nor a product is missing_all_poe", () => {
    const r = run(doc(["An invoice from another supplier about something else entirely, 1 June 2026."]));
    expect(r.customer_named).toMatchObject({ result: "warn", reason: "missing_all_poe" });
    expect(r.products_named).toMatchObject({ result: "warn", reason: "missing_all_poe" });
  });
});

describe("products named", () => {
  const two = claim({
    products: [
      { code: "teams", names: ["Teams", "Microsoft Teams"] },
      { code: "d365_sales", names: ["Dynamics 365 Sales", "Dynamics 365 Ventas"] },
    ],
  });
  it("passes when every product is named, by catalog name or alias, in either language", () => {
    const r = run(doc([`Müller Logística: Teams y DYNAMICS 365 VENTAS. ${WORK_ES}`]), two);
    expect(r.products_named).toMatchObject({ result: "pass", reason: "missing_products" });
  });
  it("warns and lists the products not named", () => {
    const r = run(doc([`Müller Logística: Microsoft Teams. ${WORK_EN}`]), two);
    expect(r.products_named).toMatchObject({
      result: "warn",
      reason: "missing_products",
      missingProducts: ["d365_sales"],
    });
  });
});

describe("dates", () => {
  const with_ = (text: string) => run(doc([`Müller Logística, Teams. ${text}`])).dates;
  it("reads ISO, day-first, English and Spanish dates", () => {
    const days = (s: string) => findDates(normalizeForDates(s)).map((d) => d.date.toISOString().slice(0, 10));
    expect(
      days("2026-03-01 · 01/03/2026 · 1 March 2026 · March 1, 2026 · 1 de marzo de 2026 · 1º MARZO 2026"),
    ).toEqual(Array(6).fill("2026-03-01"));
    expect(days("03/25/2026 and 31/02/2026 and 15 de setiembre de 2025")).toEqual([
      "2026-03-25",
      "2025-09-15",
    ]);
  });
  it("passes a recent date, with its snippet", () => {
    expect(with_("Fecha: 2 de mayo de 2026")).toMatchObject({
      result: "pass",
      evidence: { snippet: expect.stringContaining("2 de mayo de 2026") },
    });
  });
  it("warns with no date, a future date, or only old dates", () => {
    expect(with_("no date at all")).toMatchObject({ result: "warn", reason: "missing_or_old_dates" });
    expect(with_("Signed 1 May 2026, valid until 1 January 2027")).toMatchObject({
      result: "warn",
      evidence: { snippet: expect.stringContaining("1 January 2027") },
    });
    expect(with_("Signed 10/05/2025")).toMatchObject({ result: "warn" });
  });
  it("counts the window back from submission, not from now", () => {
    const d = doc(["Müller Logística, Teams. Signed 10/05/2025"]);
    const submitted = claim({ submittedAt: new Date("2026-01-10T00:00:00Z") });
    expect(run(d, submitted).dates?.result).toBe("pass");
    expect(
      runPreflightChecks(d, claim(), NOW, { dateWindowMonths: 24 }).find((c) => c.check === "dates")?.result,
    ).toBe("pass");
  });
});

describe("customer acknowledgment", () => {
  const ack = (d: ExtractedDocument) => run(d).customer_acknowledgment;
  it("passes on a digital signature or a filled signature field", () => {
    expect(ack(doc(["Teams"], { hasDigitalSignature: true }))?.result).toBe("pass");
    expect(
      ack(doc(["Teams"], { formFields: [{ name: "customer_signature", value: "Ana López" }] }))?.result,
    ).toBe("pass");
  });
  it("passes on a signing marker near the customer's name, English or Spanish", () => {
    expect(ack(doc([`${WORK_EN}\nAccepted by: John Smith, Müller Logística`]))?.result).toBe("pass");
    expect(ack(doc([`${WORK_ES}\nFIRMADO POR: Ana López — MULLER LOGISTICA S.A. DE C.V.`]))?.result).toBe(
      "pass",
    );
    expect(ack(doc([`${WORK_ES}\nMüller Logística\nFirma: Ana López`]))?.result).toBe("pass");
  });
  it("cannot tell from a marker far from the customer or an empty signature field", () => {
    expect(
      ack(doc([`Müller Logística. ${"x ".repeat(300)} Signed by the partner, Contoso Consulting`]))?.result,
    ).toBe("unknown");
    expect(ack(doc(["Müller Logística, Teams"], { hasSignatureField: true }))?.result).toBe("unknown");
  });
  it("warns when nothing is signed: negations do not count", () => {
    expect(ack(doc([`Müller Logística ${WORK_EN}\nNot signed yet; sin firmar`]))).toMatchObject({
      result: "warn",
      reason: "missing_customer_acknowledgment",
    });
  });
});

describe("partner work described", () => {
  const work = (text: string, min?: number) =>
    runPreflightChecks(
      doc([`Müller Logística, Teams. ${text}`]),
      claim(),
      NOW,
      min ? { minWorkDescriptionChars: min } : {},
    ).find((c) => c.check === "partner_work_described");
  it("passes a described section in English or Spanish", () => {
    expect(work(WORK_EN)).toMatchObject({
      result: "pass",
      evidence: { snippet: expect.stringContaining("Scope of work") },
    });
    expect(work(WORK_ES)?.result).toBe("pass");
    expect(
      work(
        "Descripción de los servicios: se implementó Teams en tres oficinas con soporte local, migración de buzones de correo, configuración de salas y capacitación de usuarios clave durante seis semanas.",
      )?.result,
    ).toBe("pass");
  });
  it("warns when it is too short or absent", () => {
    expect(work("Scope of work: Teams.")).toMatchObject({
      result: "warn",
      reason: "missing_partner_solution",
    });
    expect(work("Nothing about what was done.")?.result).toBe("warn");
    expect(work(WORK_EN, 5000)?.result).toBe("warn");
  });
});

describe("a document without text", () => {
  it("cannot tell anything (a scan)", () => {
    const r = runPreflightChecks(doc(["  ", "3"]), claim(), NOW);
    expect(r.map((c) => c.result)).toEqual(["unknown", "unknown", "unknown", "unknown", "unknown"]);
  });
});

describe("the claim's summary", () => {
  const checks = (d: ExtractedDocument) => runPreflightChecks(d, claim(), NOW);
  it("passes a check any document passes, and predicts the rest", () => {
    const unsigned = checks(doc([`Müller Logística, Microsoft Teams, 1 June 2026. ${WORK_EN}`]));
    const signed = checks(doc(["Teams"], { hasDigitalSignature: true }));
    expect(summarizePreflight([{ status: "done", checks: unsigned }]).predictedReasons).toEqual([
      "missing_customer_acknowledgment",
    ]);
    expect(
      summarizePreflight([
        { status: "done", checks: unsigned },
        { status: "done", checks: signed },
      ]),
    ).toMatchObject({ status: "done", predictedReasons: [] });
    expect(summarizePreflight([{ status: "pending", checks: [] }]).status).toBe("pending");
    expect(summarizePreflight([{ status: "unreadable", checks: [] }]).status).toBe("unreadable");
    expect(summarizePreflight([]).status).toBe("none");
  });
  it("says only missing_all_poe for a document about something else", () => {
    const other = checks(doc(["An invoice from another supplier about something else entirely."]));
    expect(summarizePreflight([{ status: "done", checks: other }]).predictedReasons).toEqual([
      "missing_all_poe",
    ]);
  });
});

function normalizeForDates(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}
