// Closing the money loop in a real browser (issue 11), on each engine: a partner's billing admin
// disputes a statement line; the programme admin's Approve asks first, listing the disputed line
// (customer, amount, the partner's reason); the admin answers the dispute with a reply and an
// amount; the partner reads the reply on its statement; earnings name the customers and a "Not
// earning yet" section explains the approved claims that earn nothing (consent period, ineligible).
// Once in Spanish and once at 390x844; axe on every screen; screenshots into test-artifacts.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminEn } from "../../web/src/i18n/admin-en.ts";
import { adminEs } from "../../web/src/i18n/admin-es.ts";
import { ADMIN, type Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpOrg, type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import {
  axeViolations,
  buildWebApp,
  type Credentials,
  describeViolations,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  visible,
} from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";

const TIMEOUT = 240_000;
const en = adminEn.payouts;
const es = adminEs.payouts;
const MONTH = "2030-04";

beforeAll(() => buildWebApp(), 300_000);

describe.each(ENGINES)("money journeys on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  let statementId = "";
  const numbers: Record<string, string> = {};

  async function makeUser(role: string, organizationId: string, locale: string): Promise<Credentials> {
    const suffix = randomUUID().slice(0, 8);
    const email = `${role.replace("_", "-")}-${suffix}@example.com`;
    const password = `pw-${randomUUID()}`;
    const created = await t.admin.post("/api/v1/admin/users", {
      email,
      name: `Billing ${suffix}`,
      password,
      role,
      organizationId,
      locale,
    });
    expect(created.status).toBe(201);
    return { email, password };
  }

  async function pageFor(
    who: Credentials,
    opts: { lang?: "en" | "es"; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    if (opts.viewport) await page.setViewportSize(opts.viewport);
    await signIn(page, base, who, { appLang: opts.lang ?? "en" });
    return page;
  }

  /** Pictures the page and fails on serious or critical axe findings. */
  async function scan(page: Page, name: string): Promise<void> {
    await screenshot(page, engine, name);
    const v = await axeViolations(page);
    expect(v, `${name}: ${describeViolations(v)}`).toEqual([]);
  }

  async function approved(org: HttpOrg, name: string, overrides: Record<string, unknown> = {}) {
    const c = await w.customer();
    const body = { ...w.claimBody(org, c), ...overrides };
    body.customer = { tenantId: c.tenantId, domain: c.domain, name };
    const created = await org.incentives.post<{ id: string; number: string }>("/api/v1/claims", body);
    expect(created.status).toBe(201);
    const id = created.body.id;
    await org.incentives.upload(id, pdfBytes(), "poe.pdf", "application/pdf");
    const act = (client: Client, action: string) => client.post(`/api/v1/claims/${id}/actions/${action}`, {});
    expect((await act(org.incentives, "submit")).status).toBe(200);
    expect((await act(w.reviewer, "start-review")).status).toBe(200);
    const done = await w.reviewer.post<{ consent: { endsAt: string } }>(
      `/api/v1/claims/${id}/actions/approve`,
      {},
    );
    expect(done.status).toBe(200);
    return { number: created.body.number, tenantId: c.tenantId, endsAt: done.body.consent.endsAt };
  }

  beforeAll(async () => {
    t = await startTestServer(engine);
    base = t.server.url;
    w = await httpWorld(t);
    await t.admin.post("/api/v1/admin/programs/OSU/enrollments", { organizationId: w.a.id });
    await t.admin.put("/api/v1/system/clock", { now: "2030-03-04T09:00:00.000Z" });
    const paid = await approved(w.a, "Contoso Pharma");
    numbers.paid = paid.number;
    numbers.ineligible = (await approved(w.a, "Fabrikam Foods", { activity: "pre_sales" })).number;
    await t.admin.put("/api/v1/system/clock", { now: paid.endsAt });
    await t.admin.post("/api/v1/system/sweep");
    numbers.waiting = (await approved(w.a, "Tailspin Toys")).number;
    const csv = `tenantId,subscriptionId,product,month,amount,currency\n${paid.tenantId},${randomUUID()},teams,${MONTH},40.00,USD\n`;
    const form = new FormData();
    form.append("file", new Blob([csv], { type: "text/csv" }), "revenue.csv");
    const imported = await t.admin.request<{ imported: boolean }>(
      "POST",
      "/api/v1/admin/revenue/imports?dryRun=false",
      form,
    );
    expect(imported.body.imported).toBe(true);
    const list = await w.a.billing.get<{ items: { id: string }[] }>(`/api/v1/payouts?month=${MONTH}`);
    statementId = list.body.items[0]?.id ?? "";
    expect(statementId).not.toBe("");
    browser = await launchBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.stop();
  });

  it(
    "disputes a line, asks before approving over it, answers it, and the partner reads the answer",
    async () => {
      const billing = await makeUser("billing_admin", w.a.id, "en");
      const p = await pageFor(billing);
      await p.goto(`${base}/payouts?month=${MONTH}`);
      await visible(p.getByRole("heading", { level: 2, name: en.notEarning.title }));
      // Earnings name the customer; the not-earning-yet section says why for each claim.
      const earnings = p.getByRole("table", { name: en.earningsCaption.replace("{{count}}", "1") });
      await visible(earnings.getByText("Contoso Pharma"));
      const waiting = p.getByRole("listitem").filter({ hasText: numbers.waiting ?? "" });
      await visible(waiting.getByText("Tailspin Toys"));
      await visible(waiting.getByText(/In the consent period until/));
      const ineligible = p.getByRole("listitem").filter({ hasText: numbers.ineligible ?? "" });
      await visible(ineligible.getByText(/Not eligible: .*The activity is not paid by the programme/));
      await scan(p, "money-earnings");

      await p.goto(`${base}/payouts/${statementId}`);
      const disputeLabel = en.disputeTitle.replace("{{claim}}", numbers.paid ?? "");
      await p.getByRole("button", { name: disputeLabel }).click();
      const dialog = p.getByRole("dialog", { name: disputeLabel });
      await dialog.getByRole("textbox", { name: en.disputeComment }).fill("March revenue is missing half");
      await scan(p, "money-dispute-modal");
      await dialog.getByRole("button", { name: en.disputeSubmit }).click();
      await dialog.waitFor({ state: "hidden" });
      await visible(p.getByText("March revenue is missing half"));

      // The programme admin: Approve asks first and lists the open dispute.
      const a = await pageFor(ADMIN);
      await a.goto(`${base}/payouts/${statementId}`);
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

      const resolveLabel = en.resolveTitle.replace("{{claim}}", numbers.paid ?? "");
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
      const spanish = await pageFor(await makeUser("billing_admin", w.a.id, "es"), { lang: "es" });
      await spanish.goto(`${base}/payouts?month=${MONTH}`);
      await visible(spanish.getByRole("heading", { level: 2, name: es.notEarning.title }));
      await visible(spanish.getByText(/En el plazo de consentimiento hasta el/));
      await visible(spanish.getByText(/No elegible: .*El programa no paga esta actividad/));
      await scan(spanish, "money-earnings-es");
      await spanish.goto(`${base}/payouts/${statementId}`);
      await visible(spanish.getByText(es.programmeReply, { exact: false }));
      await visible(spanish.getByText(es.disputeStatus.accepted));
      await scan(spanish, "money-statement-es");

      const phone = await pageFor(await makeUser("billing_admin", w.a.id, "en"), {
        viewport: { width: 390, height: 844 },
      });
      await phone.goto(`${base}/payouts?month=${MONTH}`);
      await visible(phone.getByRole("heading", { level: 2, name: en.notEarning.title }));
      await scan(phone, "money-earnings-390");
      await phone.goto(`${base}/payouts/${statementId}`);
      await visible(phone.getByText("Agreed: March is paid at 1.50"));
      await scan(phone, "money-statement-390");
      // Nothing sticks out sideways beyond the tables' own scroll areas.
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    },
    TIMEOUT,
  );
});
