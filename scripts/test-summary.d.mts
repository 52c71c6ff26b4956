// Types for test-summary.mjs (a plain script, so that `npm test` runs without a TypeScript loader).
export interface VitestJsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  testResults?: {
    status: string;
    message?: string;
    assertionResults?: { status: string; ancestorTitles?: string[]; title?: string }[];
  }[];
}

export function summarize(
  report: VitestJsonReport | null,
  run: { failedChecks: number; vitestCode: number; pgNote: string },
): { lines: string[]; exitCode: number };
