// Browser tests: Debian's Chromium driven by playwright-core (no downloaded browsers), sign-in
// through the real form, axe-core scans and screenshots. The web app is built once per run.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { webEn } from "../../web/src/i18n/en.ts";
import { webEs } from "../../web/src/i18n/es.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Builds web/dist unless it is newer than its sources (the script decides; it is quick when fresh). */
export function buildWebApp(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-web.mjs")], { cwd: ROOT, stdio: "pipe" });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * A fresh browser profile: its own cookies and local storage, an English browser by default, in the
 * machine's time zone unless `timezoneId` says another.
 */
export async function newContext(
  browser: Browser,
  locale = "en-US",
  timezoneId?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, timezoneId, viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

export type Lang = "en" | "es";
export const WEB = { en: webEn, es: webEs } as const;

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Signs in through the sign-in form at `base` and waits for the signed-in frame (the main
 * navigation). `formLang` is the language the sign-in form shows (the browser's, before sign-in);
 * `appLang` the one the app shows afterwards (the user's).
 */
export async function signIn(
  page: Page,
  base: string,
  who: Credentials,
  opts: { formLang?: Lang; appLang?: Lang } = {},
): Promise<void> {
  const form = WEB[opts.formLang ?? "en"].signIn;
  await page.goto(`${base}/`);
  await page.getByRole("textbox", { name: form.email }).fill(who.email);
  await page.getByRole("textbox", { name: form.password, exact: true }).fill(who.password);
  await page.getByRole("button", { name: form.submit, exact: true }).click();
  await page
    .getByRole("navigation", { name: WEB[opts.appLang ?? opts.formLang ?? "en"].nav.main })
    .waitFor({ state: "visible" });
}

/** Waits until the locator shows (the default timeout of its context). */
export const visible = (locator: Locator, timeout?: number) =>
  locator.first().waitFor({ state: "visible", timeout });

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Per element: its CSS path, and for color-contrast the colours and ratio axe measured. */
  targets: string[];
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** Runs axe-core on the page as it is now and answers its serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch {
      // A page whose Content-Security-Policy forbids inline scripts (the consent page): evaluated
      // through the DevTools protocol instead, which the policy does not govern.
      await page.evaluate(readFileSync(AXE_PATH, "utf8"));
    }
  }
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: {
          target: unknown[];
          html: string;
          any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[];
        }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => {
          const d = n.any.find((c) => c.data?.contrastRatio !== undefined)?.data;
          const contrast = d ? ` [${d.fgColor} on ${d.bgColor}: ${d.contrastRatio}:1]` : "";
          return `${n.target.map(String).join(" ")}${contrast} ${n.html.slice(0, 120)}`;
        }),
      }));
  });
}

/** One line per violation: id (impact): help, then the elements it was found on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    on ${v.targets.slice(0, 8).join("\n       ")}`)
    .join("\n  ");
}

/** A full-page PNG at test-artifacts/screenshots/<engine>-<name>.png. */
export async function screenshot(page: Page, engine: string, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${engine}-${name}.png`);
  // Let transitions (modals, notifications) settle so that the picture shows the resting state.
  await page.waitForTimeout(250);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}
