#!/usr/bin/env node
// `npm run size:web`: the JavaScript a first visit downloads, gzipped: the entry chunk, everything
// it imports, the dashboard page (the first screen after sign-in) with its imports, and the Spanish
// texts (fetched before the first screen when the reader's language is Spanish: the larger first
// load of the two languages), from Vite's manifest. Prints every chunk and the first-load total against the 200 KB budget; exits 1 above it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 200 * 1024;
const DIST = "web/dist";

export function firstLoad() {
  const manifest = JSON.parse(readFileSync(join(DIST, ".vite/manifest.json"), "utf8"));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const dashboardKey = Object.keys(manifest).find((k) =>
    k.endsWith("features/claims/components/dashboard.tsx"),
  );
  const spanishKey = Object.keys(manifest).find((k) => k.endsWith("i18n/es-texts.ts"));
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entryKey);
  visit(dashboardKey);
  visit(spanishKey);
  const sizes = [...files].map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const all = Object.values(manifest)
    .filter((c) => c.file.endsWith(".js"))
    .map((c) => ({ file: c.file, gzip: gzipSync(readFileSync(join(DIST, c.file)), { level: 9 }).length }));
  return { sizes, total: sizes.reduce((n, s) => n + s.gzip, 0), all };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sizes, total, all } = firstLoad();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log("first load (entry + its imports + the dashboard page + the Spanish texts):");
  for (const s of sizes.sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${s.file.padEnd(44)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
  console.log(
    `  ${"total".padEnd(44)} ${"".padStart(14)} ${kb(total).padStart(10)} gzip (budget ${kb(BUDGET_BYTES)})`,
  );
  console.log(
    `\nevery JavaScript chunk: ${all.length}, ${kb(all.reduce((n, c) => n + c.gzip, 0))} gzip in all (pages load on demand)`,
  );
  if (total > BUDGET_BYTES) process.exit(1);
}
