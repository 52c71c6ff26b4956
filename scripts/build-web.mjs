#!/usr/bin/env node
// Builds the web app (web/dist) unless it is already newer than every source it comes from, so
// that `npm start` and `npm test` always serve the current app without rebuilding each time.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = [
  "web/src",
  "web/index.html",
  "web/vite.config.ts",
  "src/i18n",
  "src/server/http/schemas.ts",
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
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "web", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  console.log("web app: built");
}
