// Reuse detection in the browser (issue 14): a reviewer opens a claim whose PoE file another
// organisation attached to its own claim, and finds it under Similar claims, linked, in English
// and Spanish, at desktop and phone width; axe-clean. Partners' pages never show the list.
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDocument } from "../../bench/poe-corpus/corpus.ts";
import { similarEn } from "../../web/src/i18n/similar-en.ts";
import { similarEs } from "../../web/src/i18n/similar-es.ts";
import { startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { type HttpOrg, type HttpWorld, httpWorld } from "../http/http-world.ts";
import { buildWebApp, screenshot, visible, WEB } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { browserPages, expectAxeClean, PHONE } from "../support/journey.ts";

const PASSWORD = "a-long-test-password";

beforeAll(() => buildWebApp(), 300_000);

describe.each(ENGINES)("similar claims in the browser on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let theirs: { id: string; number: string };
  let mine: { id: string; number: string };

  async function filed(org: HttpOrg, bytes: Uint8Array) {
    const tenantId = randomUUID();
    const domain = `reuse${tenantId.slice(0, 6)}.test`;
    await t.admin.post("/api/v1/admin/customers", { tenantId, domain, name: "Reuse Ltd", subscriptions: [] });
    const c = await org.incentives.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(org, { tenantId, domain }, ["teams"]),
    );
    await org.incentives.upload(c.body.id, new Uint8Array(bytes), "poe.pdf", "application/pdf");
    expect((await org.incentives.post(`/api/v1/claims/${c.body.id}/actions/submit`, {})).status).toBe(200);
    return c.body;
  }

  /** Signed in as `user` in a browser speaking `lang`. */
  const pageAs = (user: UserClient, lang: "en" | "es", viewport?: typeof PHONE) =>
    pages.signedIn(
      t.server.url,
      { email: user.email, password: PASSWORD },
      { locale: lang === "es" ? "es-ES" : "en-US", viewport, formLang: lang, appLang: lang },
    );

  async function openSimilar(page: Page, lang: "en" | "es"): Promise<void> {
    await page.goto(`${t.server.url}/claims/${theirs.id}`);
    await page.getByRole("tab", { name: new RegExp(WEB[lang].claim.competing) }).click();
    await visible(
      page.getByRole("heading", { name: new RegExp(lang === "es" ? similarEs.title : similarEn.title) }),
    );
  }

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    let i = 0;
    while ((await generateDocument(77, i)).spec.format !== "pdf") i++;
    const file = (await generateDocument(77, i)).bytes;
    mine = await filed(w.a, file);
    theirs = await filed(w.b, file);
  }, 120_000);
  afterAll(() => t?.stop());
  const pages = browserPages(engine, "poegen");

  it("the reviewer sees the other organisation's claim with the same file, linked", {
    timeout: 120_000,
  }, async () => {
    const reviewer = await t.userClient("reviewer", null, "en");
    const page = await pageAs(reviewer, "en");
    await openSimilar(page, "en");
    const link = page.getByRole("link", { name: mine.number });
    await visible(link);
    await visible(page.getByText(similarEn.reason.same_file));
    await expectAxeClean(page);
    await screenshot(page, engine, "similar-claims-en");
    await link.click();
    await page.waitForURL(`**/claims/${mine.id}`);

    const phone = await pageAs(reviewer, "en", PHONE);
    await openSimilar(phone, "en");
    await screenshot(phone, engine, "similar-claims-en-390");
  });

  it("in Spanish", { timeout: 120_000 }, async () => {
    const reviewer = await t.userClient("reviewer", null, "es");
    const page = await pageAs(reviewer, "es");
    await openSimilar(page, "es");
    await visible(page.getByText(similarEs.reason.same_file));
    await expectAxeClean(page);
    await screenshot(page, engine, "similar-claims-es");
  });

  it("the partner's claim page has no similar claims", { timeout: 120_000 }, async () => {
    const page = await pageAs(w.b.incentives, "en");
    await page.goto(`${t.server.url}/claims/${theirs.id}`);
    await visible(page.getByRole("heading", { level: 1, name: theirs.number }));
    expect(await page.getByText(similarEn.title).count()).toBe(0);
  });
});
