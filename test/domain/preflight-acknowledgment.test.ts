// The acknowledgment check after the labelled corpus (issue 14, second pass): a blank signature line
// is the same "cannot tell" in both languages (a wet signature is ink, not text), "/s/" signs, and a
// marker beside the customer contact's name is the customer's. Also the work check's heading trap
// (a partner named "... Services delivered ...") and "&" against "und" in names.
import { describe, expect, it } from "vitest";
import {
  type ExtractedDocument,
  type PreflightClaim,
  runPreflightChecks,
} from "../../src/domain/preflight/index.ts";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const doc = (text: string): ExtractedDocument => ({
  pages: [{ text }],
  formFields: [],
  hasDigitalSignature: false,
  hasSignatureField: false,
  kind: "docx",
});
const claim = (name = "Fabrikam Retail Ltd"): PreflightClaim => ({
  customer: { name, domain: "fabrikam.example", tenantId: "3d1f0c2a-0000-4000-8000-00000000beef" },
  customerContact: { name: "Ana Ruiz", title: "CIO" },
  products: [{ code: "teams", names: ["Teams", "Microsoft Teams"] }],
  submittedAt: NOW,
});
const check = (text: string, name: string, c = claim()) =>
  runPreflightChecks(doc(text), c, NOW).find((x) => x.check === name);
const WORK =
  "We deployed Microsoft Teams to the sales and service teams, configured calling plans and migrated forty meeting rooms. End-user training sessions were delivered to key users and administrators.";

describe("customer acknowledgment, second pass", () => {
  it("treats a blank signature line the same in English and Spanish: cannot tell", () => {
    const en = check(
      `Customer: Fabrikam Retail. ${WORK}\nCustomer signature: ______________`,
      "customer_acknowledgment",
    );
    const es = check(
      `Cliente: Fabrikam Retail. ${WORK}\nFirma del cliente: ______________`,
      "customer_acknowledgment",
    );
    expect(en?.result).toBe("unknown");
    expect(es?.result).toBe("unknown");
    expect(en?.evidence?.note).toBe("signature_line");
    expect(es?.evidence?.note).toBe("signature_line");
    // The snippet quotes the document, the line itself.
    expect(en?.evidence?.snippet).toContain("Customer signature");
    expect(es?.evidence?.snippet).toContain("Firma del cliente");
  });
  it("warns with no signature line and no marker at all", () => {
    expect(
      check(`Customer: Fabrikam Retail. ${WORK}\nName: Ana Ruiz - Title: CIO`, "customer_acknowledgment")
        ?.result,
    ).toBe("warn");
  });
  it("reads '/s/ <contact>' and a marker beside the customer contact's name", () => {
    const far = `Customer: Fabrikam Retail. ${WORK} ${"Lorem ipsum dolor. ".repeat(30)}`;
    expect(check(`${far}\n/s/ Ana Ruiz`, "customer_acknowledgment")?.result).toBe("pass");
    expect(check(`${far}\nDigitally signed by Ana Ruiz`, "customer_acknowledgment")?.result).toBe("pass");
    expect(check(`${far}\nFirmado: Ana Ruiz`, "customer_acknowledgment")?.result).toBe("pass");
    // Someone else's signature far from the customer cannot tell.
    expect(check(`${far}\n/s/ Pedro Gil`, "customer_acknowledgment")?.result).toBe("unknown");
  });
});

describe("partner work, second pass", () => {
  it("does not read a heading inside the partner's name or a sentence", () => {
    const text =
      "Customer: Fabrikam Retail. This document confirms that Lucerne Technology Services delivered professional services to Fabrikam Retail under the agreed engagement. Services: as agreed. Work started on 2026-03-01 and was completed on 2026-04-01.";
    expect(check(text, "partner_work_described")?.result).toBe("warn");
  });
  it("still reads a heading that stands as one", () => {
    expect(
      check(
        `Fabrikam Retail.\nServices delivered:\nTeams rolled out to 300 users in three offices with calling plans, room systems, retention policies and a help desk trained on site over four weeks of hypercare support.`,
        "partner_work_described",
      )?.result,
    ).toBe("pass");
  });
});

describe("names, second pass", () => {
  it("reads '&', 'and', 'und', 'y' and 'e' between a name's words as the same", () => {
    for (const written of ["Müller und Söhne AG", "Müller & Söhne", "MÜLLER AND SÖHNE AG", "Müller y Söhne"])
      expect(
        check(`Customer: ${written}. ${WORK}`, "customer_named", claim("Müller & Söhne AG"))?.result,
      ).toBe("pass");
    expect(
      check(`Customer: Müller & Söhne AG. ${WORK}`, "customer_named", claim("Müller und Söhne AG"))?.result,
    ).toBe("pass");
  });
});
