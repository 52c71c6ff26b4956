// The words of the rulebook (RULES.md §5, API.md §2), as closed sets.
// Every other module imports these instead of repeating string literals.

export const STATUSES = [
  "editing",
  "submitted",
  "under_review",
  "partner_action_required",
  "approved",
  "rejected",
] as const;
export type Status = (typeof STATUSES)[number];

export const INFO_REASONS = [
  "missing_all_poe",
  "missing_customer_acknowledgment",
  "missing_or_old_dates",
  "missing_partner_solution",
  "missing_products",
] as const;
export type InfoReason = (typeof INFO_REASONS)[number];

export const REJECTION_REASONS = [
  "partner_request",
  "customer_decline",
  "insufficient_poe",
  "missing_customer_consent_on_poe",
  "missing_products",
  "no_partner_response",
  "poe_unavailable",
  "competing_claim_lost",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The only reasons a reviewer may pick; the others are set by the system or the customer. */
export const REVIEWER_REJECTION_REASONS = [
  "insufficient_poe",
  "missing_customer_consent_on_poe",
  "missing_products",
  "poe_unavailable",
] as const satisfies readonly RejectionReason[];

/** Rejections that cannot be disputed (our decision, RULES.md §6). */
export const UNDISPUTABLE_REASONS: readonly RejectionReason[] = ["partner_request", "customer_decline"];

export const WITHDRAW_REASONS = [
  "incorrect_partner_id",
  "incorrect_activity",
  "no_longer_working_with_customer",
  "other",
] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

export const PARTNER_ROLES = ["global_admin", "incentives_admin", "billing_admin"] as const;
export const OPERATOR_ROLES = ["reviewer", "program_admin"] as const;
export const ROLES = [...PARTNER_ROLES, ...OPERATOR_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export function isPartnerRole(role: Role): role is PartnerRole {
  return (PARTNER_ROLES as readonly Role[]).includes(role);
}

export const ACTIVITIES = ["pre_sales", "deployment", "usage", "revenue_association"] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const DEADLINE_KINDS = [
  "review_start",
  "decision",
  "partner_response",
  "consent_end",
  "dispute_window",
  "dispute_decision",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Operator SLAs: they flag a claim due-soon or breached but never change its status. */
export const SLA_KINDS = [
  "review_start",
  "decision",
  "dispute_decision",
] as const satisfies readonly DeadlineKind[];
export type SlaKind = (typeof SLA_KINDS)[number];
export function isSlaKind(kind: DeadlineKind): kind is SlaKind {
  return (SLA_KINDS as readonly DeadlineKind[]).includes(kind);
}

/** Actions as they appear in the action paths and in `allowedActions`. */
export const CLAIM_ACTIONS = [
  "submit",
  "start-review",
  "request-information",
  "resubmit",
  "approve",
  "reject",
  "withdraw",
  "dispute",
  "uphold-dispute",
  "overturn-dispute",
  "copy",
] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** Actions that are not transitions but are still judged by the same table. */
export const CLAIM_OPERATIONS = ["edit", "upload", "comment"] as const;
export type ClaimOperation = (typeof CLAIM_OPERATIONS)[number];

export type UserVisibleAction = ClaimAction | ClaimOperation;
export const USER_VISIBLE_ACTIONS: readonly UserVisibleAction[] = [...CLAIM_ACTIONS, ...CLAIM_OPERATIONS];

export type ConsentStatus = "running" | "passed" | "denied" | "confirmed" | "cancelled";
export type DisputeStatus = "open" | "upheld" | "overturned";
export type ProductBasis = "workload" | "subscription";
