// Claims, documents and comments: who may see, file, review and talk. Claim transitions themselves
// are judged by the transition table (../transitions.ts); these are the permissions around it.
import { hasRole, isOperatorUser, isPartnerUser, type Subject } from "./subject.ts";

/** Partner users see their organisation's claims; the operator sees all (DOMAIN.md section 1). */
export const mayViewClaims = (s: Subject) => isPartnerUser(s) || isOperatorUser(s);
/** Global and incentives admins file claims; billing admins only read (our decision). */
export const mayCreateClaim = (s: Subject) => hasRole(s, "global_admin", "incentives_admin");
/** The review queue is the reviewers' work list. */
export const mayWorkReviewQueue = (s: Subject) => hasRole(s, "reviewer");
/** Service-level metrics are the operator's. */
export const mayViewReviewMetrics = (s: Subject) => hasRole(s, "reviewer", "program_admin");

export function claimAbilities(s: Subject) {
  return {
    viewClaims: mayViewClaims(s),
    createClaim: mayCreateClaim(s),
    workReviewQueue: mayWorkReviewQueue(s),
    viewReviewMetrics: mayViewReviewMetrics(s),
  };
}
