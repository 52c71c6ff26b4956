// Security headers (issue 12.3): every HTML answer carries a CSP the web app runs under, with
// frame-ancestors 'none' and X-Frame-Options DENY, nosniff, Referrer-Policy and Permissions-Policy;
// HSTS only with an https BASE_URL; private API answers, exports and downloads are not cached, hashed
// assets are. And the built web app (and /docs) load in Chromium without a CSP violation.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import {
  buildWebApp,
  launchBrowser,
  newContext,
  ROOT,
  screenshot,
  signIn,
  visible,
  WEB,
} from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { realPng } from "../support/hostile-files.ts";

const html = { accept: "text/html" };

function expectPageHeaders(h: Headers, where: string) {
  const csp = h.get("content-security-policy") ?? "";
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toMatch(/default-src '(self|none)'/);
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(h.get("x-frame-options"), where).toBe("DENY");
  expect(h.get("x-content-type-options"), where).toBe("nosniff");
  expect(h.get("referrer-policy"), where).toBe("same-origin");
  expect(h.get("permissions-policy"), where).toContain("camera=()");
}

describe.each(ENGINES)("security headers on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;

  beforeAll(async () => {
    buildWebApp();
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("every HTML answer: the app, its client-side routes, /docs and the consent page", async () => {
    for (const path of ["/", "/claims/some-claim", "/docs/", "/docs/static/index.html"]) {
      const r = await fetch(`${t.server.url}${path}`, { headers: html });
      expect(r.status, path).toBe(200);
      expectPageHeaders(r.headers, path);
      expect(r.headers.get("strict-transport-security"), path).toBeNull();
      await r.arrayBuffer();
    }
    const consent = await fetch(`${t.server.url}/consent/not-a-real-token`, { headers: html });
    expectPageHeaders(consent.headers, "consent");
    // The consent page keeps its own stricter policy.
    expect(consent.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(consent.headers.get("cache-control")).toBe("no-store");
    await consent.arrayBuffer();
  });

  it("no-store on private API answers, CSV exports and downloads; hashed assets stay cacheable", async () => {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    const up = await w.a.incentives.upload(c.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    const auth = { authorization: `Bearer ${w.a.incentives.token}` };
    for (const path of [
      `/api/v1/claims/${c.body.id}`,
      "/api/v1/claims",
      "/api/v1/claims/export.csv",
      `/api/v1/claims/${c.body.id}/documents/${up.body.id}/content`,
      "/api/v1/session",
      "/api/v1/claims/no-such-claim",
    ]) {
      const r = await fetch(`${t.server.url}${path}`, { headers: auth });
      expect(r.headers.get("cache-control"), path).toBe("no-store");
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      await r.arrayBuffer();
    }
    const asset = readdirSync(join(ROOT, "web", "dist", "assets")).find((f) => f.endsWith(".js"));
    const r = await fetch(`${t.server.url}/assets/${asset}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toMatch(/max-age=31536000/);
    expect(r.headers.get("cache-control")).toContain("immutable");
    await r.arrayBuffer();
  });
});

describe("HSTS with an https BASE_URL", () => {
  it("is sent on every answer when BASE_URL is https, and never on plain http", async () => {
    const t = await startTestServer("sqlite", { baseUrl: "https://claims.example.test" });
    try {
      for (const path of ["/", "/healthz"]) {
        const r = await fetch(`${t.server.url}${path}`, { headers: html });
        expect(r.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
        await r.arrayBuffer();
      }
    } finally {
      await t.stop();
    }
  });
});

describe("the web app under its CSP in Chromium", () => {
  let t: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWebApp();
    t = await startTestServer("sqlite");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("signs in, shows the claims and the admin screens, and /docs, with no CSP violation or page error", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      // A 401 before sign-in and the missing favicon's 404 are the app's, not the policy's.
      if (/^Failed to load resource/.test(m.text())) return;
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await signIn(page, t.server.url, ADMIN);
    await page.goto(`${t.server.url}/admin`);
    await visible(page.getByRole("navigation", { name: WEB.en.nav.main }));
    await page.goto(`${t.server.url}/docs/`);
    await visible(page.locator(".swagger-ui"));
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a PoE PDF and image in the document viewer (blob: frames and images) under the policy", async () => {
    const w = await httpWorld(t);
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    expect((await w.a.incentives.upload(c.body.id, pdfBytes(), "poe.pdf")).status).toBe(201);
    expect((await w.a.incentives.upload(c.body.id, new Uint8Array(realPng([7])), "scan.png")).status).toBe(
      201,
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !/^Failed to load resource/.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await signIn(page, t.server.url, { email: w.a.incentives.email, password: "a-long-test-password" });
    await page.goto(`${t.server.url}/claims/${c.body.id}`);
    await page.getByRole("tab", { name: new RegExp(`^${WEB.en.claim.documents}`) }).click();
    const views = page.getByRole("button", { name: WEB.en.claim.view, exact: true });
    await visible(views);
    // What the page asked for and did not get, what it still waits for and what it shows: said
    // when the frame does not come (seen twice in CI, with no failed request either time).
    const misses: string[] = [];
    const waiting = new Set<string>();
    page.on("request", (r) => waiting.add(r.url()));
    page.on("requestfinished", (r) => waiting.delete(r.url()));
    page.on("requestfailed", (r) => {
      waiting.delete(r.url());
      misses.push(`${r.url()} ${r.failure()?.errorText ?? ""}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) misses.push(`${r.status()} ${r.url()}`);
    });
    page.on("crash", () => misses.push("the page crashed"));
    await views.first().click();
    const frame = page.locator("iframe[src^='blob:']");
    await visible(frame).catch(async (e: unknown) => {
      await screenshot(page, "csp", "viewer-without-frame");
      const shown = await page
        .evaluate(() => ({
          url: location.pathname,
          tab: document.querySelector("[role=tab][aria-selected=true]")?.textContent ?? null,
          dialog: document.querySelector("[role=dialog]")?.textContent ?? null,
        }))
        .catch((err: unknown) => String(err));
      throw new Error(
        `no blob: frame; failed: ${JSON.stringify(misses)}; unanswered: ${JSON.stringify([...waiting])}; ` +
          `page: ${JSON.stringify(shown)}; ${String(e)}`,
      );
    });
    // Chromium's PDF viewer took the frame: the document is shown, not blocked.
    await expect.poll(() => page.frames().some((f) => f.url().startsWith("chrome-extension://"))).toBe(true);
    await page.keyboard.press("Escape");
    await views.nth(1).click();
    await expect
      .poll(() => page.locator("img[src^='blob:']").evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
