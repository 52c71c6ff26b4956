// The closing line of `npm test` says what Vitest says (issue 12.10): `N failed` is Vitest's count of
// failed tests, never that plus failed suites or checks; those fail the run through the exit code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { summarize } from "../../scripts/test-summary.mjs";

const FIXTURES = resolve(import.meta.dirname, "closing-line-fixtures");

function vitestReport() {
  const out = join(mkdtempSync(join(tmpdir(), "closing-line-")), "report.json");
  const r = spawnSync(
    resolve("node_modules/.bin/vitest"),
    ["run", "--root", FIXTURES, "--reporter=json", `--outputFile.json=${out}`],
    { encoding: "utf8", env: { ...process.env, CI: "" } },
  );
  return { code: r.status ?? 1, report: JSON.parse(readFileSync(out, "utf8")) };
}

describe("npm test's closing line", () => {
  it("counts exactly the tests Vitest counted as failed, and still fails the run for a broken file or check", () => {
    const { code, report } = vitestReport();
    expect(report.numFailedTests).toBe(2);
    const clean = summarize(report, { failedChecks: 0, vitestCode: code, pgNote: "pg" });
    expect(clean.lines.at(-1)).toBe("1 passed, 2 failed, 0 skipped");
    expect(clean.lines).toContain("test files that failed outside their tests: 1");
    expect(clean.lines).toContain("database tests passed per engine: sqlite 1, postgres 0");
    expect(clean.exitCode).toBe(1);

    const withChecks = summarize(report, { failedChecks: 2, vitestCode: code, pgNote: "pg" });
    expect(withChecks.lines.at(-1)).toBe("1 passed, 2 failed, 0 skipped");
    expect(withChecks.lines).toContain("checks failed: 2 (see the lines above)");
  });

  it("fails the run when only a check failed, or when Vitest wrote no report", () => {
    const green = { numPassedTests: 3, numFailedTests: 0, testResults: [] };
    expect(summarize(green, { failedChecks: 0, vitestCode: 0, pgNote: "" }).exitCode).toBe(0);
    const lint = summarize(green, { failedChecks: 1, vitestCode: 0, pgNote: "" });
    expect(lint).toMatchObject({ exitCode: 1 });
    expect(lint.lines.at(-1)).toBe("3 passed, 0 failed, 0 skipped");
    const none = summarize(null, { failedChecks: 0, vitestCode: 1, pgNote: "" });
    expect(none.exitCode).toBe(1);
    expect(none.lines.at(-1)).toBe("0 passed, 0 failed, 0 skipped");
  });
});
