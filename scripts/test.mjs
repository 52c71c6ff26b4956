#!/usr/bin/env node
// `npm test`: typecheck, lint, then every test with Vitest on SQLite and PostgreSQL, and a plain
// closing line `N passed, N failed` read from Vitest's JSON report (test-summary.mjs: it counts
// exactly Vitest's tests; failed checks fail the run through the exit code, on a line of their own).
// PostgreSQL: DATABASE_URL=postgres://... if set; else a throwaway cluster when this machine has
// Debian's server binaries and we are root; else the PostgreSQL half is skipped, and said so
// (under CI=true that is a failure instead).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { summarize } from "./test-summary.mjs";

const ci = process.env.CI === "true" || process.env.CI === "1";
const env = { ...process.env };
let pgData = null;
let pgNote = "";

if (!env.DATABASE_URL?.startsWith("postgres")) {
  const canStart = process.getuid?.() === 0 && existsSync("/usr/lib/postgresql");
  if (canStart) {
    const out = execFileSync("bash", ["scripts/pg-throwaway.sh", "start"], { encoding: "utf8" });
    for (const m of out.matchAll(/(\w+)=(\S+)/g)) env[m[1]] = m[2];
    pgData = env.CLAIMDESK_PGDATA;
    pgNote = "PostgreSQL: a throwaway cluster started for this run";
  } else if (ci) {
    console.error("CI=true but no PostgreSQL: set DATABASE_URL=postgres://... (see .ci/run)");
    process.exit(1);
  } else {
    pgNote =
      "PostgreSQL half NOT run: no DATABASE_URL and no local server binaries (apt-get install postgresql)";
  }
} else {
  pgNote = "PostgreSQL: DATABASE_URL";
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  return r.status ?? 1;
}

let failedChecks = 0;
for (const [name, args] of [
  ["typecheck", ["node_modules/.bin/tsc", "--noEmit", "-p", "."]],
  ["typecheck web", ["node_modules/.bin/tsc", "--noEmit", "-p", "web"]],
  ["lint", ["node_modules/.bin/biome", "ci", "--colors=off", "."]],
  // The browser tests drive the built app; the build is skipped when it is up to date.
  ["build web", [process.execPath, "scripts/build-web.mjs"]],
]) {
  const code = run(args[0], args.slice(1));
  console.log(`${name}: ${code === 0 ? "ok" : "FAILED"}`);
  if (code !== 0) failedChecks++;
}

const report = ".vitest-report.json";
rmSync(report, { force: true });
const vitestCode = run("node_modules/.bin/vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
if (pgData) execFileSync("bash", ["scripts/pg-throwaway.sh", "stop", pgData]);

const { lines, exitCode } = summarize(existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : null, {
  failedChecks,
  vitestCode,
  pgNote,
});
for (const line of lines) console.log(line);
process.exit(exitCode);
