// The PoE template (issue 14): a signed-in user downloads a fillable PDF in English or Spanish;
// filled in with the claim's facts, the preflight reads it as passing every check.
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPreflightChecks } from "../../src/domain/preflight/index.ts";
import { extractDocument } from "../../src/server/preflight/extract.ts";
import { ExtractPool } from "../../src/server/preflight/extract-pool.ts";
import { POE_SIGNATURE_FIELD, type POE_TEMPLATE_FIELDS } from "../../src/server/templates/poe-template.ts";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const CLAIM = {
  customer: {
    name: "Compañía Andina de Energía S.A.",
    domain: "andinaenergia.com.co",
    tenantId: "2c974fdc-49a1-431c-81fe-41fe05b32c97",
  },
  customerContact: { name: "Lucía Gómez" },
  products: [
    { code: "teams", names: ["Teams", "Microsoft Teams"] },
    { code: "exchange_online", names: ["Exchange Online"] },
  ],
  submittedAt: NOW,
};
const FILLED: Record<(typeof POE_TEMPLATE_FIELDS)[number], string> = {
  customer_name: "Compañía Andina de Energía S.A.",
  customer_tenant: "andinaenergia.com.co",
  products: "Microsoft Teams, Exchange Online",
  start_date: "2026-01-19",
  completion_date: "2026-04-24",
  partner_work:
    "We migrated 1,200 mailboxes to Exchange Online, deployed Microsoft Teams to every office, configured conditional access and retention, and trained 40 key users and the help desk.",
  signer_name: "Lucía Gómez",
  signer_title: "Directora de TI",
  signed_date: "2026-05-02",
};

describe.each(ENGINES)("PoE template on %s", (engine) => {
  let t: TestServer;
  const pool = new ExtractPool({ workers: 1 });
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => {
    await pool.close();
    await t.stop();
  });

  async function download(query: string, headers: Record<string, string> = {}) {
    const user = await t.userClient("reviewer");
    const res = await fetch(`${user.base}/api/v1/templates/poe.pdf${query}`, {
      headers: { authorization: `Bearer ${user.token}`, ...headers },
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  it("needs a signed-in user", async () => {
    expect((await t.anonymous.get("/api/v1/templates/poe.pdf")).status).toBe(401);
  });

  it("answers in the asked language, by ?lang= or Accept-Language", async () => {
    const es = await download("", { "accept-language": "es-MX,es;q=0.9" });
    expect(es.res.status).toBe(200);
    expect(es.res.headers.get("content-type")).toBe("application/pdf");
    expect(es.res.headers.get("content-language")).toBe("es");
    const en = await download("?lang=en", { "accept-language": "es" });
    expect(en.res.headers.get("content-language")).toBe("en");
    const text = async (b: Uint8Array) => {
      const x = await extractDocument(b, "application/pdf", pool);
      return "unreadable" in x ? "" : x.pages.map((p) => p.text).join(" ");
    };
    expect(await text(es.bytes)).toContain("Firma del cliente");
    expect(await text(en.bytes)).toContain("Customer signature");
  });

  it("filled in, passes every preflight check", async () => {
    for (const lang of ["en", "es"]) {
      const { bytes } = await download(`?lang=${lang}`);
      const doc = await PDFDocument.load(bytes);
      const form = doc.getForm();
      for (const [name, value] of Object.entries(FILLED)) form.getTextField(name).setText(value);
      expect(form.getFields().map((f) => f.getName())).toContain(POE_SIGNATURE_FIELD);
      const extracted = await extractDocument(await doc.save(), "application/pdf", pool);
      if ("unreadable" in extracted) throw new Error(extracted.unreadable);
      expect(extracted.hasSignatureField).toBe(true);
      const checks = runPreflightChecks(extracted, CLAIM, NOW);
      expect(checks.map((c) => [c.check, c.result])).toEqual([
        ["customer_named", "pass"],
        ["products_named", "pass"],
        ["dates", "pass"],
        ["customer_acknowledgment", "pass"],
        ["partner_work_described", "pass"],
      ]);
    }
  });
});
