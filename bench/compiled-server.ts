// The benchmarks measure the server as `npm start` runs it: compiled JavaScript from dist/. Built
// (when stale) once before the first spawn, and then pinned: an edit to src/ while a long benchmark
// runs would otherwise make bin/claimdesk.js load the later servers through tsx, and one run would
// compare two builds.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
let built = false;

/** The environment that makes bin/claimdesk.js run dist/ as built at the benchmark's start. */
export function compiledServerEnv(): { CLAIMDESK_FROM_DIST: "1" } {
  if (!built) {
    execFileSync(process.execPath, [`${root}scripts/build-server.mjs`], { stdio: "inherit" });
    built = true;
  }
  return { CLAIMDESK_FROM_DIST: "1" };
}
