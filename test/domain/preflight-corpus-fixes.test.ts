// Failure classes the labelled PoE corpus found (npm run bench:preflight), each fixed in
// src/domain/preflight and pinned here: "Fdo.:" signs a Spanish letter, "Company" is a legal
// suffix, German umlauts may be written out, and work described without "we" is still described.
import { describe, expect, it } from "vitest";
import { type ExtractedDocument, runPreflightChecks } from "../../src/domain/preflight/index.ts";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const doc = (text: string): ExtractedDocument => ({
  pages: [{ text }],
  formFields: [],
  hasDigitalSignature: false,
  hasSignatureField: false,
  kind: "pdf",
});
const claim = (name: string) => ({
  customer: { name, domain: "example-customer.com", tenantId: "2c974fdc-49a1-431c-81fe-41fe05b32c97" },
  customerContact: { name: "Javier Martín" },
  products: [{ code: "teams", names: ["Teams", "Microsoft Teams"] }],
  submittedAt: NOW,
});
const result = (text: string, name: string, check: string) =>
  runPreflightChecks(doc(text), claim(name), NOW).find((c) => c.check === check)?.result;

const WORK =
  "Our assigned consultants planned and deployed Microsoft Teams for the customer's users, including tenant configuration and security baselines, and integrated it with the existing line-of-business systems.";

describe("preflight fixes from the labelled corpus", () => {
  it("reads 'Fdo.:' beside the customer as a signature", () => {
    const text = `Acta de aceptación. Microsoft Teams desplegado el 2026-03-20. ${WORK} Conformidad de Alpine Ski House S.L. Fdo.: Javier Martín`;
    expect(result(text, "Alpine Ski House S.L.", "customer_acknowledgment")).toBe("pass");
  });

  it("finds 'Lamna Healthcare Co.' for the registry's 'Lamna Healthcare Company'", () => {
    expect(
      result(`Customer: Lamna Healthcare Co. ${WORK}`, "Lamna Healthcare Company", "customer_named"),
    ).toBe("pass");
  });

  it("finds 'Mueller & Soehne AG' for 'Müller & Söhne AG'", () => {
    expect(result(`Customer: Mueller & Soehne AG ${WORK}`, "Müller & Söhne AG", "customer_named")).toBe(
      "pass",
    );
  });

  it("counts work described without 'we' ('planned and deployed', 'integrated')", () => {
    expect(result(`Customer: Contoso Ltd. ${WORK}`, "Contoso Ltd", "partner_work_described")).toBe("pass");
  });
});
