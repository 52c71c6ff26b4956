// Claims, documents and comments: who may see, file, review and talk. Claim transitions themselves
// are judged by the transition table (../transitions.ts); these are the permissions around it.
import { hasRole, isOperatorUser, isPartnerUser, isUser, type Subject, seesOrganization } from "./subject.ts";

/** Partner users see their organisation's claims; the operator sees all (RULES.md §1). */
export const mayViewClaims = (s: Subject) => isPartnerUser(s) || isOperatorUser(s);
/** Global and incentives admins file claims; billing admins only read (our decision). */
export const mayCreateClaim = (s: Subject) => hasRole(s, "global_admin", "incentives_admin");
/** Bulk filing (a claims file, its PoE ZIP) is filing: the same people, their organisation's files. */
export const mayFileInBulk = (s: Subject) => mayCreateClaim(s) && isPartnerUser(s);
/** The review queue is the reviewers' work list. */
export const mayWorkReviewQueue = (s: Subject) => hasRole(s, "reviewer");
/** Service-level metrics are the operator's. */
export const mayViewReviewMetrics = (s: Subject) => hasRole(s, "reviewer", "program_admin");

/**
 * One claim, its documents, comments and history: a partner user sees its organisation's, the
 * operator every one; the system and a customer holding a consent link act on the claim they name.
 * Another organisation's claim is answered 404, never 403.
 */
export const mayViewClaim = (s: Subject, claimOrganizationId: string) =>
  seesOrganization(s, claimOrganizationId);
/**
 * A claim still in `editing` is its partner's unsubmitted draft: the operator never sees it (not in
 * its lists, counts, export, queue, nor by id: 404 as if it did not exist); partners see their own.
 */
export const mayListDrafts = (s: Subject) => !isOperatorUser(s);
export const maySeeDraft = (s: Subject, claimOrganizationId: string) =>
  mayListDrafts(s) && seesOrganization(s, claimOrganizationId);
/** `mayViewClaim`, with drafts hidden from whoever may not see them. */
export const mayViewClaimIn = (s: Subject, claimOrganizationId: string, status: string) =>
  mayViewClaim(s, claimOrganizationId) && (status !== "editing" || maySeeDraft(s, claimOrganizationId));
/**
 * Who gets "needs your action" items: on the partner side those who file and answer (global and
 * incentives admins), not billing admins, who only read; on the operator side everyone.
 */
export const mayActOnClaims = (s: Subject) => !isPartnerUser(s) || mayCreateClaim(s);
/** Only people comment (the transition table then says who of them, in which state). */
export const mayComment = (s: Subject, claimOrganizationId: string) =>
  isUser(s) && mayViewClaim(s, claimOrganizationId);
/** Other organisations' claims on the same keys (ids, numbers, statuses) are the operator's to see. */
export const maySeeCompetingClaims = (s: Subject) => isOperatorUser(s);
/** Which side `s` acts for: its comments, its "needs action" list and its summary. */
export const sideOf = (s: Subject): "partner" | "operator" => (isPartnerUser(s) ? "partner" : "operator");
/** The organisation whose claims `s`'s lists show, or null for every organisation (the operator). */
export const listedOrganization = (s: Subject): string | null =>
  isPartnerUser(s) ? (s.organizationId ?? "") : null;

export function claimAbilities(s: Subject) {
  return {
    viewClaims: mayViewClaims(s),
    createClaim: mayCreateClaim(s),
    workReviewQueue: mayWorkReviewQueue(s),
    viewReviewMetrics: mayViewReviewMetrics(s),
  };
}
