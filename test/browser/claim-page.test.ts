// The claim page tells each person what the other side wrote and what to do (issue 11), in a real
// browser against a real server on each engine: a reviewer asks for information with a text, the
// partner reads the request, its reasons as a checklist and the due date in the action panel, and
// resubmits; a rejection is disputed (in Spanish) with a justification and a document, and the
// reviewer (at 390x844) reads both in the panel and decides. The history folds notification rows;
// the reviewer sees the partner organisation's name and the competing claims; every dialog says
// what it does to which claim; axe finds nothing serious. Screenshots: claimpage-*.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as sharedEn } from "../../src/i18n/en.ts";
import { es as sharedEs } from "../../src/i18n/es.ts";
import { claimPageEn } from "../../web/src/i18n/claim-page-en.ts";
import { claimPageEs } from "../../web/src/i18n/claim-page-es.ts";
import { problemsEn } from "../../web/src/i18n/problems-en.ts";
import { problemsEs } from "../../web/src/i18n/problems-es.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { buildWebApp, screenshot, visible, WEB } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { realPng } from "../support/hostile-files.ts";
import { browserPages, expectAxeClean, makeUser, PHONE, type TestUser } from "../support/journey.ts";

const TIMEOUT = 180_000;
const en = WEB.en;
const es = WEB.es;
const cpEn = claimPageEn;
const cpEs = claimPageEs;
const PROBLEMS = { en: problemsEn, es: problemsEs } as const;
/** The part of a text before its first placeholder: what a page shows whatever the values. */
const lead = (text: string) => text.split("{{")[0]?.trim() ?? text;

interface ClaimJson {
  id: string;
  number: string;
}

beforeAll(() => buildWebApp(), 300_000);

describe.each(ENGINES)("the claim page on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let base: string;
  let partner: TestUser;
  let partnerEs: TestUser;
  let reviewer: TestUser;

  /** Signed in through the English form; the app then speaks `lang`, the user's language. */
  const pageFor = (who: TestUser, lang: "en" | "es" = "en", viewport?: typeof PHONE) =>
    pages.signedIn(base, who, { formLang: "en", appLang: lang, viewport });

  async function openClaim(page: Page, claim: ClaimJson): Promise<void> {
    await page.goto(`${base}/claims/${claim.id}`);
    await visible(page.getByRole("heading", { level: 1, name: claim.number }));
  }

  const panel = (page: Page, title: string) => page.getByRole("region", { name: title });

  /** Through the panel's (or title's) button, into its dialog, which must say what it does. */
  async function act(
    page: Page,
    label: string,
    says: string[],
    fill: (dialog: Locator) => Promise<void> = async () => {},
  ): Promise<void> {
    await page.getByRole("button", { name: label, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: label });
    await visible(dialog);
    for (const s of says) await visible(dialog.getByText(s));
    await fill(dialog);
    await dialog.getByRole("button", { name: label, exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  async function submitted(org = w.a, customer?: { tenantId: string; domain: string }): Promise<ClaimJson> {
    const c = customer ?? (await w.customer());
    const api = org === w.a ? partner.api : org.incentives;
    const created = await api.post<ClaimJson>("/api/v1/claims", w.claimBody(org, c));
    expect(created.status).toBe(201);
    expect((await api.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(201);
    expect((await api.post(`/api/v1/claims/${created.body.id}/actions/submit`)).status).toBe(200);
    return created.body;
  }

  beforeAll(async () => {
    t = await startTestServer(engine);
    base = t.server.url;
    w = await httpWorld(t);
    partner = await makeUser(t, "incentives_admin", w.a.id, { name: "Paula Partner" });
    partnerEs = await makeUser(t, "incentives_admin", w.a.id, { locale: "es", name: "Paula Partner" });
    reviewer = await makeUser(t, "reviewer", null, { name: "Riley Reviewer" });
  }, 120_000);
  afterAll(() => t?.stop());
  const pages = browserPages(engine, "claimpage");

  it(
    "an information request reaches the partner in the panel; history folds notifications; competing claims",
    async () => {
      const customer = await w.customer();
      const claim = await submitted(w.a, customer);
      const rival = await submitted(w.b, customer);
      const instruction = "Please add the signed statement of work with its dates.";

      // The reviewer: the partner organisation by name, whose turn it is, and dialogs with content.
      const r = await pageFor(reviewer);
      await openClaim(r, claim);
      const rPanel = panel(r, cpEn.panel.title);
      await visible(rPanel.getByText(cpEn.panel.yourTurn, { exact: true }));
      await visible(r.getByText(`${cpEn.organization}: Contoso`));
      await expectAxeClean(r, "reviewer claim page");
      await act(r, en.action["start-review"], [claim.number, "Contoso"]);
      await visible(rPanel.getByText(cpEn.panel.situation.act.under_review));
      await act(r, en.action["request-information"], [claim.number], async (dialog) => {
        await dialog.getByRole("checkbox", { name: sharedEn.reason.missing_or_old_dates }).check();
        await dialog.getByRole("checkbox", { name: sharedEn.reason.missing_customer_acknowledgment }).check();
        await dialog.getByRole("textbox", { name: en.action.commentLabel }).fill(instruction);
      });
      await visible(rPanel.getByText(cpEn.panel.notYourTurn));
      await visible(rPanel.getByText(lead(cpEn.panel.due.partner_response.wait)));
      await screenshot(r, engine, "claimpage-reviewer-waiting");

      // Competing claims side by side: number (a link), partner, products, dates, state.
      await r.getByRole("tab", { name: new RegExp(`^${en.claim.competing}`) }).click();
      const rivalCard = r.getByRole("link", { name: rival.number, exact: true });
      await visible(rivalCard);
      await visible(r.getByText("Fabrikam", { exact: true }));
      await visible(r.getByText(cpEn.competing.submitted).first());
      await expectAxeClean(r, "competing claims");
      await screenshot(r, engine, "claimpage-competing");

      // The partner reads the request in the panel: the words, the reasons checklist, the due date.
      const p = await pageFor(partner);
      await openClaim(p, claim);
      const pPanel = panel(p, cpEn.panel.title);
      await visible(
        pPanel.getByText(cpEn.panel.messageFrom.information_request.replace("{{name}}", reviewer.name)),
      );
      await visible(pPanel.getByText(instruction));
      await visible(pPanel.getByRole("checkbox", { name: sharedEn.reason.missing_or_old_dates }));
      await visible(pPanel.getByRole("checkbox", { name: sharedEn.reason.missing_customer_acknowledgment }));
      await visible(pPanel.getByText(lead(cpEn.panel.due.partner_response.act)));
      await pPanel.getByRole("checkbox", { name: sharedEn.reason.missing_or_old_dates }).check();
      await expectAxeClean(p, "partner action panel");
      await screenshot(p, engine, "claimpage-partner-request");

      // The partner adds the document and resubmits from the panel.
      expect((await partner.api.upload(claim.id, pdfBytes(), "sow.pdf", "application/pdf")).status).toBe(201);
      await p.reload();
      await act(p, en.action.resubmit, [claim.number]);
      await visible(pPanel.getByText(cpEn.panel.situation.wait.under_review));

      // History: every entry's data; notification rows folded behind one toggle.
      await t.server.notifier.runOnce();
      await p.reload();
      await p.getByRole("tab", { name: en.claim.history }).click();
      const toggle = p.getByRole("button", { name: new RegExp(lead(cpEn.history.showNotifications_other)) });
      await visible(toggle);
      expect(await p.getByText(en.event.notified, { exact: true }).count()).toBe(0);
      await visible(p.getByText(instruction));
      await visible(p.getByRole("link", { name: "sow.pdf" }));
      await screenshot(p, engine, "claimpage-history-folded");
      await toggle.click();
      await visible(p.getByText(en.event.notified, { exact: true }));
      await expectAxeClean(p, "history");
    },
    TIMEOUT,
  );

  it(
    "a dispute in Spanish, with a justification and a document, reaches the reviewer's panel at phone width",
    async () => {
      const claim = await submitted();
      expect((await reviewer.api.post(`/api/v1/claims/${claim.id}/actions/start-review`)).status).toBe(200);
      const rejection = "The proof of execution carries no customer signature.";
      const rejected = await reviewer.api.post(`/api/v1/claims/${claim.id}/actions/reject`, {
        reasons: ["insufficient_poe"],
        comment: rejection,
      });
      expect(rejected.status).toBe(200);
      expect((await partner.api.upload(claim.id, pdfBytes(), "signed.pdf", "application/pdf")).status).toBe(
        201,
      );

      // The partner, in Spanish: the rejection's words and reasons, until when to dispute, and the dispute.
      const p = await pageFor(partnerEs, "es");
      await openClaim(p, claim);
      const pPanel = panel(p, cpEs.panel.title);
      await visible(pPanel.getByText(rejection));
      await visible(pPanel.getByText(sharedEs.reason.insufficient_poe));
      await visible(pPanel.getByText(lead(cpEs.panel.due.dispute_window.act)));
      await expectAxeClean(p, "partner rejected (es)");
      await screenshot(p, engine, "claimpage-rejected-es");
      const justification = "El cliente firmó la página adjunta.";
      await act(p, es.action.dispute, [claim.number], async (dialog) => {
        await dialog.getByRole("textbox", { name: es.action.justification }).fill(justification);
        await dialog.getByRole("checkbox", { name: "signed.pdf" }).check();
      });
      await visible(pPanel.getByText(cpEs.panel.situation.wait.dispute_open));
      await screenshot(p, engine, "claimpage-disputed-es");

      // The reviewer at 390x844 reads the justification and the document link, then decides.
      const r = await pageFor(reviewer, "en", PHONE);
      await openClaim(r, claim);
      const rPanel = panel(r, cpEn.panel.title);
      await visible(rPanel.getByText(justification));
      const link = rPanel.getByRole("link", { name: "signed.pdf" });
      await visible(link);
      expect(await link.getAttribute("href")).toMatch(new RegExp(`^/api/v1/claims/${claim.id}/documents/`));
      await visible(rPanel.getByText(lead(cpEn.panel.due.dispute_decision.act)));
      const box = await rPanel.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), "the panel fits 390 px").toBeLessThanOrEqual(390);
      await expectAxeClean(r, "reviewer dispute (phone)");
      await screenshot(r, engine, "claimpage-dispute-phone");
      await act(r, en.action["overturn-dispute"], [claim.number, "Contoso"], async (dialog) => {
        await dialog.getByRole("radio", { name: en.action.overturnUnderReview }).check();
        await dialog.getByRole("textbox", { name: en.action.commentLabel }).fill("The signature is there.");
      });
      await visible(rPanel.getByText(cpEn.panel.situation.act.under_review));
      // Withdraw, a final action, keeps a real confirmation that says so (the partner's, by API here).
      const pe = await pageFor(partner);
      await openClaim(pe, claim);
      await pe.getByRole("button", { name: en.action.withdraw, exact: true }).click();
      const dialog = pe.getByRole("dialog", { name: en.action.withdraw });
      await visible(dialog.getByText(claim.number));
      await visible(dialog.getByText("This is final"));
      await screenshot(pe, engine, "claimpage-withdraw-confirm");
    },
    TIMEOUT,
  );

  it(
    "a document whose file the server cannot give says so in the viewer, in the reader's language",
    async () => {
      const created = await partner.api.post<ClaimJson>(
        "/api/v1/claims",
        w.claimBody(w.a, await w.customer()),
      );
      const id = created.body.id;
      expect((await partner.api.upload(id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(201);
      // Bytes of its own: the store is content-addressed, and other claims must keep their files.
      const up = await partner.api.upload(id, new Uint8Array(realPng([61, 62, 63])), "lost.png");
      expect(up.status).toBe(201);
      // Submitted, so that the reviewer sees it too.
      expect((await partner.api.post(`/api/v1/claims/${id}/actions/submit`)).status).toBe(200);
      const sha = String(up.body.sha256);
      rmSync(join(t.db.dataDir, "documents", sha.slice(0, 2), sha));
      for (const [who, lang, viewport, name] of [
        [partner, "en", undefined, "partner-en"],
        [partnerEs, "es", undefined, "partner-es"],
        [reviewer, "en", PHONE, "reviewer-phone"],
      ] as const) {
        const page = await pageFor(who, lang, viewport);
        await openClaim(page, created.body);
        await page.getByRole("tab", { name: new RegExp(`^${WEB[lang].claim.documents}`) }).click();
        await page
          .getByRole("row")
          .filter({ hasText: "lost.png" })
          .getByRole("button", { name: WEB[lang].claim.view, exact: true })
          .click();
        const dialog = page.getByRole("dialog", { name: "lost.png" });
        await visible(dialog.getByRole("alert").getByText(PROBLEMS[lang].code.internal_error));
        expect(await dialog.getByText(WEB[lang].loading).count()).toBe(0);
        await screenshot(page, engine, `claimpage-document-lost-${name}`);
      }
    },
    TIMEOUT,
  );
});
