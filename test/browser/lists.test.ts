// Lists and small screens in a real browser (issue 11 item 5), on each engine: the dashboard's
// search follows what is typed (no Enter) into the rows, the URL and the export link, and Back and
// reload give the same box, rows and link; at 390x844 the header fits and the lists are cards with
// number, customer, status and due, in English and in Spanish; the programme admin searches the
// customer registry and walks its pages. axe on each screen; screenshots of each.
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as sharedEn } from "../../src/i18n/en.ts";
import { es as sharedEs } from "../../src/i18n/es.ts";
import { adminEn } from "../../web/src/i18n/admin-en.ts";
import { problemsEn } from "../../web/src/i18n/problems-en.ts";
import { ADMIN, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { buildWebApp, screenshot, visible, WEB } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { browserPages, expectAxeClean, makeUser, PHONE, type TestUser } from "../support/journey.ts";

const TIMEOUT = 180_000;
const en = WEB.en;
const es = WEB.es;

beforeAll(() => buildWebApp(), 300_000);

describe.each(ENGINES)("lists and small screens on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let base: string;
  let partner: TestUser;
  const claims: { id: string; number: string; domain: string }[] = [];

  /** The deepest elements that reach past the window's right edge (for a failure's message). */
  const outside = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter(
          (el) => ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5),
        )
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${el.textContent?.slice(0, 40)}`,
        )
        .join("; "),
    );

  /** The page scrolls sideways by this much (0: everything fits the window's width). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  beforeAll(async () => {
    t = await startTestServer(engine);
    base = t.server.url;
    w = await httpWorld(t);
    partner = await makeUser(t, "incentives_admin", w.a.id, { name: "Lena Lister" });
    for (let i = 0; i < 3; i++) {
      const customer = await w.customer();
      const created = await partner.api.post<{ id: string; number: string }>(
        "/api/v1/claims",
        w.claimBody(w.a, customer),
      );
      expect(created.status).toBe(201);
      claims.push({ ...created.body, domain: customer.domain });
    }
  }, 120_000);
  afterAll(() => t?.stop());
  const pages = browserPages(engine, "lists");

  it(
    "searches as the user types: rows, URL and export link follow without Enter; Back and reload restore them",
    async () => {
      const [one, two] = claims;
      if (!one || !two) throw new Error("claims not made");
      const p = await pages.signedIn(base, partner);
      const table = p.getByRole("table", { name: en.dashboard.all });
      await visible(table.getByRole("link", { name: two.number }));
      const box = p.getByRole("searchbox", { name: en.dashboard.search });
      const exportHref = () => p.getByRole("link", { name: en.dashboard.export }).getAttribute("href");

      // Typed key by key, never Enter.
      await box.pressSequentially(one.domain.slice(0, 9), { delay: 40 });
      await expect.poll(() => new URL(p.url()).searchParams.get("q")).toBe(one.domain.slice(0, 9));
      await expect.poll(() => table.getByRole("link", { name: two.number }).count()).toBe(0);
      await visible(table.getByRole("link", { name: one.number }));
      expect(await exportHref()).toBe(`/api/v1/claims/export.csv?q=${one.domain.slice(0, 9)}`);
      await screenshot(p, engine, "lists-search-typed");

      // A second search, then Back: the first search's box, rows and export come back.
      await box.fill(two.domain.slice(0, 9));
      await expect.poll(() => new URL(p.url()).searchParams.get("q")).toBe(two.domain.slice(0, 9));
      await visible(table.getByRole("link", { name: two.number }));
      await p.goBack();
      await expect.poll(() => box.inputValue()).toBe(one.domain.slice(0, 9));
      await visible(table.getByRole("link", { name: one.number }));
      await expect.poll(() => table.getByRole("link", { name: two.number }).count()).toBe(0);
      expect(await exportHref()).toBe(`/api/v1/claims/export.csv?q=${one.domain.slice(0, 9)}`);

      // Reload: the same again, from the URL alone.
      await p.reload();
      await expect.poll(() => box.inputValue()).toBe(one.domain.slice(0, 9));
      await visible(table.getByRole("link", { name: one.number }));
      expect(await exportHref()).toBe(`/api/v1/claims/export.csv?q=${one.domain.slice(0, 9)}`);

      // The export link answers the same selection as the rows.
      const csv = await p.evaluate(async (href) => (await fetch(href ?? "")).text(), await exportHref());
      expect(csv).toContain(one.number);
      expect(csv).not.toContain(two.number);

      // Clearing the box clears the URL's search and shows every claim again.
      await box.fill("");
      await expect.poll(() => new URL(p.url()).searchParams.has("q")).toBe(false);
      await visible(table.getByRole("link", { name: two.number }));
      await expectAxeClean(p, "dashboard with a search");
    },
    TIMEOUT,
  );

  it(
    "fits a 390x844 phone: the header has no sideways scroll, lists are cards, in English and Spanish",
    async () => {
      const p = await pages.signedIn(base, partner);
      await p.setViewportSize(PHONE);
      const cards = p.getByRole("list", { name: en.dashboard.all });
      await visible(cards);
      const first = claims[0];
      if (!first) throw new Error("claims not made");
      const card = cards.getByRole("listitem").filter({ has: p.getByRole("link", { name: first.number }) });
      await visible(card);
      await expect.poll(() => card.textContent()).toContain(first.domain);
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("Customer Ltd");
      expect(text).toContain(sharedEn.status.editing);
      expect(text).toContain(en.dashboard.due);
      // Polled: right after a resize or a re-render the layout may not have settled yet.
      await expect
        .poll(() => overflow(p), { message: "nothing scrolls sideways", timeout: 5_000 })
        .toBeLessThanOrEqual(0);
      const signOut = p.getByRole("button", { name: en.nav.signOut });
      await visible(signOut);
      const box = await signOut.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      // The claim number stays on one line.
      const link = card.getByRole("link", { name: first.number });
      const h = await link.evaluate((el) => el.getBoundingClientRect().height);
      const lh = await link.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 24);
      expect(h).toBeLessThan(lh * 1.5);
      await screenshot(p, engine, "lists-phone-dashboard");
      await expectAxeClean(p, "dashboard at 390 px");
      // The other filters are folded behind one button on a phone.
      expect(await p.getByRole("combobox", { name: en.dashboard.status }).count()).toBe(0);
      await p.getByRole("button", { name: en.dashboard.filters }).click();
      await visible(p.getByRole("combobox", { name: en.dashboard.status }));
      // Polled: right after a resize or a re-render the layout may not have settled yet.
      await expect
        .poll(() => overflow(p), { message: "unfolded filters fit", timeout: 5_000 })
        .toBeLessThanOrEqual(0);

      // The language control is behind the menu button; Spanish at phone width fits too.
      await p.getByRole("button", { name: en.nav.main }).click();
      await screenshot(p, engine, "lists-phone-menu");
      await p.getByRole("radiogroup", { name: en.language }).getByText("Español", { exact: true }).click();
      await visible(p.getByRole("heading", { level: 1, name: es.dashboard.title }));
      const cardsEs = p.getByRole("list", { name: es.dashboard.all });
      await visible(cardsEs);
      const cardEs = cardsEs
        .getByRole("listitem")
        .filter({ has: p.getByRole("link", { name: first.number }) });
      await expect.poll(() => cardEs.textContent()).toContain(sharedEs.status.editing);
      expect(await cardEs.textContent()).toContain(es.dashboard.due);
      // Polled: right after a resize or a re-render the layout may not have settled yet.
      await expect
        .poll(() => overflow(p), { message: "nothing scrolls sideways in Spanish", timeout: 5_000 })
        .toBeLessThanOrEqual(0);
      await visible(p.getByRole("button", { name: es.nav.signOut }));
      await screenshot(p, engine, "lists-phone-dashboard-es");
      await expectAxeClean(p, "dashboard at 390 px in Spanish");
      // Back to English (the choice is remembered for the user, and the next journey reads English).
      const menu = p.getByRole("radiogroup", { name: es.language });
      if (!(await menu.isVisible())) await p.getByRole("button", { name: es.nav.main }).click();
      await menu.getByText("English", { exact: true }).click();
      await visible(p.getByRole("heading", { level: 1, name: en.dashboard.title }));
    },
    TIMEOUT,
  );

  it(
    "lets the programme admin search the customer registry as typed and walk its pages",
    async () => {
      const tag = `reg${randomUUID().slice(0, 6)}`;
      for (let i = 0; i < 27; i++) {
        const saved = await t.admin.post("/api/v1/admin/customers", {
          tenantId: randomUUID(),
          domain: `${tag}-${String(i).padStart(2, "0")}.example`,
          name: `${tag} Customer ${String(i).padStart(2, "0")}`,
          subscriptions: [
            { id: randomUUID(), product: "d365_sales", status: i % 2 ? "active" : "suspended" },
          ],
        });
        expect(saved.status).toBe(201);
      }
      const p = await pages.signedIn(base, ADMIN);
      await p.goto(`${base}/admin/customers`);
      await visible(p.getByRole("heading", { level: 2, name: adminEn.registry.title }));
      await p.getByRole("searchbox", { name: adminEn.registry.search }).pressSequentially(tag, { delay: 30 });
      await expect.poll(() => new URL(p.url()).searchParams.get("q")).toBe(tag);
      const page1 = p.getByRole("table", { name: adminEn.registry.caption.replace("{{page}}", "1") });
      await visible(page1.getByRole("cell", { name: `${tag} Customer 00` }));
      expect(await page1.getByRole("row").count()).toBe(26);
      await visible(page1.getByText("Dynamics 365 Sales").first());
      await screenshot(p, engine, "lists-registry");
      await expectAxeClean(p, "customer registry");
      await p.getByRole("button", { name: adminEn.registry.nextPage }).click();
      const page2 = p.getByRole("table", { name: adminEn.registry.caption.replace("{{page}}", "2") });
      await visible(page2.getByRole("cell", { name: `${tag} Customer 26` }));
      expect(await page2.getByRole("row").count()).toBe(3);
      await expect.poll(() => p.getByRole("button", { name: adminEn.registry.nextPage }).count()).toBe(0);
      // A search by tenant-less domain start narrows to one.
      await p.getByRole("searchbox", { name: adminEn.registry.search }).fill(`${tag}-07.ex`);
      const one = p.getByRole("table", { name: adminEn.registry.caption.replace("{{page}}", "1") });
      await visible(one.getByRole("cell", { name: `${tag} Customer 07` }));
      await expect.poll(() => one.getByRole("row").count()).toBe(2);
      await p.setViewportSize(PHONE);
      await visible(p.getByRole("list", { name: adminEn.registry.caption.replace("{{page}}", "1") }));
      // Polled: the layout settles a moment after the window narrows.
      await expect
        .poll(() => overflow(p), { message: "the registry fits a phone", timeout: 5_000 })
        .toBeLessThanOrEqual(0)
        .catch(async (e) => {
          throw new Error(`${e}: ${await outside(p)}`);
        });
      await screenshot(p, engine, "lists-registry-phone");
    },
    TIMEOUT,
  );
  it(
    "offers a partner type-ahead over its own earlier claims' customers in the new-claim look-up",
    async () => {
      const first = claims[0];
      if (!first) throw new Error("claims not made");
      const p = await pages.signedIn(base, partner);
      await p.goto(`${base}/claims/new`);
      // Exact: the partner's suggestion list's label also says "tenant ID or domain".
      const box = p.getByLabel(en.newClaim.lookupBy, { exact: true });
      await visible(box);
      // An empty look-up says what is missing; nothing throws.
      const errors: string[] = [];
      p.on("pageerror", (e) => errors.push(e.message));
      await p.getByRole("button", { name: en.newClaim.lookup, exact: true }).click();
      await visible(p.getByText(problemsEn.kind.required).first());
      await box.pressSequentially(first.domain.slice(0, 7), { delay: 40 });
      const offered = p.getByRole("list", { name: en.newClaim.suggestionsOwn });
      const pick = offered.getByRole("button", { name: `Customer Ltd · ${first.domain}` });
      await visible(pick);
      // The pointer off the Look up button (its hover shade is not what is judged here).
      await p.mouse.move(0, 0);
      await screenshot(p, engine, "lists-new-claim-typeahead");
      await expectAxeClean(p, "new-claim type-ahead");
      await pick.click();
      await visible(p.getByText(`Customer Ltd · ${first.domain}`, { exact: true }));
      expect(await box.inputValue()).toMatch(/^[0-9a-f-]{36}$/);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );
  it(
    "searches the review queue as the reviewer types, with cards on a phone",
    async () => {
      const api = partner.api;
      const sent: { id: string; number: string; domain: string }[] = [];
      for (let i = 0; i < 2; i++) {
        const customer = await w.customer();
        const created = await api.post<{ id: string; number: string }>(
          "/api/v1/claims",
          w.claimBody(w.a, customer),
        );
        expect(created.status).toBe(201);
        expect((await api.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(
          201,
        );
        expect((await api.post(`/api/v1/claims/${created.body.id}/actions/submit`)).status).toBe(200);
        sent.push({ ...created.body, domain: customer.domain });
      }
      const [one, two] = sent;
      if (!one || !two) throw new Error("claims not sent");
      const reviewer = await makeUser(t, "reviewer", null, { name: "Rita Reviewer" });
      const r = await pages.signedIn(base, reviewer);
      await r.goto(`${base}/review`);
      const table = r.getByRole("table", { name: en.review.title });
      await visible(table.getByRole("link", { name: two.number }));
      await r.getByRole("searchbox", { name: en.dashboard.search }).pressSequentially(one.domain.slice(0, 9));
      await expect.poll(() => new URL(r.url()).searchParams.get("q")).toBe(one.domain.slice(0, 9));
      await expect.poll(() => table.getByRole("link", { name: two.number }).count()).toBe(0);
      await visible(table.getByRole("link", { name: one.number }));
      await r.setViewportSize(PHONE);
      const cards = r.getByRole("list", { name: en.review.title });
      const card = cards.getByRole("listitem").filter({ has: r.getByRole("link", { name: one.number }) });
      await visible(card);
      expect(await card.textContent()).toContain(sharedEn.status.submitted);
      await expect.poll(() => overflow(r), { timeout: 5_000 }).toBeLessThanOrEqual(0);
      await screenshot(r, engine, "lists-review-phone");
      await expectAxeClean(r, "review queue at 390 px");
    },
    TIMEOUT,
  );
});
