// Incentives: programmes, revenue, earnings and payout statements (RULES.md §12).
// Statement moves themselves are judged by the payout lifecycle (../payouts.ts) with these.
import { hasRole, isUser, type Subject, seesOrganization } from "./subject.ts";

/** The programmes are shared configuration: every signed-in user reads them. */
export const mayViewPrograms = (s: Subject) => isUser(s);
/** Billing and global admins see their organisation's money; the program admin sees all. */
export const mayViewEarnings = (s: Subject) => hasRole(s, "billing_admin", "global_admin", "program_admin");
export const mayViewPayouts = mayViewEarnings;
export const mayManagePrograms = (s: Subject) => hasRole(s, "program_admin");
export const mayImportRevenue = (s: Subject) => hasRole(s, "program_admin");
/** Calculating, approving and paying statements, and re-assessing eligibility. */
export const mayRunPayouts = (s: Subject) => hasRole(s, "program_admin");
/** The programme answers a disputed line (accepts it with an amount, or rejects it) with a reply. */
export const mayResolvePayoutDisputes = (s: Subject) => hasRole(s, "program_admin");
/** Billing and global admins of the statement's organisation flag a line. */
export const mayDisputePayoutLines = (s: Subject) => hasRole(s, "billing_admin", "global_admin");

/** What the policies need to know of a statement. */
export interface StatementOwner {
  organizationId: string;
}

/** One statement: its organisation's billing and global admins, and the program admin. */
export const mayViewStatement = (s: Subject, statement: StatementOwner) =>
  mayViewPayouts(s) && seesOrganization(s, statement.organizationId);
/** A line of one statement (whether its state still allows it is the lifecycle's call). */
export const mayDisputeLine = (s: Subject, statement: StatementOwner) =>
  mayDisputePayoutLines(s) && seesOrganization(s, statement.organizationId);

/**
 * Whose earnings and statements `s` sees: every organisation's (`{all: true}`, the program admin),
 * its own organisation's (its billing and global admins), or none (null).
 */
export function moneyScope(s: Subject): { all: true } | { organizationId: string } | null {
  if (!isUser(s) || !mayViewEarnings(s)) return null;
  // Read before hasRole: its guard would narrow `s` to never on the false branch.
  const { organizationId } = s;
  if (hasRole(s, "program_admin")) return { all: true };
  return organizationId === null ? null : { organizationId };
}

export function incentiveAbilities(s: Subject) {
  return {
    viewEarnings: mayViewEarnings(s),
    viewPayouts: mayViewPayouts(s),
    managePrograms: mayManagePrograms(s),
    importRevenue: mayImportRevenue(s),
    runPayouts: mayRunPayouts(s),
    disputePayoutLines: mayDisputePayoutLines(s),
    resolvePayoutDisputes: mayResolvePayoutDisputes(s),
  };
}
