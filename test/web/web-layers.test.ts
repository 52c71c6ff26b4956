// The web app's import direction (bulletproof-react): app -> features -> shared. Shared code
// (components, lib, i18n) imports no feature and not the app; a feature imports neither the app
// nor another feature's internals. Imports are read from the source and resolved as paths.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../web/src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every relative import of the web app as [from, to], both relative to web/src. */
function edges(): [string, string][] {
  return files(ROOT).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.\.?\/[^"']+)["']/g)].map(
      (m) => m[1] ?? "",
    );
    return specs.map((s): [string, string] => [
      relative(ROOT, file),
      relative(ROOT, resolve(dirname(file), s)),
    ]);
  });
}

/** "features/claims/components/x.tsx" -> "features/claims"; "lib/x.ts" -> "lib". */
const area = (path: string) => {
  const [top = "", feature = ""] = path.split("/");
  return top === "features" ? `features/${feature}` : top;
};

describe("the web app's layers", () => {
  const all = edges();

  it("reads the imports (the check would pass vacuously otherwise)", () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it("shared code imports no feature and not the app", () => {
    const bad = all.filter(
      ([from, to]) => ["components", "lib", "i18n"].includes(area(from)) && /^(features|app)\//.test(to),
    );
    expect(bad).toEqual([]);
  });

  it("a feature imports neither the app nor another feature", () => {
    const bad = all.filter(
      ([from, to]) =>
        from.startsWith("features/") &&
        (to.startsWith("app/") || (to.startsWith("features/") && area(to) !== area(from))),
    );
    expect(bad).toEqual([]);
  });

  it("file names are kebab-case", () => {
    const bad = files(ROOT)
      .map((f) => relative(ROOT, f))
      .filter((f) => !/^[a-z0-9-]+(\/[a-z0-9-]+)*\.(ts|tsx)$/.test(f.replace(/\.d\.ts$/, ".ts")));
    expect(bad).toEqual([]);
  });
});
