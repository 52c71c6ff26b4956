#!/usr/bin/env node
// Compiles the server (src/ -> dist/) unless dist/ is already newer than every source, so that
// `npm start` runs plain JavaScript instead of compiling TypeScript through tsx at every start.
// Type checking is `npm run typecheck`'s job: this only emits (tsc --noCheck, under a second).
// Built beside and swapped in; a failed build removes dist/ so that bin/claimdesk.js falls back to
// tsx rather than run stale code. dist/.built is the stamp bin/claimdesk.js compares with src/.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["src", "tsconfig.json", "tsconfig.build.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const stamp = "dist/.built";
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const force = process.argv.includes("--force");
if (!force && built > Math.max(...SOURCES.map(newest))) {
  console.log("server: up to date (dist)");
} else {
  console.log("server: compiling src to dist ...");
  rmSync("dist.next", { recursive: true, force: true });
  try {
    execFileSync(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json", "--noCheck", "--outDir", "dist.next"],
      { stdio: "inherit" },
    );
    writeFileSync(join("dist.next", ".built"), `${new Date().toISOString()}\n`);
    rmSync("dist", { recursive: true, force: true });
    renameSync("dist.next", "dist");
    console.log("server: built");
  } catch (err) {
    rmSync("dist.next", { recursive: true, force: true });
    rmSync("dist", { recursive: true, force: true });
    console.warn(`server: not compiled (${err.message}); running the TypeScript sources through tsx`);
  }
}
