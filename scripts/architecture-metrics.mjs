#!/usr/bin/env node
// The architecture's figures (issue 10): query-builder calls in the HTTP layer, and role
// comparisons outside src/domain/policies and the transition table. Goal: 0 and 0.
// `node scripts/architecture-metrics.mjs` prints them; `--check` exits 1 when either is not 0.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`/g;
// A role named as a string literal in a comparison or a membership test, or a role helper called.
const ROLE =
  /\brole\s*[!=]==|[!=]==\s*[\w.]*role\b|\b(isPartnerRole|isOperatorRole)\(|["'](program_admin|reviewer|global_admin|incentives_admin|billing_admin)["']\s*(\]|\))?\s*\.includes|\.includes\([\w.]*role\)/g;
const ALLOWED_ROLE_FILES = [
  /^src\/domain\/policies\//,
  /^src\/domain\/transitions\.ts$/,
  /^src\/domain\/vocabulary\.ts$/,
];

const count = (re, text) => (text.match(re) ?? []).length;
const report = { queriesInHttp: {}, roleComparisons: {} };
// The benchmark's floors are bare SQL on purpose (they measure what a route costs without our layers);
// they are mounted only with CLAIMDESK_BENCH_ROUTES=1.
const FLOORS = "src/server/http/bench-floors.ts";
for (const f of files("src/server/http")) {
  if (f === FLOORS) continue;
  const n = count(QUERY, readFileSync(f, "utf8"));
  if (n) report.queriesInHttp[f] = n;
}
for (const f of [...files("src"), ...files("web/src")]) {
  if (ALLOWED_ROLE_FILES.some((re) => re.test(f))) continue;
  const n = count(ROLE, readFileSync(f, "utf8"));
  if (n) report.roleComparisons[f] = n;
}
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
for (const [name, o] of Object.entries(report)) {
  console.log(`${name}: ${sum(o)}`);
  for (const [f, n] of Object.entries(o)) console.log(`  ${n}\t${f}`);
}
if (process.argv.includes("--check") && (sum(report.queriesInHttp) || sum(report.roleComparisons)))
  process.exit(1);
