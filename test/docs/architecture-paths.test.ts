// docs/ARCHITECTURE.md is the map of the code; a map that names a file which is not there misleads
// the next reader. Every repository path it names (in backticks, in a link, or as an entry of the
// tree block under "The parts") must exist.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DOC = "docs/ARCHITECTURE.md";
const TOP = /^(?:src|web|test|docs|scripts|bench|bin|tools)\//;

/** A path, with an optional `*` in its last segment, names at least one thing in the repository. */
function exists(path: string): boolean {
  const clean = path.replace(/[#:].*$/, "").replace(/\/$/, "");
  if (!clean.includes("*")) return existsSync(join(ROOT, clean));
  const dir = dirname(clean);
  const last = clean.slice(dir.length + 1);
  const pattern = new RegExp(
    `^${last
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return existsSync(join(ROOT, dir)) && readdirSync(join(ROOT, dir)).some((f) => pattern.test(f));
}

/** `src/...`, `web/...` ... inside backticks, anywhere in the text. */
function backtickPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const token = (m[1] ?? "").replace(/[.,;)]+$/, "");
    if (TOP.test(token)) out.push(token);
  }
  return out;
}

/** Relative link targets (`[WEBHOOKS.md](WEBHOOKS.md)`), resolved from docs/. */
function linkPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1] ?? "";
    if (/^[a-z]+:/.test(target) || target.startsWith("#")) continue;
    out.push(normalize(join("docs", target.replace(/#.*$/, ""))));
  }
  return out;
}

const ENTRY = /^( *)([A-Za-z0-9_.@+-][A-Za-z0-9_.@+/-]*)(?: {2,}|$)/;
const looksLikePath = (name: string) => name.endsWith("/") || /\.[a-z0-9]+$/i.test(name);

/**
 * The tree block: the first fenced block after "## The parts". An entry line starts with a name
 * (a folder ends in "/", a file has an extension); an entry indented under a folder lies inside
 * it. Lines that start with anything else continue the description above them.
 */
function treePaths(text: string): string[] {
  const section = text.split(/^## The parts$/m)[1] ?? "";
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const out: string[] = [];
  const stack: { indent: number; path: string }[] = [];
  for (const line of block.split("\n")) {
    const m = ENTRY.exec(line);
    const name = m?.[2];
    if (!m || !name || !looksLikePath(name)) continue;
    const indent = m[1]?.length ?? 0;
    while (stack.length && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const path = `${stack.at(-1)?.path ?? ""}${name}`;
    out.push(path);
    if (name.endsWith("/")) stack.push({ indent, path });
  }
  return out;
}

describe(DOC, () => {
  const text = readFileSync(join(ROOT, DOC), "utf8");

  it("names only paths that exist", () => {
    const named = [...new Set([...backtickPaths(text), ...linkPaths(text), ...treePaths(text)])];
    // The extraction itself must find the map, or this test would pass on an empty one.
    expect(named.length).toBeGreaterThan(80);
    expect(named.filter((p) => !exists(p))).toEqual([]);
  });

  it("reads the tree block as folders and the files inside them", () => {
    const sample =
      "## The parts\n\n```\nsrc/domain/   rules\n  calendar.ts   time\n     more words\nweb/\n```\n";
    expect(treePaths(sample)).toEqual(["src/domain/", "src/domain/calendar.ts", "web/"]);
    expect(backtickPaths("see `src/server/http/build-app.ts`, and `npm test`.")).toEqual([
      "src/server/http/build-app.ts",
    ]);
    expect(linkPaths("[hooks](WEBHOOKS.md#signature) [x](https://example.com)")).toEqual([
      "docs/WEBHOOKS.md",
    ]);
  });
});
