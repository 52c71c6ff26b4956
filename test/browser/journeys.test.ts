// The web app in a real browser (Debian's Chromium through playwright-core), against a real server
// on each engine: a partner files a claim through the New claim screen, a reviewer asks for more,
// approves, the customer denies on the consent page from the mail; a rejection is disputed and
// overturned; the app in Spanish; axe-core on every main screen; the sign-in form by keyboard;
// screenshots of each screen into test-artifacts/screenshots.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as sharedEn } from "../../src/i18n/en.ts";
import { problemsEs } from "../../web/src/i18n/problems-es.ts";
import { ADMIN, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import {
  type AxeViolation,
  axeViolations,
  buildWebApp,
  describeViolations,
  SCREENSHOTS,
  screenshot,
  visible,
  WEB,
} from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { browserPages, expectAxeClean, makeUser, type TestUser } from "../support/journey.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

/** The address the mail links point at; the browser opens the same paths on the test server. */
const BASE = "http://claims.example.test";
const JOURNEY_TIMEOUT = 180_000;

const en = WEB.en;
const es = WEB.es;

interface ClaimJson {
  id: string;
  number: string;
  status: string;
}

let files: string;
/** A real PDF on disk (the demo's), under the name the upload will carry. */
function pdfFile(name: string): string {
  const path = join(files, name);
  writeFileSync(path, pdfBytes());
  return path;
}

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), "claimdesk-browser-"));
  // Screenshots are this run's: an earlier run's (a failure's, say) must not be mistaken for them.
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  buildWebApp();
}, 300_000);
afterAll(() => {
  if (files) rmSync(files, { recursive: true, force: true });
});

// The claim page: the status badge is the first element after the claim's number (heading 1). The
// status line has no name of its own to find it by (see the report: a labelled group would do).
const statusBadge = (page: Page) =>
  page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::*[1]/*[1]");
async function expectStatus(page: Page, status: string): Promise<void> {
  await expect
    .poll(
      () =>
        statusBadge(page)
          .textContent({ timeout: 5_000 })
          .catch(() => null),
      { timeout: 20_000 },
    )
    .toBe(status);
}

/**
 * Picks `option` in the Mantine Select (or MultiSelect) named `label`. By role: the label element
 * also holds the required asterisk (aria-hidden), so getByLabel(…, { exact: true }) misses it.
 */
async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole("option", { name: option, exact: true }).click();
}

/**
 * The language control (a Mantine SegmentedControl): its radio inputs are moved out of view and
 * their labels take the clicks, as a user's would.
 */
async function switchLanguage(page: Page, groupName: string, language: string): Promise<void> {
  await page.getByRole("radiogroup", { name: groupName }).getByText(language, { exact: true }).click();
}

describe.each(ENGINES)("browser journeys on %s", (engine) => {
  let smtp: TestSmtp;
  let t: TestServer;
  let w: HttpWorld;
  let base: string;
  let partner: TestUser;
  let reviewer: TestUser;

  /** A submitted claim of organisation a, made through the API (for the journeys that start later). */
  async function submittedClaim(contactEmail = "casey@customer.example"): Promise<ClaimJson> {
    const body = w.claimBody(w.a, await w.customer());
    (body.customerContact as { email: string }).email = contactEmail;
    const created = await partner.api.post<ClaimJson>("/api/v1/claims", body);
    expect(created.status).toBe(201);
    const up = await partner.api.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    expect(up.status).toBe(201);
    const sent = await partner.api.post<ClaimJson>(`/api/v1/claims/${created.body.id}/actions/submit`);
    expect(sent.status).toBe(200);
    return sent.body;
  }

  async function openClaim(page: Page, claim: { id: string; number: string }): Promise<void> {
    await page.goto(`${base}/claims/${claim.id}`);
    await visible(page.getByRole("heading", { level: 1, name: claim.number }));
  }

  /** Runs a claim action through its modal: the page button, the fields, the modal's button. */
  async function act(page: Page, label: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
    await page.getByRole("button", { name: label, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: label });
    await visible(dialog);
    await fill(dialog);
  }
  /** The modal's own button of the same name; the modal closes when the server has answered. */
  async function confirm(page: Page, label: string): Promise<void> {
    const dialog = page.getByRole("dialog", { name: label });
    await dialog.getByRole("button", { name: label, exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer(engine, { smtpUrl: smtp.url, baseUrl: BASE });
    base = t.server.url;
    w = await httpWorld(t);
    partner = await makeUser(t, "incentives_admin", w.a.id);
    reviewer = await makeUser(t, "reviewer", null);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });
  const pages = browserPages(engine, "journeys");

  it(
    "files a claim through the New claim screen, answers an information request, and the customer denies it",
    async () => {
      const customer = await w.customer();
      const contactEmail = `casey.${randomUUID().slice(0, 8)}@customer.example`;

      // The partner files the claim step by step.
      const p = await pages.signedIn(base, partner);
      await screenshot(p, engine, "dashboard-partner");
      await p
        .getByRole("navigation", { name: en.nav.main })
        .getByRole("link", { name: en.nav.newClaim })
        .click();
      await visible(p.getByRole("heading", { level: 1, name: en.newClaim.title }));
      await p.getByLabel(en.newClaim.lookupBy, { exact: true }).fill(customer.tenantId);
      await p.getByRole("button", { name: en.newClaim.lookup, exact: true }).click();
      await visible(p.getByText(`Customer Ltd · ${customer.domain}`));
      // The organisation's one partner ID is chosen already (choosing it again would clear it:
      // Mantine's Select deselects the selected option on a second click).
      const partnerIdBox = p.getByRole("combobox", { name: en.claim.partnerId, exact: true });
      expect(await partnerIdBox.inputValue()).toBe(w.a.partnerId);
      await partnerIdBox.click();
      await visible(p.getByRole("option", { name: w.a.partnerId, exact: true, selected: true }));
      await p.keyboard.press("Escape");
      await choose(p, en.claim.activity, sharedEn.activity.deployment);
      await choose(p, en.claim.products, "Teams", "Teams");
      await choose(p, en.claim.products, "Intune", "Intu");
      await p.keyboard.press("Escape");
      await p.getByLabel(`${en.claim.customerContact}: ${en.claim.name}`).fill("Casey Customer");
      await p.getByLabel(`${en.claim.customerContact}: ${en.claim.email}`).fill(contactEmail);
      await p.getByLabel(`${en.claim.customerContact}: ${en.claim.title}`).fill("IT manager");
      await choose(p, en.claim.contactLocale, "English");
      await p.getByLabel(`${en.claim.partnerContact}: ${en.claim.name}`).fill("Paula Partner");
      await p.getByLabel(`${en.claim.partnerContact}: ${en.claim.email}`).fill("paula@partner.example");
      await screenshot(p, engine, "new-claim-details");
      await p.getByRole("button", { name: en.newClaim.createDraft }).click();

      // The draft exists: now the proof of execution.
      await visible(p.getByText(en.newClaim.dropFiles));
      // The limit promised is the server's own, in MB.
      await visible(p.getByText("Up to 20 files, each at most 10 MB"));
      await p.locator("input[type=file]").setInputFiles(pdfFile("poe.pdf"));
      await visible(p.getByText(en.newClaim.uploaded.replace("{{name}}", "poe.pdf")));
      await screenshot(p, engine, "new-claim-documents");
      await p.getByRole("button", { name: en.next, exact: true }).click();
      await visible(p.getByRole("button", { name: en.newClaim.submitClaim }));
      await visible(p.getByText(`${en.claim.documents}: poe.pdf`));
      await screenshot(p, engine, "new-claim-review");
      await p.getByRole("button", { name: en.newClaim.submitClaim }).click();
      await p.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
      const id = p.url().split("/").at(-1) ?? "";
      await expectStatus(p, sharedEn.status.submitted);
      const { number } = (await partner.api.get<ClaimJson>(`/api/v1/claims/${id}`)).body;
      await visible(p.getByRole("heading", { level: 1, name: number }));
      await visible(p.getByText(en.newClaim.submitted.replace("{{number}}", number)));
      await screenshot(p, engine, "claim-submitted");

      // The reviewer finds it in the queue, starts the review and asks for more.
      const r = await pages.signedIn(base, reviewer);
      await r
        .getByRole("navigation", { name: en.nav.main })
        .getByRole("link", { name: en.nav.review })
        .click();
      await visible(r.getByRole("heading", { level: 1, name: en.review.title }));
      await screenshot(r, engine, "review-queue");
      await r.getByRole("link", { name: number, exact: true }).click();
      await visible(r.getByRole("heading", { level: 1, name: number }));
      await act(r, en.action["start-review"], async () => {});
      await confirm(r, en.action["start-review"]);
      await expectStatus(r, sharedEn.status.under_review);
      await act(r, en.action["request-information"], async (dialog) => {
        await dialog.getByRole("checkbox", { name: sharedEn.reason.missing_customer_acknowledgment }).check();
        await dialog
          .getByRole("textbox", { name: en.action.commentLabel })
          .fill("Please add the signed page.");
      });
      await screenshot(r, engine, "request-information-modal");
      await confirm(r, en.action["request-information"]);
      await expectStatus(r, sharedEn.status.partner_action_required);

      // The partner sees why, adds a document and resubmits.
      await p.reload();
      await expectStatus(p, sharedEn.status.partner_action_required);
      await visible(p.getByText(`${en.claim.reasons}: ${sharedEn.reason.missing_customer_acknowledgment}`));
      await screenshot(p, engine, "claim-partner-action-required");
      await p.getByRole("tab", { name: new RegExp(`^${en.claim.documents}`) }).click();
      await p.locator("input[type=file]").setInputFiles(pdfFile("signed-page.pdf"));
      await visible(p.getByText(en.newClaim.uploaded.replace("{{name}}", "signed-page.pdf")));
      await visible(p.getByRole("tab", { name: `${en.claim.documents} (2)` }));
      await act(p, en.action.resubmit, async () => {});
      await confirm(p, en.action.resubmit);
      await expectStatus(p, sharedEn.status.under_review);

      // The reviewer approves: the consent period starts.
      await r.reload();
      await expectStatus(r, sharedEn.status.under_review);
      await act(r, en.action.approve, async () => {});
      await confirm(r, en.action.approve);
      await expectStatus(r, sharedEn.status.approved);

      // The customer's contact gets the consent mail and denies on the page it links to.
      await t.server.notifier.runOnce();
      const mail = await smtp.waitForMail((m) => m.to.includes(contactEmail) && m.text.includes("/consent/"));
      const link = mail.text.match(/https?:\/\/[^\s/]+(\/consent\/[A-Za-z0-9_-]+)/)?.[1];
      expect(link, "a consent link in the mail to the customer contact").toBeDefined();
      const c = await pages.open();
      await c.goto(`${base}${link}`);
      await visible(c.getByRole("heading", { level: 1, name: sharedEn.consent.title }));
      await screenshot(c, engine, "consent-page");
      await expectAxeClean(c);
      await c.getByLabel(sharedEn.consent.comment).fill("We never worked with this partner.");
      await c.getByRole("button", { name: sharedEn.consent.deny, exact: true }).click();
      const denied = c.getByText(sharedEn.consent.denied.split("{{at}}")[0]?.trim() ?? "You denied");
      const refused = c.getByText(sharedEn.consent.badForm);
      await visible(denied.or(refused));
      expect(
        await refused.count(),
        "the consent page refused its own form (the browser posts it with Origin: null)",
      ).toBe(0);
      await visible(denied);
      await screenshot(c, engine, "consent-denied");

      // The partner sees the rejection for customer decline, which cannot be disputed.
      await p.reload();
      await expectStatus(p, sharedEn.status.rejected);
      await visible(p.getByText(`${en.claim.reasons}: ${sharedEn.reason.customer_decline}`));
      await visible(p.getByText(en.claim.consentDenied));
      expect(await p.getByRole("button", { name: en.action.dispute, exact: true }).count()).toBe(0);
      await screenshot(p, engine, "claim-rejected-customer-decline");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "rejects for insufficient proof, the partner disputes with a new document, the reviewer overturns",
    async () => {
      const claim = await submittedClaim();
      expect((await reviewer.api.post(`/api/v1/claims/${claim.id}/actions/start-review`)).status).toBe(200);

      const r = await pages.signedIn(base, reviewer);
      await openClaim(r, claim);
      await expectStatus(r, sharedEn.status.under_review);
      await act(r, en.action.reject, async (dialog) => {
        await dialog.getByRole("checkbox", { name: sharedEn.reason.insufficient_poe }).check();
        await dialog
          .getByRole("textbox", { name: en.action.commentLabel })
          .fill("The screenshots do not show the deployment.");
      });
      await screenshot(r, engine, "reject-modal");
      await confirm(r, en.action.reject);
      await expectStatus(r, sharedEn.status.rejected);
      await visible(r.getByText(`${en.claim.reasons}: ${sharedEn.reason.insufficient_poe}`));

      // The partner adds a document, then disputes with it.
      const p = await pages.signedIn(base, partner);
      await openClaim(p, claim);
      await expectStatus(p, sharedEn.status.rejected);
      await p.getByRole("tab", { name: new RegExp(`^${en.claim.documents}`) }).click();
      await p.locator("input[type=file]").setInputFiles(pdfFile("deployment-report.pdf"));
      await visible(p.getByText(en.newClaim.uploaded.replace("{{name}}", "deployment-report.pdf")));
      await visible(p.getByRole("tab", { name: `${en.claim.documents} (2)` }));
      await act(p, en.action.dispute, async (dialog) => {
        await dialog
          .getByRole("textbox", { name: en.action.justification })
          .fill("The deployment report shows every workload live.");
        await dialog.getByRole("checkbox", { name: "deployment-report.pdf" }).check();
      });
      await screenshot(p, engine, "dispute-modal");
      await confirm(p, en.action.dispute);
      await visible(p.getByText(en.claim.disputeOpen.split("{{date}}")[0]?.trim() ?? "Dispute open"));
      expect(await p.getByRole("button", { name: en.action.dispute, exact: true }).count()).toBe(0);

      // The reviewer overturns the rejection, back to review.
      await r.reload();
      await visible(r.getByRole("button", { name: en.action["overturn-dispute"], exact: true }));
      await act(r, en.action["overturn-dispute"], async (dialog) => {
        await dialog.getByRole("radio", { name: en.action.overturnUnderReview }).check();
        await dialog
          .getByRole("textbox", { name: en.action.commentLabel })
          .fill("The report is convincing; reviewing again.");
      });
      await confirm(r, en.action["overturn-dispute"]);
      await expectStatus(r, sharedEn.status.under_review);
      await visible(r.getByText(en.claim.disputeOverturned));

      await p.reload();
      await expectStatus(p, sharedEn.status.under_review);
      await screenshot(p, engine, "claim-dispute-overturned");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "speaks Spanish to a Spanish user: dashboard, claim page, and an action (withdraw)",
    async () => {
      const claim = await submittedClaim();
      const spanish = await makeUser(t, "global_admin", w.a.id, { locale: "es" });

      // The browser is English: the sign-in form is too; the user's language takes over after.
      const p = await pages.signedIn(base, spanish, { formLang: "en", appLang: "es" });
      await visible(p.getByRole("heading", { level: 1, name: "Asociaciones de clientes" }));
      expect(await p.evaluate(() => document.documentElement.lang)).toBe("es");
      await visible(p.getByRole("link", { name: es.nav.newClaim }));
      await visible(p.getByRole("heading", { name: es.dashboard.needsAction }));
      const row = p
        .getByRole("row")
        .filter({ has: p.getByRole("link", { name: claim.number, exact: true }) });
      await visible(row.getByText("Enviada", { exact: true }));
      await screenshot(p, engine, "dashboard-es");

      await row.first().getByRole("link", { name: claim.number, exact: true }).click();
      await visible(p.getByRole("heading", { level: 1, name: claim.number }));
      await expectStatus(p, "Enviada");
      await visible(p.getByRole("tab", { name: `${es.claim.documents} (1)` }));
      await visible(p.getByText(es.claim.partnerContact, { exact: true }));
      await screenshot(p, engine, "claim-es");

      await act(p, es.action.withdraw, async (dialog) => {
        await choose(p, es.action.withdrawReason, es.withdraw.no_longer_working_with_customer);
        await dialog
          .getByRole("textbox", { name: es.action.commentLabel })
          .fill("El cliente cambió de planes.");
      });
      await confirm(p, es.action.withdraw);
      await expectStatus(p, "Rechazada");
      await visible(p.getByText(`${es.claim.reasons}: Solicitud del partner`));
      await visible(p.getByText(es.action.done.replace("{{action}}", es.action.withdraw)));
      await screenshot(p, engine, "claim-withdrawn-es");

      // A form's errors are the browser's own and in Spanish: required fields and an e-mail
      // address checked before any round trip, each error gone once its field is fixed.
      const free = await w.customer();
      await p
        .getByRole("navigation", { name: es.nav.main })
        .getByRole("link", { name: es.nav.newClaim })
        .click();
      await p.getByLabel(es.newClaim.lookupBy, { exact: true }).fill(free.tenantId);
      await p.getByRole("button", { name: es.newClaim.lookup, exact: true }).click();
      await visible(p.getByText(`Customer Ltd · ${free.domain}`));
      await p.getByLabel(`${es.claim.customerContact}: ${es.claim.email}`).fill("casey-at-example");
      await p.getByRole("button", { name: es.newClaim.createDraft }).click();
      await visible(p.getByText(problemsEs.kind.email));
      const required = p.getByText(problemsEs.kind.required);
      const before = await required.count();
      expect(before).toBeGreaterThan(0);
      expect(await p.getByText(/must|fewer than/).count()).toBe(0);
      await screenshot(p, engine, "new-claim-errors-es");
      await p.getByLabel(`${es.claim.customerContact}: ${es.claim.name}`).fill("Casey");
      expect(await required.count()).toBe(before - 1);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "switches the language with the language control, before and after sign-in, and remembers it",
    async () => {
      const page = await pages.open();
      await page.goto(`${base}/`);
      await visible(page.getByRole("heading", { level: 1, name: en.signIn.title }));
      await switchLanguage(page, en.language, "Español");
      await visible(page.getByRole("heading", { level: 1, name: es.signIn.title }));
      await screenshot(page, engine, "signin-es");
      // An English user signs in on the Spanish form: the app follows the user's own language.
      const user = await makeUser(t, "incentives_admin", w.a.id, { locale: "en" });
      await page.getByRole("textbox", { name: es.signIn.email }).fill(user.email);
      await page.getByRole("textbox", { name: es.signIn.password, exact: true }).fill(user.password);
      await page.getByRole("button", { name: es.signIn.submit, exact: true }).click();
      await visible(page.getByRole("navigation", { name: en.nav.main }));
      // Switched in the header: remembered on the server, so a reload stays Spanish.
      await switchLanguage(page, en.language, "Español");
      await visible(page.getByRole("heading", { level: 1, name: es.dashboard.title }));
      await expect
        .poll(
          async () => (await user.api.get<{ user: { locale: string } }>("/api/v1/session")).body.user.locale,
        )
        .toBe("es");
      await page.reload();
      await visible(page.getByRole("navigation", { name: es.nav.main }));
      await visible(page.getByRole("heading", { level: 1, name: es.dashboard.title }));
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "completes the sign-in form with the keyboard only",
    async () => {
      const page = await pages.open();
      await page.goto(`${base}/`);
      const email = page.getByRole("textbox", { name: en.signIn.email });
      const password = page.getByRole("textbox", { name: en.signIn.password, exact: true });
      await visible(email);
      const focused = (l: typeof email) => l.evaluate((el) => el === document.activeElement);
      await page.keyboard.press("Tab");
      expect(await focused(email), "the first Tab reaches the email field").toBe(true);
      await page.keyboard.type(partner.email);
      await page.keyboard.press("Tab");
      expect(await focused(password), "the next Tab reaches the password field").toBe(true);
      await page.keyboard.type(partner.password);
      await page.keyboard.press("Tab");
      expect(
        await focused(page.getByRole("button", { name: en.signIn.submit, exact: true })),
        "the next Tab reaches the sign-in button (the visibility toggle is skipped)",
      ).toBe(true);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Enter");
      await visible(page.getByRole("navigation", { name: en.nav.main }));
      await visible(page.getByRole("heading", { level: 1, name: en.dashboard.title }));
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "has no serious or critical axe violations on the main screens",
    async () => {
      const claim = await submittedClaim();
      // Something in the partner's notifications and in the review queue.
      await t.server.notifier.runOnce();
      const found: Record<string, AxeViolation[]> = {};
      const scan = async (page: Page, name: string) => {
        await screenshot(page, engine, name);
        const v = await axeViolations(page);
        if (v.length > 0) found[name] = v;
      };

      const anon = await pages.open();
      await anon.goto(`${base}/`);
      await visible(anon.getByRole("heading", { level: 1, name: en.signIn.title }));
      await scan(anon, "signin");

      const p = await pages.signedIn(base, partner);
      await visible(p.getByRole("heading", { level: 1, name: en.dashboard.title }));
      await visible(p.getByRole("link", { name: claim.number }));
      await scan(p, "dashboard");
      await p.goto(`${base}/claims/new`);
      await visible(p.getByRole("heading", { level: 1, name: en.newClaim.title }));
      await visible(p.getByLabel(en.newClaim.lookupBy, { exact: true }));
      await scan(p, "new-claim");
      await openClaim(p, claim);
      await expectStatus(p, sharedEn.status.submitted);
      await scan(p, "claim");
      await p.getByRole("tab", { name: new RegExp(`^${en.claim.documents}`) }).click();
      await visible(p.getByText("poe.pdf", { exact: true }));
      await scan(p, "claim-documents");
      await p.getByRole("tab", { name: en.claim.history }).click();
      await scan(p, "claim-history");
      await p.goto(`${base}/notifications`);
      await visible(p.getByRole("heading", { level: 1, name: en.notifications.title }));
      await visible(p.getByRole("link", { name: new RegExp(claim.number) }));
      await scan(p, "notifications");

      const r = await pages.signedIn(base, reviewer);
      await r.goto(`${base}/review`);
      await visible(r.getByRole("heading", { level: 1, name: en.review.title }));
      await visible(r.getByRole("link", { name: claim.number }));
      await scan(r, "review-queue");
      await openClaim(r, claim);
      await act(r, en.action["start-review"], async () => {});
      await confirm(r, en.action["start-review"]);
      await act(r, en.action.reject, async () => {});
      await scan(r, "reject-modal");

      const a = await pages.signedIn(base, ADMIN);
      // Administration and payouts are being built: scanned as they are, once their data is in.
      for (const screen of ["admin", "payouts"]) {
        await a.goto(`${base}/${screen}`);
        await visible(a.getByRole("heading", { level: 1 }));
        await a.waitForLoadState("networkidle");
        await scan(a, screen);
      }

      const report = Object.entries(found)
        .map(([name, v]) => `${name}:\n  ${describeViolations(v)}`)
        .join("\n");
      expect(Object.keys(found), `serious or critical axe violations:\n${report}`).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
