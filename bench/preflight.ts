// PoE preflight benchmark (issue 14): generates a labelled corpus (bench/poe-corpus), runs text
// extraction and the checks on every document, and prints precision and recall per check (the
// positive prediction is "warn": will be sent back for it) and the time per document, preflight
// beside extraction alone (its floor).
//   npm run bench:preflight -- [--count 600] [--seed 14] [--misses 15]
import { performance } from "node:perf_hooks";
import { ExtractPool } from "../src/server/preflight/extract-pool.ts";
import { generateCorpus } from "./poe-corpus/corpus.ts";
import { evaluate } from "./poe-corpus/evaluate.ts";
import { percentile, score } from "./poe-corpus/score.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg("count", 600);
const seed = arg("seed", 14);
const showMisses = arg("misses", 15);

const t0 = performance.now();
const docs = await generateCorpus({ seed, count });
const genMs = performance.now() - t0;
// One worker: per-document times are not shared with another document's.
const pool = new ExtractPool({ workers: 1 });
await evaluate(docs.slice(0, 5), pool); // warm the worker (module load, JIT)
const results = await evaluate(docs, pool);
await pool.close();

const { scores, misses } = score(results);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `PoE preflight benchmark: ${count} documents, seed ${seed} (generated in ${(genMs / 1000).toFixed(1)} s)`,
);
const formats = results.reduce<Record<string, number>>((m, r) => {
  const k = `${r.spec.format}/${r.spec.lang}`;
  m[k] = (m[k] ?? 0) + 1;
  return m;
}, {});
console.log(
  `  mix: ${Object.entries(formats)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}`,
);
console.log(
  "\n| check | precision | recall | TP | FP | FN | TN | answered unknown | labelled unknown: answered unknown / pass |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const s of scores)
  console.log(
    `| ${s.check} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${s.unknown} | ${s.labelledUnknown ? `${s.labelledUnknownAnswered}/${s.labelledUnknown} / ${s.labelledUnknownPassed}` : "-"} |`,
  );

const extract = results.map((r) => r.extractMs);
const total = results.map((r) => r.extractMs + r.checksMs);
const checks = results.map((r) => r.checksMs);
const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log("\n| per document | p50 | p99 |");
console.log("|---|---|---|");
console.log(
  `| text extraction alone (floor) | ${ms(percentile(extract, 0.5))} | ${ms(percentile(extract, 0.99))} |`,
);
console.log(`| checks alone | ${ms(percentile(checks, 0.5))} | ${ms(percentile(checks, 0.99))} |`);
console.log(
  `| preflight (extraction + checks) | ${ms(percentile(total, 0.5))} | ${ms(percentile(total, 0.99))} |`,
);
console.log(
  `  ratio preflight/extraction at p50: ${(percentile(total, 0.5) / percentile(extract, 0.5)).toFixed(2)}`,
);

// Failure classes: what kind of document each check gets wrong, most frequent first.
const classes = new Map<string, number>();
for (const m of misses) {
  const [defect, format, lang, layout, mention, ack] = m.klass.split("/");
  const key = `${m.check} ${m.kind}: defect=${defect} ${format}/${lang} layout=${layout} ${mention} ${ack}`;
  classes.set(key, (classes.get(key) ?? 0) + 1);
}
const coarse = new Map<string, number>();
for (const m of misses) {
  const key = `${m.check} ${m.kind} on defect=${m.klass.split("/")[0]}`;
  coarse.set(key, (coarse.get(key) ?? 0) + 1);
}
console.log(`\nfailure classes (${misses.length} wrong answers), by the defect of the document:`);
for (const [k, n] of [...coarse].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
// By what the check looks at: the customer's spelling, the acknowledgment's form, the language.
const specOf = new Map(results.map((r) => [r.spec.id, r.spec]));
const dressing = new Map<string, number>();
for (const m of misses) {
  const s = specOf.get(m.id);
  if (!s) continue;
  const what =
    m.check === "customer_named"
      ? `mention=${s.mention} customer="${s.subject.name}"`
      : m.check === "customer_acknowledgment"
        ? `ack=${s.ack ?? "none"} ${s.format}/${s.lang}`
        : `${s.format}/${s.lang} layout=${s.layout}`;
  const key = `${m.check} ${m.kind}: ${what}`;
  dressing.set(key, (dressing.get(key) ?? 0) + 1);
}
console.log("\nfailure classes, by what the check reads:");
for (const [k, n] of [...dressing].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`  ${String(n).padStart(4)}  ${k}`);
if (showMisses > 0) {
  console.log(`\nmost frequent detailed classes (top ${showMisses}):`);
  for (const [k, n] of [...classes].sort((a, b) => b[1] - a[1]).slice(0, showMisses))
    console.log(`  ${String(n).padStart(4)}  ${k}`);
  console.log(
    "  examples:",
    misses
      .slice(0, 8)
      .map((m) => `${m.id}:${m.check}`)
      .join(" "),
  );
}
