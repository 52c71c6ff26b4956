// Bulk filing in a real browser on each engine (issue 14): the partner downloads the template,
// checks a file whose bad row is shown translated by line and column, fixes it, creates the drafts
// (progress, then the numbers linking to each claim), attaches a ZIP of PoE; once in Spanish and at
// phone width; axe on each state; screenshots into test-artifacts/screenshots.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_FILE_COLUMNS } from "../../src/server/claims/bulk/claim-file-columns.ts";
import { CREATE_CHUNK } from "../../src/server/claims/bulk/run-claim-import.ts";
import { bulkEn } from "../../web/src/i18n/bulk-en.ts";
import { bulkEs } from "../../web/src/i18n/bulk-es.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes, registerCustomers } from "../http/http-world.ts";
import { buildWebApp, screenshot, visible, WEB } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { zipArchive } from "../support/hostile-files.ts";
import { browserPages, expectAxeClean, makeUser, PHONE } from "../support/journey.ts";

let files: string;
beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), "claimdesk-bulk-"));
  buildWebApp();
}, 300_000);
afterAll(() => {
  if (files) rmSync(files, { recursive: true, force: true });
});

function put(name: string, data: string | Buffer): string {
  const path = join(files, `${randomUUID().slice(0, 8)}-${name}`);
  writeFileSync(path, data);
  return path;
}

describe.each(ENGINES)("bulk filing in the browser on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;

  // The in-process runner waits after a chunk while `hold` is set (the failed-import test).
  let hold: Promise<void> | null = null;
  let chunked: (done: number) => void = () => {};
  beforeAll(async () => {
    t = await startTestServer(engine, {}, undefined, {
      claimImports: {
        afterChunk: async (_id, done) => {
          chunked(done);
          await hold;
        },
      },
    });
    w = await httpWorld(t);
  }, 120_000);
  afterAll(() => t?.stop());
  const pages = browserPages(engine, "bulk");

  /** A new filer of organisation a speaking `lang`, signed in through the English form. */
  async function page(lang: "en" | "es"): Promise<Page> {
    const who = await makeUser(t, "incentives_admin", w.a.id, { locale: lang, name: `Bulk ${lang}` });
    return pages.signedIn(t.server.url, who, { formLang: "en", appLang: lang });
  }

  const csvOf = (rows: Record<string, string>[]) =>
    [
      CLAIM_FILE_COLUMNS.join(","),
      ...rows.map((r) => CLAIM_FILE_COLUMNS.map((c) => r[c] ?? "").join(",")),
    ].join("\n");
  const rowFor = (c: { tenantId: string; domain: string }, products = "teams") => ({
    partnerId: w.a.partnerId,
    customerTenantId: c.tenantId,
    customerDomain: c.domain,
    customerName: "Customer Ltd",
    activity: "deployment",
    products,
    customerContactName: "Casey",
    customerContactEmail: "casey@customer.example",
    partnerContactName: "Paula",
    partnerContactEmail: "paula@partner.example",
  });

  it("downloads the template, shows a bad row translated, creates the fixed file's drafts and attaches PoE", async () => {
    const p = await page("en");
    await p.getByRole("link", { name: WEB.en.nav.bulk }).first().click();
    await visible(p.getByRole("heading", { level: 1, name: bulkEn.title }));
    await expectAxeClean(p);
    await screenshot(p, engine, "bulk-empty");

    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("link", { name: bulkEn.template }).click(),
    ]);
    const template = readFileSync((await download.path()) ?? "", "utf8");
    expect(template.split(/\r?\n/)[0]).toBe(CLAIM_FILE_COLUMNS.join(","));

    const [c1, c2, c3] = [await w.customer(), await w.customer(), await w.customer()];
    const bad = csvOf([rowFor(c1), rowFor(c2, "teams;nonsense"), rowFor(c3)]);
    const input = p.locator('input[type="file"]').first();
    await input.setInputFiles(put("claims.csv", bad));
    await p.getByRole("button", { name: bulkEn.check }).click();
    const problems = p.getByTestId("file-problems");
    await visible(problems);
    const cells = await problems.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells).toEqual(["3", "products", bulkEn.reasons.unknown_product]);
    await visible(p.getByText(bulkEn.badTitle));
    await expectAxeClean(p);
    await screenshot(p, engine, "bulk-problems");

    await input.setInputFiles(put("claims-fixed.csv", csvOf([c1, c2, c3].map((c) => rowFor(c)))));
    await p.getByRole("button", { name: bulkEn.check }).click();
    await visible(p.getByText(bulkEn.okTitle));
    await p.getByRole("button", { name: bulkEn.create.replace("{{count}}", "3") }).click();
    const created = p.getByTestId("created-claims");
    await visible(created, 30_000);
    const numbers = await created.getByRole("link").allTextContents();
    expect(numbers).toHaveLength(3);
    for (const n of numbers) expect(n).toMatch(/^CA-\d{4}-\d{6}$/);
    await visible(p.getByText(bulkEn.doneTitle));
    await visible(p.getByRole("heading", { name: bulkEn.pastTitle }));
    await visible(p.getByRole("cell", { name: bulkEn.status.done }));
    await expectAxeClean(p);
    await screenshot(p, engine, "bulk-created");

    const zip = zipArchive([
      { name: "row-2/poe.pdf", data: Buffer.from(pdfBytes()) },
      { name: "nameless.pdf", data: Buffer.from(pdfBytes()) },
    ]);
    await p.locator('input[type="file"]').nth(1).setInputFiles(put("poe.zip", zip));
    await p.getByRole("button", { name: bulkEn.zipSend }).click();
    await visible(p.getByText("Attached: 1; refused: 1."));
    await visible(p.getByText(bulkEn.reasons.unnamed_entry));
    await expectAxeClean(p);
    await screenshot(p, engine, "bulk-poe-zip");

    await created.getByRole("link", { name: numbers[0] }).click();
    await visible(p.getByRole("heading", { level: 1, name: numbers[0] }));
  }, 180_000);

  it("works in Spanish and at phone width", async () => {
    const p = await page("es");
    await p.setViewportSize(PHONE);
    await p.goto(`${t.server.url}/claims/bulk`);
    await visible(p.getByRole("heading", { level: 1, name: bulkEs.title }));
    const c = await w.customer();
    await p
      .locator('input[type="file"]')
      .first()
      .setInputFiles(put("reclamaciones.csv", csvOf([rowFor(c, "teams;nada")])));
    await p.getByRole("button", { name: bulkEs.check }).click();
    await visible(p.getByTestId("file-problems"));
    await visible(p.getByRole("cell", { name: bulkEs.reasons.unknown_product }));
    // Usable at 390 px: nothing wider than the screen but the tables' own scroll boxes.
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(391);
    await expectAxeClean(p);
    await screenshot(p, engine, "bulk-problems-es-390");
  }, 120_000);

  it.each([
    ["en", bulkEn],
    ["es", bulkEs],
  ] as const)(
    "says in words which line stopped a running import and why (a product withdrawn meanwhile), in %s",
    async (lang, texts) => {
      const p = await page(lang);
      if (lang === "es") await p.setViewportSize(PHONE);
      await p.goto(`${t.server.url}/claims/bulk`);
      await visible(p.getByRole("heading", { level: 1, name: texts.title }));
      // One row more than a chunk: the second chunk's first line is the one refused.
      const csv = csvOf((await registerCustomers(t, CREATE_CHUNK + 1)).map((c) => rowFor(c)));
      await p.locator('input[type="file"]').first().setInputFiles(put("claims-long.csv", csv));
      await p.getByRole("button", { name: texts.check }).click();
      await visible(p.getByText(texts.okTitle));
      let release = () => {};
      hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      const firstChunk = new Promise<number>((resolve) => {
        chunked = resolve;
      });
      await p
        .getByRole("button", { name: texts.create.replace("{{count}}", String(CREATE_CHUNK + 1)) })
        .click();
      expect(await firstChunk).toBe(CREATE_CHUNK);
      const withdrawn = await t.admin.patch("/api/v1/admin/catalog/products/teams", { active: false });
      expect(withdrawn.status).toBe(200);
      try {
        hold = null;
        release();
        const said = texts.failedLine
          .replace("{{line}}", String(CREATE_CHUNK + 2))
          .replace("{{reason}}", texts.reasons.inactive_product);
        await visible(p.getByRole("alert").filter({ hasText: texts.failedTitle }), 30_000);
        await visible(p.getByText(said));
        await expectAxeClean(p);
        await screenshot(p, engine, `bulk-failed-${lang}`);
      } finally {
        const back = await t.admin.patch("/api/v1/admin/catalog/products/teams", { active: true });
        expect(back.status).toBe(200);
      }
    },
    180_000,
  );
});
