// Closing the money loop in a real browser (issue 11), on each engine: a partner's billing admin
// disputes a statement line; the programme admin's Approve asks first, listing the disputed line
// (customer, amount, the partner's reason); the admin answers the dispute with a reply and an
// amount; the partner reads the reply on its statement; earnings name the customers and a "Not
// earning yet" section explains the approved claims that earn nothing (consent period, ineligible).
// Once in Spanish and once at 390x844; axe on every screen; screenshots into test-artifacts.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminEn } from "../../web/src/i18n/admin-en.ts";
import { adminEs } from "../../web/src/i18n/admin-es.ts";
import { ADMIN, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { buildWebApp, screenshot, visible } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { browserPages, expectAxeClean, makeUser, PHONE } from "../support/journey.ts";
import { MONEY_MONTH as MONTH, type MoneyWorld, moneyWorld } from "../support/money-world.ts";

const TIMEOUT = 240_000;
const en = adminEn.payouts;
const es = adminEs.payouts;

beforeAll(() => buildWebApp(), 300_000);

describe.each(ENGINES)("money journeys on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let base: string;
  let world: MoneyWorld;

  /** Pictures the page and fails on serious or critical axe findings. */
  async function scan(page: Page, name: string): Promise<void> {
    await screenshot(page, engine, name);
    await expectAxeClean(page, name);
  }

  beforeAll(async () => {
    t = await startTestServer(engine);
    base = t.server.url;
    w = await httpWorld(t);
    world = await moneyWorld(t, w);
  }, TIMEOUT);
  afterAll(() => t?.stop());
  const pages = browserPages(engine, "money");
  const billingAdmin = (locale: "en" | "es") =>
    makeUser(t, "billing_admin", w.a.id, { locale, name: "Billing" });

  it(
    "disputes a line, asks before approving over it, answers it, and the partner reads the answer",
    async () => {
      const p = await pages.signedIn(base, await billingAdmin("en"));
      await p.goto(`${base}/payouts?month=${MONTH}`);
      await visible(p.getByRole("heading", { level: 2, name: en.notEarning.title }));
      // Earnings name the customer; the not-earning-yet section says why for each claim.
      const earnings = p.getByRole("table", { name: en.earningsCaption.replace("{{count}}", "1") });
      await visible(earnings.getByText("Contoso Pharma"));
      const waiting = p.getByRole("listitem").filter({ hasText: world.numbers.waiting });
      await visible(waiting.getByText("Tailspin Toys"));
      await visible(waiting.getByText(/In the consent period until/));
      const ineligible = p.getByRole("listitem").filter({ hasText: world.numbers.ineligible });
      await visible(ineligible.getByText(/Not eligible: .*The activity is not paid by the programme/));
      await scan(p, "money-earnings");

      await p.goto(`${base}/payouts/${world.statementId}`);
      const disputeLabel = en.disputeTitle.replace("{{claim}}", world.numbers.paid);
      await p.getByRole("button", { name: disputeLabel }).click();
      const dialog = p.getByRole("dialog", { name: disputeLabel });
      await dialog.getByRole("textbox", { name: en.disputeComment }).fill("March revenue is missing half");
      await scan(p, "money-dispute-modal");
      await dialog.getByRole("button", { name: en.disputeSubmit }).click();
      await dialog.waitFor({ state: "hidden" });
      await visible(p.getByText("March revenue is missing half"));

      // The programme admin: Approve asks first and lists the open dispute.
      const a = await pages.signedIn(base, ADMIN);
      await a.goto(`${base}/payouts/${world.statementId}`);
      await visible(a.getByText(/1 line is disputed: answer it/));
      await a.getByRole("button", { name: en.approve, exact: true }).click();
      const ask = a.getByRole("dialog", { name: en.confirmApproveTitle });
      await visible(ask.getByText(/1 line is disputed and not answered/));
      await visible(ask.getByRole("cell", { name: "Contoso Pharma" }));
      await visible(ask.getByRole("cell", { name: "March revenue is missing half" }));
      await visible(ask.getByRole("button", { name: /despite the disputes/ }));
      await scan(a, "money-approve-open-dispute");
      await ask.getByRole("button", { name: "Cancel" }).click();
      await ask.waitFor({ state: "hidden" });

      const resolveLabel = en.resolveTitle.replace("{{claim}}", world.numbers.paid);
      await a.getByRole("button", { name: resolveLabel }).click();
      const answer = a.getByRole("dialog", { name: resolveLabel });
      await answer.getByRole("textbox", { name: en.newAmount.replace("{{currency}}", "USD") }).fill("1.50");
      await answer.getByRole("textbox", { name: en.reply }).fill("Agreed: March is paid at 1.50");
      await scan(a, "money-resolve-modal");
      await answer.getByRole("button", { name: en.resolveSubmit }).click();
      await answer.waitFor({ state: "hidden" });
      await visible(a.getByText(en.disputeStatus.accepted));

      // No open dispute left: the confirmation states the statement and its amount only.
      await a.getByRole("button", { name: en.approve, exact: true }).click();
      const plain = a.getByRole("dialog", { name: en.confirmApproveTitle });
      await visible(plain.getByText(/You are approving the statement of .* \$1\.50 in 1 line\./));
      expect(await plain.getByText(/disputed and not answered/).count()).toBe(0);
      await scan(a, "money-approve-confirm");
      await plain.getByRole("button", { name: "Approve $1.50" }).click();
      await plain.waitFor({ state: "hidden" });
      await visible(a.getByRole("button", { name: en.markPaid }));

      await p.reload();
      await visible(p.getByText("Agreed: March is paid at 1.50"));
      await visible(p.getByText(en.disputeStatus.accepted));
      await visible(p.getByText("Calculated at $2.00"));
      await scan(p, "money-statement-partner");
    },
    TIMEOUT,
  );

  it(
    "reads the same in Spanish, and fits a 390x844 screen",
    async () => {
      const spanish = await pages.signedIn(base, await billingAdmin("es"), { appLang: "es" });
      await spanish.goto(`${base}/payouts?month=${MONTH}`);
      await visible(spanish.getByRole("heading", { level: 2, name: es.notEarning.title }));
      await visible(spanish.getByText(/En el plazo de consentimiento hasta el/));
      await visible(spanish.getByText(/No elegible: .*El programa no paga esta actividad/));
      await scan(spanish, "money-earnings-es");
      await spanish.goto(`${base}/payouts/${world.statementId}`);
      await visible(spanish.getByText(es.programmeReply, { exact: false }));
      await visible(spanish.getByText(es.disputeStatus.accepted));
      await scan(spanish, "money-statement-es");

      const phone = await pages.signedIn(base, await billingAdmin("en"), { viewport: PHONE });
      await phone.goto(`${base}/payouts?month=${MONTH}`);
      await visible(phone.getByRole("heading", { level: 2, name: en.notEarning.title }));
      await scan(phone, "money-earnings-390");
      await phone.goto(`${base}/payouts/${world.statementId}`);
      await visible(phone.getByText("Agreed: March is paid at 1.50"));
      await scan(phone, "money-statement-390");
      // Nothing sticks out sideways beyond the tables' own scroll areas.
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    },
    TIMEOUT,
  );
});
