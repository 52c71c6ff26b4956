// Reuse and look-alike claims of one claim, for the operator (issue 14): the same file on a claim
// for another customer or by another organisation, near-identical text (MinHash, see
// src/domain/similarity/minhash.ts), and look-alike customer domains for a shared product. Every
// lookup starts from this claim's rows and follows an index (documents_sha256, document_bands,
// claim_domain_keys); only claims the caller may open are listed (never another's draft).
import { mayViewClaimIn } from "../../domain/policies/claims.ts";
import { decodeSignature, SIMILAR_TEXT_THRESHOLD, similarity } from "../../domain/similarity/minhash.ts";
import type { AppContext } from "../context.ts";
import { compiledOnce } from "../db/compiled-query.ts";
import { rowLimit } from "../db/row-limit.ts";
import type { Principal } from "../principal.ts";

export type SimilarReason = "same_file" | "similar_text" | "domain_variant";

export interface SimilarClaim {
  claimId: string;
  number: string;
  organizationName: string;
  customer: { name: string; domain: string; tenantId: string };
  reason: SimilarReason;
  /** similar_text: the estimated Jaccard similarity of the two texts (0..1). */
  score?: number;
  /** same_file and similar_text: this claim's document that the other claim's resembles. */
  documentId?: string;
}

interface ThisClaim {
  id: string;
  organization_id: string;
  tenant_id: string;
  customer_domain: string;
}

const MAX_LISTED = 20;
const MAX_VARIANT_CANDIDATES = 200;
// A file or text many claims share (a programme's own template attached to thousands of claims)
// would otherwise be read in full on every operator's GET; past these, the list already holds more
// than it shows (MAX_LISTED), and which of the sharers are left out does not change the warning.
const MAX_SAME_FILE_CANDIDATES = 200;
const MAX_SIMILAR_TEXT_PAIRS = 1_000;
const ORDER: Record<SimilarReason, number> = { same_file: 0, similar_text: 1, domain_variant: 2 };

// The three lookups every operator's GET of a claim makes: compiled once, not built per request.
const sameFileOf = compiledOnce((db, id: string, notId: string) =>
  db
    .selectFrom("documents as mine")
    .innerJoin("documents as other", "other.sha256", "mine.sha256")
    .select(["mine.id as mine", "other.claim_id as claimId"])
    .where("mine.claim_id", "=", id)
    .where("other.claim_id", "!=", notId)
    .limit(rowLimit(MAX_SAME_FILE_CANDIDATES)),
);
const fingerprintsOf = compiledOnce((db, id: string) =>
  db.selectFrom("document_fingerprints").select(["document_id", "signature"]).where("claim_id", "=", id),
);
// A key many claims share (a hosting domain, one customer's thousands of claims) would list
// everyone: a bounded candidate set. No DISTINCT, so that the engine stops at the limit instead
// of joining every sharer first (PostgreSQL: 15 ms a read with 50,000 claims on one domain).
const variantsOf = compiledOnce((db, id: string, notId: string) =>
  db
    .selectFrom("claim_domain_keys as ok")
    .select("ok.claim_id as claimId")
    .where("ok.domain_key", "in", (eb) =>
      eb.selectFrom("claim_domain_keys as mk").select("mk.domain_key").where("mk.claim_id", "=", id),
    )
    .where("ok.claim_id", "!=", notId)
    .limit(rowLimit(MAX_VARIANT_CANDIDATES)),
);

export async function similarClaimsOf(
  ctx: AppContext,
  principal: Principal,
  claim: ThisClaim,
): Promise<SimilarClaim[]> {
  const db = ctx.db.kysely;
  const found = new Map<
    string,
    { reason: SimilarReason; claimId: string; score?: number; documentId?: string }
  >();
  const note = (
    claimId: string,
    reason: SimilarReason,
    extra: { score?: number; documentId?: string } = {},
  ) => {
    const key = `${claimId}:${reason}`;
    const prior = found.get(key);
    if (!prior || (extra.score ?? 1) > (prior.score ?? 1)) found.set(key, { claimId, reason, ...extra });
  };

  const sameFile = await sameFileOf(db, claim.id, claim.id);
  for (const r of sameFile) note(r.claimId, "same_file", { documentId: r.mine });

  const mine = await fingerprintsOf(db, claim.id);
  if (mine.length) {
    const pairs = await db
      .selectFrom("document_bands as mb")
      .innerJoin("document_bands as ob", "ob.band", "mb.band")
      .innerJoin("document_fingerprints as f", "f.document_id", "ob.document_id")
      .select(["mb.document_id as mine", "f.claim_id as claimId", "f.signature"])
      .distinct()
      .where(
        "mb.document_id",
        "in",
        mine.map((m) => m.document_id),
      )
      .where("f.claim_id", "!=", claim.id)
      .limit(rowLimit(MAX_SIMILAR_TEXT_PAIRS))
      .execute();
    const sigOf = new Map(mine.map((m) => [m.document_id, decodeSignature(m.signature)]));
    for (const p of pairs) {
      const score = similarity(sigOf.get(p.mine) ?? [], decodeSignature(p.signature));
      if (score >= SIMILAR_TEXT_THRESHOLD) note(p.claimId, "similar_text", { score, documentId: p.mine });
    }
  }

  const variants = await variantsOf(db, claim.id, claim.id);
  const variantIds = [...new Set(variants.map((v) => v.claimId))];
  if (variantIds.length) {
    const products = await db
      .selectFrom("claim_products")
      .select(["claim_id", "product", "association_key"])
      .where("claim_id", "in", [claim.id, ...variantIds])
      .execute();
    const own = products.filter((p) => p.claim_id === claim.id);
    const ownProducts = new Set(own.map((p) => p.product));
    const ownKeys = new Set(own.map((p) => p.association_key));
    for (const id of variantIds) {
      const theirs = products.filter((p) => p.claim_id === id);
      // Same association key: a competing claim, listed as such already.
      if (theirs.some((p) => ownKeys.has(p.association_key))) continue;
      if (theirs.some((p) => ownProducts.has(p.product))) note(id, "domain_variant");
    }
  }
  if (found.size === 0) return [];

  const ids = [...new Set([...found.values()].map((f) => f.claimId))];
  const others = await db
    .selectFrom("claims")
    .innerJoin("organizations", "organizations.id", "claims.organization_id")
    .select([
      "claims.id",
      "claims.number",
      "claims.status",
      "claims.organization_id",
      "claims.tenant_id",
      "claims.customer_name",
      "claims.customer_domain",
      "organizations.name as organizationName",
    ])
    .where("claims.id", "in", ids)
    .execute();
  const byId = new Map(others.map((o) => [o.id, o]));
  const out: SimilarClaim[] = [];
  for (const f of found.values()) {
    const o = byId.get(f.claimId);
    if (!o || !mayViewClaimIn(principal, o.organization_id, o.status)) continue;
    const sameCustomer =
      o.tenant_id === claim.tenant_id &&
      o.customer_domain.toLowerCase() === claim.customer_domain.toLowerCase();
    // Evidence reused by the same organisation for the same customer (a copied claim) is expected.
    if (f.reason !== "domain_variant" && sameCustomer && o.organization_id === claim.organization_id)
      continue;
    if (f.reason === "domain_variant" && sameCustomer) continue;
    // The same file is near-identical text too: say the stronger thing once.
    if (f.reason === "similar_text" && found.has(`${f.claimId}:same_file`)) continue;
    out.push({
      claimId: o.id,
      number: o.number,
      organizationName: o.organizationName,
      customer: { name: o.customer_name, domain: o.customer_domain, tenantId: o.tenant_id },
      reason: f.reason,
      ...(f.score !== undefined ? { score: Math.round(f.score * 100) / 100 } : {}),
      ...(f.documentId ? { documentId: f.documentId } : {}),
    });
  }
  out.sort(
    (a, b) =>
      ORDER[a.reason] - ORDER[b.reason] || (b.score ?? 1) - (a.score ?? 1) || (a.number < b.number ? -1 : 1),
  );
  return out.slice(0, MAX_LISTED);
}
