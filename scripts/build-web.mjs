#!/usr/bin/env node
// Builds the web app (web/dist) unless it is already newer than every source it comes from, so
// that `npm start` and `npm test` always serve the current app without rebuilding each time.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = [
  "web/src",
  "web/index.html",
  "web/vite.config.ts",
  "src/i18n",
  "src/contract",
  "src/domain",
  "package-lock.json",
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const built = existsSync("web/dist/index.html") ? statSync("web/dist/index.html").mtimeMs : 0;
const force = process.argv.includes("--force");
if (!force && built > Math.max(...SOURCES.map(newest))) {
  console.log("web app: up to date (web/dist)");
} else {
  console.log("web app: building web/dist ...");
  // Built beside and swapped in, keeping the previous build's hashed files: a page already open
  // (or a running test) still finds the chunks its index.html named.
  rmSync("web/dist.next", { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "web", "--logLevel", "warn", "--outDir", "dist.next"],
    // Always the production build: run from a test, NODE_ENV=test would otherwise give React's
    // development build (a third larger, and not what anyone is served).
    { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  // Only the previous build's own files (from its manifest), so that old builds do not pile up.
  const previous = "web/dist/.vite/manifest.json";
  if (existsSync(previous)) {
    const chunks = Object.values(JSON.parse(readFileSync(previous, "utf8")));
    for (const f of chunks.flatMap((c) => [c.file, ...(c.css ?? []), ...(c.assets ?? [])]))
      if (existsSync(join("web/dist", f)) && !existsSync(join("web/dist.next", f)))
        cpSync(join("web/dist", f), join("web/dist.next", f));
  }
  rmSync("web/dist.old", { recursive: true, force: true });
  if (existsSync("web/dist")) renameSync("web/dist", "web/dist.old");
  renameSync("web/dist.next", "web/dist");
  rmSync("web/dist.old", { recursive: true, force: true });
  console.log("web app: built");
}
