// The served OpenAPI document passes Redocly's recommended ruleset (redocly.yaml) with no error and
// no warning. The CLI runs offline: telemetry is off, and a preload makes any connection fail loudly.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { servedDocument } from "../../src/server/http/openapi/served-document.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

describe("Redocly's recommended ruleset", () => {
  it("finds no error and no warning in the served document", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimdesk-redocly-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(await servedDocument()));
      const { stdout, stderr } = await run(
        process.execPath,
        [
          "--import",
          join(root, "test/contract/block-network.mjs"),
          join(root, "node_modules/@redocly/cli/bin/cli.js"),
          "lint",
          file,
          "--config",
          join(root, "redocly.yaml"),
          "--format=json",
        ],
        {
          cwd: root,
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
          maxBuffer: 16 * 1024 * 1024,
        },
      ).catch((err: { stdout: string; stderr: string }) => err);
      expect(stderr).not.toContain("NETWORK ATTEMPT");
      const report: LintReport = JSON.parse(stdout);
      const problems = report.problems.map(
        (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
