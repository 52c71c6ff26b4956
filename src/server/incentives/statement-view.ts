// A payout statement as the API answers it, for one caller: the lifecycle's allowed actions on
// the statement and, on each line, whether the caller may dispute it or resolve its dispute.
import { lineAbilities, type StatementFacts, statementAllowedActions } from "../../domain/payouts.ts";
import type { Subject } from "../../domain/policies/subject.ts";
import type { OpenLineDispute } from "../../domain/refusal.ts";
import type { PayoutLinesTable, PayoutStatementsTable } from "../db/schema.ts";
import type { StatementLineRow } from "./payouts.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** Disputed and not yet answered by the programme. */
export const isOpenDispute = (l: Pick<PayoutLinesTable, "disputed_at" | "resolved_at">) =>
  l.disputed_at !== null && l.resolved_at === null;

export const statementFacts = (
  s: PayoutStatementsTable,
  lines: Pick<PayoutLinesTable, "disputed_at" | "resolved_at">[] = [],
): StatementFacts => ({
  status: s.status,
  organizationId: s.organization_id,
  openDisputes: lines.filter(isOpenDispute).length,
});

/** The open disputes of a statement as a refusal lists them. */
export function openDisputesOf(s: PayoutStatementsTable, lines: StatementLineRow[]): OpenLineDispute[] {
  return lines.filter(isOpenDispute).map((l) => ({
    id: l.id,
    claimNumber: l.claim_number,
    customerName: l.customer_name,
    customerDomain: l.customer_domain,
    earningsMinor: Number(l.earnings_minor),
    currency: s.currency,
    comment: l.dispute_comment ?? "",
    disputedAt: new Date(l.disputed_at ?? 0).toISOString(),
  }));
}

function disputeView(l: PayoutLinesTable) {
  if (l.disputed_at === null) return null;
  return {
    at: new Date(l.disputed_at).toISOString(),
    comment: l.dispute_comment ?? "",
    status: l.resolution_outcome ?? ("open" as const),
    reply: l.resolution_reply,
    resolvedAt: iso(l.resolved_at),
  };
}

export type LineAbilities = ReturnType<typeof lineAbilities>;

export function lineView(l: StatementLineRow, abilities: LineAbilities) {
  return {
    id: l.id,
    claimId: l.claim_id,
    claimNumber: l.claim_number,
    customerName: l.customer_name,
    customerDomain: l.customer_domain,
    program: l.program_code,
    tenantId: l.tenant_id,
    subscriptionId: l.subscription_id,
    product: l.product,
    revenueMinor: Number(l.revenue_minor),
    rateBps: l.rate_bps === null ? null : Number(l.rate_bps),
    flatMinor: l.flat_minor === null ? null : Number(l.flat_minor),
    earningsMinor: Number(l.earnings_minor),
    calculatedMinor: l.calculated_minor === null ? null : Number(l.calculated_minor),
    dispute: disputeView(l),
    abilities,
  };
}

export type LineView = ReturnType<typeof lineView>;

export function statementView(s: PayoutStatementsTable, lines: StatementLineRow[], subject: Subject) {
  const facts = statementFacts(s, lines);
  const allowedActions = statementAllowedActions(facts, subject);
  return {
    id: s.id,
    organizationId: s.organization_id,
    month: s.month,
    currency: s.currency,
    totalMinor: Number(s.total_minor),
    status: s.status,
    calculatedAt: new Date(s.calculated_at).toISOString(),
    approvedAt: iso(s.approved_at),
    paidAt: iso(s.paid_at),
    allowedActions,
    lines: lines.map((l) => lineView(l, lineAbilities(facts, subject, { openDispute: isOpenDispute(l) }))),
  };
}

export type StatementView = ReturnType<typeof statementView>;
