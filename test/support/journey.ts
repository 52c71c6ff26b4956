// The setup every browser suite shares: one browser per suite, a fresh profile for every page, a
// failed test's pages pictured before its profiles close, and users made through the administration
// API so that the test knows their passwords. The low-level pieces are in browser.ts.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { Client, signInToken, type TestServer } from "../http/http-support.ts";
import {
  axeViolations,
  type Credentials,
  describeViolations,
  type Lang,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from "./browser.ts";

/** The narrowest screen the app is made for. */
export const PHONE = { width: 390, height: 844 };

export interface PageOptions {
  /** The browser's language (the sign-in form follows it); en-US unless said. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** The browser's IANA time zone (the machine's unless said). */
  timezoneId?: string;
}

export interface SignInOptions extends PageOptions {
  /** The language the sign-in form shows, and the one the app shows afterwards (see signIn). */
  formLang?: Lang;
  appLang?: Lang;
}

export interface BrowserPages {
  /** A page in a fresh browser profile, signed in as nobody. */
  open(opts?: PageOptions): Promise<Page>;
  /** A page in a fresh browser profile, signed in as `who` through the form at `base`. */
  signedIn(base: string, who: Credentials, opts?: SignInOptions): Promise<Page>;
}

/**
 * Registers the hooks, so call it after the suite's own beforeAll and afterAll: the browser then
 * starts once the server is up and (after-hooks run in reverse order) closes before it stops.
 * No profile outlives its test. When a test fails, every page it opened is pictured first, as
 * `FAILED-<prefix>-<test>-<i>`: both in one onTestFinished handler, which runs after afterEach
 * (whose failure counts too) and before the next test, while the pages are still open.
 */
export function browserPages(engine: string, prefix: string): BrowserPages {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pages: Page[] = [];
  const troubles = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(({ task, onTestFinished }) => {
    onTestFinished(async () => {
      const [opened, profiles] = [pages, contexts];
      [pages, contexts] = [[], []];
      if (task.result?.state === "fail") {
        const slug = task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 40);
        for (const [i, page] of opened.entries()) {
          await screenshot(page, engine, `FAILED-${prefix}-${slug}-${i}`).catch(() => undefined);
          // CI keeps only what is printed: what the page showed and what went wrong on its way.
          console.error(await describePage(page, troubles.get(page) ?? []).catch((e) => `${e}`));
        }
      }
      for (const c of profiles) await c.close().catch(() => undefined);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(opts: PageOptions = {}): Promise<Page> {
    if (!browser) throw new Error("no browser: browserPages' beforeAll has not run");
    const context = await newContext(browser, opts.locale, opts.timezoneId);
    contexts.push(context);
    const page = await context.newPage();
    const seen: string[] = [];
    troubles.set(page, seen);
    const note = (line: string) => seen.length < 40 && seen.push(line);
    page.on("pageerror", (e) => note(`page error: ${e.message}`));
    // Not the browser's own line for each refused request (the responses are noted below), nor the
    // requests a navigation aborts.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
        note(`console: ${m.text()}`);
    });
    page.on("requestfailed", (r) => {
      const why = r.failure()?.errorText ?? "";
      if (why !== "net::ERR_ABORTED") note(`failed: ${r.method()} ${r.url()} ${why}`);
    });
    page.on(
      "response",
      (r) => r.status() >= 429 && note(`${r.status()}: ${r.request().method()} ${r.url()}`),
    );
    if (opts.viewport) await page.setViewportSize(opts.viewport);
    pages.push(page);
    return page;
  }
  return {
    open,
    async signedIn(base, who, { formLang, appLang, ...page } = {}) {
      const p = await open(page);
      await signIn(p, base, who, { formLang, appLang });
      return p;
    },
  };
}

/** A failed test's page in words: its address, the start of its text, and the troubles it met. */
async function describePage(page: Page, troubles: string[]): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what shows is wanted, not hidden text
  const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, " ").slice(0, 600));
  return [`page at ${page.url()} showed: ${text}`, ...troubles.map((t) => `  ${t}`)].join("\n");
}

/** Fails on serious or critical axe findings on the page as it is now, `what` naming the screen. */
export async function expectAxeClean(page: Page, what?: string): Promise<void> {
  const found = await axeViolations(page);
  const report = describeViolations(found);
  expect(found, what === undefined ? report : `${what}:\n  ${report}`).toEqual([]);
}

export interface TestUser extends Credentials {
  id: string;
  name: string;
  /** Signed in over the API, for what a test sets up without the browser. */
  api: Client;
}

/**
 * A new user of `role`, made through the administration API so that the test knows the password.
 * Unless a name is given, the role and a random suffix, so that no two users look alike.
 */
export async function makeUser(
  t: TestServer,
  role: string,
  organizationId: string | null,
  opts: { locale?: string; name?: string } = {},
): Promise<TestUser> {
  const suffix = randomUUID().slice(0, 8);
  const email = `${role.replace("_", "-")}-${suffix}@example.com`;
  const password = `pw-${randomUUID()}`;
  const name = opts.name ?? `${role} ${suffix}`;
  const created = await t.admin.post<{ id: string }>("/api/v1/admin/users", {
    email,
    name,
    password,
    role,
    organizationId,
    locale: opts.locale ?? "en",
  });
  if (created.status !== 201) throw new Error(`user creation failed: ${JSON.stringify(created.body)}`);
  const base = t.server.url;
  return {
    id: created.body.id,
    email,
    password,
    name,
    api: new Client(base, await signInToken(base, email, password)),
  };
}
