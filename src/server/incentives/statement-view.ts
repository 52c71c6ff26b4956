// A payout statement as the API answers it, for one caller: the lifecycle's allowed actions on
// the statement and, on each line, whether the caller may dispute it.
import { type StatementFacts, statementAllowedActions } from "../../domain/payouts.ts";
import type { Subject } from "../../domain/policies/subject.ts";
import type { PayoutLinesTable, PayoutStatementsTable } from "../db/schema.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export const statementFacts = (s: PayoutStatementsTable): StatementFacts => ({
  status: s.status,
  organizationId: s.organization_id,
});

export function lineView(l: PayoutLinesTable, abilities: { dispute: boolean }) {
  return {
    id: l.id,
    claimId: l.claim_id,
    claimNumber: l.claim_number,
    program: l.program_code,
    tenantId: l.tenant_id,
    subscriptionId: l.subscription_id,
    product: l.product,
    revenueMinor: Number(l.revenue_minor),
    rateBps: l.rate_bps === null ? null : Number(l.rate_bps),
    flatMinor: l.flat_minor === null ? null : Number(l.flat_minor),
    earningsMinor: Number(l.earnings_minor),
    dispute:
      l.disputed_at === null
        ? null
        : { at: new Date(l.disputed_at).toISOString(), comment: l.dispute_comment ?? "" },
    abilities,
  };
}

export type LineView = ReturnType<typeof lineView>;

export function statementView(s: PayoutStatementsTable, lines: PayoutLinesTable[], subject: Subject) {
  const allowedActions = statementAllowedActions(statementFacts(s), subject);
  const abilities = { dispute: allowedActions.includes("dispute-line") };
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
    lines: lines.map((l) => lineView(l, abilities)),
  };
}

export type StatementView = ReturnType<typeof statementView>;
