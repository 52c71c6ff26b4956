// The first-load JavaScript budget of issue 5: at most 200 KB gzipped for the entry, its imports
// and the dashboard page (scripts/bundle-size.mjs measures it from Vite's manifest).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script with no type declarations.
import { BUDGET_BYTES, firstLoad } from "../../scripts/bundle-size.mjs";

describe("the web app's first load", () => {
  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build-web.mjs"], { stdio: "ignore" });
  }, 120_000);

  it("stays within 200 KB of gzipped JavaScript and loads the other pages on demand", () => {
    const { total, sizes, all } = firstLoad() as {
      total: number;
      sizes: { file: string }[];
      all: { file: string }[];
    };
    expect(total).toBeGreaterThan(50 * 1024);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    // The claim page and the administration are not part of the first load.
    const first = new Set(sizes.map((s) => s.file));
    const later = all.filter((c) => /claim-page|admin|new-claim/.test(c.file));
    expect(later.length).toBeGreaterThanOrEqual(3);
    for (const c of later) expect(first.has(c.file)).toBe(false);
  });

  it("carries a favicon the content security policy allows (an inline SVG: img-src data:)", () => {
    const html = readFileSync("web/dist/index.html", "utf8");
    expect(html).toMatch(/<link\s+rel="icon"\s+type="image\/svg\+xml"\s+href="data:image\/svg\+xml,/);
  });
});
