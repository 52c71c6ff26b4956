// The closing lines of `npm test`, read from Vitest's JSON report. The line `N passed, N failed`
// counts Vitest's tests and nothing else, so that it says what Vitest says; a failed check
// (typecheck, lint, build), a test file that fails outside its tests (it does not load, a hook
// throws) or a missing report each get a line of their own and fail the run through the exit code.

/**
 * @param {any} report Vitest's JSON report, or null when Vitest wrote none
 * @param {{failedChecks: number, vitestCode: number, pgNote: string}} run
 * @returns {{lines: string[], exitCode: number}}
 */
export function summarize(report, { failedChecks, vitestCode, pgNote }) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let brokenFiles = 0;
  if (report) {
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    const files = report.testResults ?? [];
    brokenFiles = files.filter(
      (f) => f.status === "failed" && !(f.assertionResults ?? []).some((t) => t.status === "failed"),
    ).length;
    // Database tests name their engine in a describe title ("... on sqlite" / "... on postgres").
    const perEngine = { sqlite: 0, postgres: 0 };
    for (const file of files) {
      for (const t of file.assertionResults ?? []) {
        const titles = (t.ancestorTitles ?? []).join(" ");
        for (const engine of Object.keys(perEngine)) {
          if (new RegExp(`\\b${engine}\\b`).test(titles) && t.status === "passed") perEngine[engine]++;
        }
      }
    }
    lines.push(
      `database tests passed per engine: sqlite ${perEngine.sqlite}, postgres ${perEngine.postgres}`,
    );
  }
  lines.push(pgNote);
  if (failedChecks > 0) lines.push(`checks failed: ${failedChecks} (see the lines above)`);
  if (brokenFiles > 0) lines.push(`test files that failed outside their tests: ${brokenFiles}`);
  if (!report) lines.push("Vitest wrote no report: the run failed before the tests");
  lines.push(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  const bad = failedChecks > 0 || brokenFiles > 0 || !report || failed > 0 || vitestCode !== 0;
  return { lines, exitCode: bad ? 1 : 0 };
}
