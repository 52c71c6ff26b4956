// Runs the real preflight (extraction in the bounded worker pool, then the pure checks) over
// labelled documents, with the claim as the server would build it from the catalog and its
// aliases — not from the generator's own alias list, which would grade the checks on their own
// vocabulary.
import { performance } from "node:perf_hooks";
import { type PreflightClaim, runPreflightChecks } from "../../src/domain/preflight/index.ts";
import { PRODUCT_ALIASES } from "../../src/server/catalog/product-aliases.ts";
import { SEED_PRODUCTS } from "../../src/server/catalog/seed-catalog.ts";
import { extractDocument } from "../../src/server/preflight/extract.ts";
import type { ExtractPool } from "../../src/server/preflight/extract-pool.ts";
import { CORPUS_NOW, type CorpusDocument } from "./corpus.ts";
import type { Predicted } from "./score.ts";
import { CHECKS, type CheckName, type DocSpec } from "./spec.ts";

export function preflightClaimOf(spec: DocSpec): PreflightClaim {
  return {
    customer: {
      name: spec.claim.customerName,
      domain: spec.claim.customerDomain,
      tenantId: spec.claim.tenantId,
    },
    customerContact: spec.claim.customerContact,
    products: spec.claim.products.map((code) => ({
      code,
      names: [SEED_PRODUCTS.find((p) => p.code === code)?.name ?? code, ...(PRODUCT_ALIASES[code] ?? [])],
    })),
    submittedAt: new Date(CORPUS_NOW),
  };
}

export interface Evaluated {
  spec: DocSpec;
  predicted: Record<CheckName, Predicted>;
  extractMs: number;
  checksMs: number;
}

export async function evaluate(docs: CorpusDocument[], pool: ExtractPool): Promise<Evaluated[]> {
  const out: Evaluated[] = [];
  for (const d of docs) {
    const t0 = performance.now();
    const extracted = await extractDocument(d.bytes, d.mediaType, pool);
    const t1 = performance.now();
    const predicted = Object.fromEntries(CHECKS.map((c) => [c, "unknown"])) as Record<CheckName, Predicted>;
    if (!("unreadable" in extracted))
      for (const c of runPreflightChecks(extracted, preflightClaimOf(d.spec), new Date(CORPUS_NOW)))
        predicted[c.check] = c.result;
    const t2 = performance.now();
    out.push({ spec: d.spec, predicted, extractMs: t1 - t0, checksMs: t2 - t1 });
  }
  return out;
}
