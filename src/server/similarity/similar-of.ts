// The claim resource's `similar` field: present for the operator only (partners must not learn of
// other organisations' claims), absent otherwise.
import { maySeeSimilarClaims } from "../../domain/policies/evidence.ts";
import type { AppContext } from "../context.ts";
import type { Principal } from "../principal.ts";
import { type SimilarClaim, similarClaimsOf } from "./similar-claims.ts";

export async function similarOf(
  ctx: AppContext,
  principal: Principal,
  claim: { id: string; organization_id: string; tenant_id: string; customer_domain: string },
): Promise<{ similar?: SimilarClaim[] }> {
  if (!maySeeSimilarClaims(principal)) return {};
  return { similar: await similarClaimsOf(ctx, principal, claim) };
}
