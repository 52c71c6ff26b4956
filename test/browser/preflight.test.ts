// The PoE preflight in a real browser (issue 14), on each engine: a partner attaches a PDF that
// lacks the customer's signature and sees, before submitting, what it is likely to be sent back for
// (English, Spanish, phone width); a reviewer turns the failed checks into an information request
// with one click. axe stays clean on the screens shown.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as sharedEn } from "../../src/i18n/en.ts";
import { es as sharedEs } from "../../src/i18n/es.ts";
import { preflightEn } from "../../web/src/i18n/preflight-en.ts";
import { preflightEs } from "../../web/src/i18n/preflight-es.ts";
import { type Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { buildWebApp, screenshot, visible, WEB } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { realPng } from "../support/hostile-files.ts";
import { browserPages, expectAxeClean, makeUser, PHONE } from "../support/journey.ts";
import { poePdf } from "../support/poe-files.ts";

const en = WEB.en;
const TIMEOUT = 180_000;
const UNSIGNED = preflightEn.likely.replace("{{reasons}}", sharedEn.reason.missing_customer_acknowledgment);
const UNSIGNED_ES = preflightEs.likely.replace(
  "{{reasons}}",
  sharedEs.reason.missing_customer_acknowledgment,
);

let files: string;
beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), "claimdesk-preflight-"));
  buildWebApp();
}, 300_000);
afterAll(() => {
  if (files) rmSync(files, { recursive: true, force: true });
});

/** Picks `option` in the Mantine Select (or MultiSelect) named `label` (as journeys.test.ts does). */
async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe.each(ENGINES)("PoE preflight in the browser on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let base: string;

  /** A PoE that names the customer, the product, today and the work, and is signed by nobody. */
  async function unsignedPdf(name: string): Promise<string> {
    const today = new Date(t.server.ctx.clock.now()).toISOString().slice(0, 10);
    const path = join(files, name);
    writeFileSync(
      path,
      await poePdf([
        [
          "Proof of execution - Customer Ltd",
          `Date: ${today}`,
          "Scope of work: we deployed Microsoft Teams for all 300 staff, configured calling plans,",
          "migrated the meeting rooms and trained the service desk on site over three weeks.",
        ],
      ]),
    );
    return path;
  }
  async function draft(partner: { api: Client }): Promise<{ id: string; number: string }> {
    const c = await partner.api.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    expect(c.status).toBe(201);
    return c.body;
  }
  beforeAll(async () => {
    t = await startTestServer(engine);
    base = t.server.url;
    w = await httpWorld(t);
  });
  afterAll(() => t?.stop());
  const pages = browserPages(engine, "preflight");

  it(
    "a partner attaches an unsigned PDF and sees the likely reason before submitting (en, es, phone)",
    async () => {
      const partner = await makeUser(t, "incentives_admin", w.a.id);
      const claim = await draft(partner);
      const p = await pages.signedIn(base, partner);
      await p.goto(`${base}/claims/${claim.id}`);
      await visible(p.getByRole("heading", { level: 1, name: claim.number }));
      await p.getByRole("tab", { name: new RegExp(`^${en.claim.documents}`) }).click();
      await p.locator("input[type=file]").setInputFiles(await unsignedPdf("unsigned.pdf"));
      await visible(p.getByText(en.newClaim.uploaded.replace("{{name}}", "unsigned.pdf")));
      // Read by the server after the upload committed; the page polls while it is pending.
      const panel = p.getByTestId("preflight");
      await visible(panel.getByText(UNSIGNED), 20_000);
      await visible(panel.getByText(preflightEn.check.customer_acknowledgment));
      await visible(panel.getByText(preflightEn.hint));
      // Never blocking: submit is still offered.
      await visible(p.getByRole("button", { name: en.action.submit, exact: true }));
      await expectAxeClean(p);
      await screenshot(p, engine, "preflight-partner-en");

      const spanish = await makeUser(t, "incentives_admin", w.a.id, { locale: "es" });
      const s = await pages.signedIn(base, spanish, { formLang: "en", appLang: "es" });
      await s.goto(`${base}/claims/${claim.id}`);
      await visible(s.getByTestId("preflight").getByText(UNSIGNED_ES), 20_000);
      await visible(s.getByText(preflightEs.check.partner_work_described));
      await expectAxeClean(s);
      await screenshot(s, engine, "preflight-partner-es");

      const phone = await pages.signedIn(base, partner, { viewport: PHONE });
      await phone.goto(`${base}/claims/${claim.id}`);
      await visible(phone.getByTestId("preflight").getByText(UNSIGNED), 20_000);
      await screenshot(phone, engine, "preflight-partner-phone");
    },
    TIMEOUT,
  );

  it(
    "an image, a blank signature line and active content are said in the reader's language (es, en)",
    async () => {
      const spanish = await makeUser(t, "incentives_admin", w.a.id, { locale: "es" });
      const claim = await draft(spanish);
      const today = new Date(t.server.ctx.clock.now()).toISOString().slice(0, 10);
      const lined = await poePdf([
        [
          "Prueba de ejecución - Customer Ltd",
          `Fecha: ${today}`,
          "Trabajo: desplegamos Microsoft Teams para los 300 empleados, configuramos los planes de",
          "llamadas, migramos las salas de reuniones y formamos al servicio de asistencia en tres semanas.",
          "Firma del cliente: ______________",
        ],
      ]);
      const active = new Uint8Array(
        Buffer.from(
          "%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
          "latin1",
        ),
      );
      for (const [bytes, name, type] of [
        [new Uint8Array(realPng([71, 72])), "escaneo.png", "image/png"],
        [lined, "firma.pdf", "application/pdf"],
        [active, "activo.pdf", "application/pdf"],
      ] as const)
        expect((await spanish.api.upload(claim.id, bytes, name, type)).status).toBe(201);

      const lang = { es: [preflightEs, WEB.es], en: [preflightEn, WEB.en] } as const;
      const english = await makeUser(t, "incentives_admin", w.a.id);
      for (const [who, code] of [
        [spanish, "es"],
        [english, "en"],
      ] as const) {
        const [texts, web] = lang[code];
        const p = await pages.signedIn(base, who, { formLang: "en", appLang: code });
        await p.goto(`${base}/claims/${claim.id}`);
        await visible(p.getByRole("heading", { level: 1, name: claim.number }));
        await p.getByRole("tab", { name: new RegExp(`^${web.claim.documents}`) }).click();
        const panel = p.getByTestId("preflight");
        await visible(panel.getByText(texts.unreadableCode.image.replace("{{name}}", "escaneo.png")), 20_000);
        await visible(panel.getByText(texts.note.signature_line, { exact: false }));
        // The note comes with the document's own words around the line.
        await visible(panel.getByText("Firma del cliente", { exact: false }));
        const what = web.claim.flag.activeWhat;
        // JavaScript and JS mean the same to a reader: one badge.
        await visible(p.getByText(web.claim.flag.active.replace("{{what}}", what.JavaScript)));
        expect(await p.getByText(web.claim.flag.active.replace("{{what}}", what.JavaScript)).count()).toBe(1);
        await visible(p.getByText(web.claim.flag.active.replace("{{what}}", what.OpenAction)));
        // No English words from the server where the reader's language has its own.
        expect(await p.getByText("images cannot be read").count()).toBe(0);
        expect(await p.getByText("pdf_active_content", { exact: false }).count()).toBe(0);
        await expectAxeClean(p);
        await screenshot(p, engine, `preflight-said-${code}`);
      }
    },
    TIMEOUT,
  );

  it(
    "the New claim screen shows the likely reason after attaching and on the review step",
    async () => {
      const partner = await makeUser(t, "incentives_admin", w.a.id);
      const customer = await w.customer();
      const p = await pages.signedIn(base, partner);
      await p.goto(`${base}/claims/new`);
      await visible(p.getByRole("heading", { level: 1, name: en.newClaim.title }));
      await p.getByLabel(en.newClaim.lookupBy, { exact: true }).fill(customer.tenantId);
      await p.getByRole("button", { name: en.newClaim.lookup, exact: true }).click();
      await visible(p.getByText(`Customer Ltd · ${customer.domain}`));
      await choose(p, en.claim.activity, sharedEn.activity.deployment);
      await choose(p, en.claim.products, "Teams", "Teams");
      await p.keyboard.press("Escape");
      await p.getByLabel(`${en.claim.customerContact}: ${en.claim.name}`).fill("Casey Customer");
      await p.getByLabel(`${en.claim.customerContact}: ${en.claim.email}`).fill("casey@customer.example");
      await choose(p, en.claim.contactLocale, "English");
      await p.getByLabel(`${en.claim.partnerContact}: ${en.claim.name}`).fill("Paula Partner");
      await p.getByLabel(`${en.claim.partnerContact}: ${en.claim.email}`).fill("paula@partner.example");
      await p.getByRole("button", { name: en.newClaim.createDraft }).click();
      await visible(p.getByText(en.newClaim.dropFiles));
      await p.locator("input[type=file]").setInputFiles(await unsignedPdf("new-claim.pdf"));
      await visible(p.getByTestId("preflight").getByText(UNSIGNED), 20_000);
      await screenshot(p, engine, "preflight-new-claim-documents");
      await p.getByRole("button", { name: en.next, exact: true }).click();
      await visible(p.getByRole("button", { name: en.newClaim.submitClaim }));
      await visible(p.getByTestId("preflight").getByText(UNSIGNED));
      await expectAxeClean(p);
      await screenshot(p, engine, "preflight-new-claim-review");
    },
    TIMEOUT,
  );

  it(
    "a reviewer turns the failed checks into an information request with one click",
    async () => {
      const partner = await makeUser(t, "incentives_admin", w.a.id);
      const claim = await draft(partner);
      const pdf = await unsignedPdf("review.pdf");
      const up = await partner.api.upload(
        claim.id,
        new Uint8Array(readFileSync(pdf)),
        "review.pdf",
        "application/pdf",
      );
      expect(up.status).toBe(201);
      expect((await partner.api.post(`/api/v1/claims/${claim.id}/actions/submit`)).status).toBe(200);
      const reviewer = await makeUser(t, "reviewer", null);
      expect((await reviewer.api.post(`/api/v1/claims/${claim.id}/actions/start-review`)).status).toBe(200);

      const r = await pages.signedIn(base, reviewer);
      await r.goto(`${base}/claims/${claim.id}`);
      await visible(r.getByRole("heading", { level: 1, name: claim.number }));
      await r.getByRole("tab", { name: new RegExp(`^${en.claim.documents}`) }).click();
      const panel = r.getByTestId("preflight");
      await visible(panel.getByText(UNSIGNED), 20_000);
      await expectAxeClean(r);
      await screenshot(r, engine, "preflight-reviewer");
      await panel.getByRole("button", { name: preflightEn.askInformation }).click();
      const label = en.action["request-information"];
      const dialog = r.getByRole("dialog", { name: label });
      await visible(dialog);
      expect(
        await dialog
          .getByRole("checkbox", { name: sharedEn.reason.missing_customer_acknowledgment })
          .isChecked(),
      ).toBe(true);
      expect(await dialog.getByRole("checkbox", { name: sharedEn.reason.missing_products }).isChecked()).toBe(
        false,
      );
      const comment = await dialog.getByRole("textbox", { name: en.action.commentLabel }).inputValue();
      expect(comment).toContain(sharedEn.reason.missing_customer_acknowledgment);
      await screenshot(r, engine, "preflight-request-information");
      await dialog.getByRole("button", { name: label, exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect
        .poll(
          async () =>
            (await reviewer.api.get<{ status: string; reasons: string[] }>(`/api/v1/claims/${claim.id}`))
              .body,
        )
        .toMatchObject({ status: "partner_action_required", reasons: ["missing_customer_acknowledgment"] });
    },
    TIMEOUT,
  );
});
