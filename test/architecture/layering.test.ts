// The layering of docs/ARCHITECTURE.md as a test (issue 10): dependency-cruiser judges src/ with the
// rules of .dependency-cruiser.cjs, Biome's noRestrictedImports (biome.json) judges the web app's
// .tsx files, which dependency-cruiser's swc parser cannot read.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules/.bin/depcruise");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/**
 * Edges other areas of issue 10 remove (their branches land separately); each is named, so a new
 * violation still fails, and an entry is deleted once its edge is gone.
 */
function cruise(cwd: string, ...paths: string[]): Violation[] {
  const out = execFileSync(DEPCRUISE, [...paths, "--config", CONFIG, "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const named = (v: Violation) => `${v.rule.name}: ${v.from} -> ${v.to}`;

describe("layering", () => {
  it("src/ has no layer violation", () => {
    const found = cruise(ROOT, "src").map(named);
    expect(found).toEqual([]);
  });

  it("the web app imports from src/ only the contract, the domain and the shared texts", () => {
    const r = spawnSync(
      join(ROOT, "node_modules/.bin/biome"),
      ["lint", "--only=style/noRestrictedImports", "--reporter=json", "web/src"],
      { cwd: ROOT, encoding: "utf8" },
    );
    const report = JSON.parse(r.stdout) as { diagnostics: { location?: { path?: string } }[] };
    expect(report.diagnostics.map((d) => d.location?.path)).toEqual([]);
  });

  it("each rule bites: a tree with one violation of each is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "layering-"));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      put("src/server/http/problem.ts", "export const p = 1;\n");
      put(
        "src/server/claims/use-cases/act.ts",
        'import { p } from "../../http/problem.ts";\nexport const a = p;\n',
      );
      put("src/server/claims/writer.ts", "export class E extends Error {}\n");
      put("src/server/db/transact.ts", 'import { E } from "../claims/writer.ts";\nexport const t = E;\n');
      put("src/domain/a.ts", 'import { b } from "./b.ts";\nexport const a = () => b;\n');
      put("src/domain/b.ts", 'import { a } from "./a.ts";\nexport const b = () => a;\n');
      put("src/domain/c.ts", 'import type { E } from "../server/claims/writer.ts";\nexport type C = E;\n');
      const rules = new Set(cruise(dir, "src").map((v) => v.rule.name));
      expect([...rules].sort()).toEqual([
        "domain-is-pure",
        "no-cycles-in-domain",
        "no-http-outside-http",
        "store-imports-no-feature",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
