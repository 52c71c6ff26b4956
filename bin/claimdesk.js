#!/usr/bin/env node
// The `claimdesk` command. `npm start` compiles the server to dist/ first (scripts/build-server.mjs)
// and this runs that JavaScript; when dist/ is missing or older than a source file (a fresh
// checkout, an edit in development, the tests), it loads the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = `${root}dist/.built`;

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(`${path}/${f}`)));
}

// A few hundred stat calls, a few milliseconds: cheaper than ever running stale code.
// CLAIMDESK_FROM_DIST=1 (the benchmarks, bench/compiled-server.ts): dist/ as it is, fresh or not.
const compiled =
  process.env.CLAIMDESK_FROM_SOURCE !== "1" &&
  existsSync(stamp) &&
  (process.env.CLAIMDESK_FROM_DIST === "1" || statSync(stamp).mtimeMs > newest(`${root}src`));
if (compiled) {
  await import("../dist/cli/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
