// Incentives: programmes, revenue, earnings and payout statements (DOMAIN.md section 11).
import { hasRole, type Subject } from "./subject.ts";

/** Billing and global admins see their organisation's money; the program admin sees all. */
export const mayViewEarnings = (s: Subject) => hasRole(s, "billing_admin", "global_admin", "program_admin");
export const mayViewPayouts = mayViewEarnings;
export const mayManagePrograms = (s: Subject) => hasRole(s, "program_admin");
export const mayImportRevenue = (s: Subject) => hasRole(s, "program_admin");
/** Calculating, approving and paying statements, and re-assessing eligibility. */
export const mayRunPayouts = (s: Subject) => hasRole(s, "program_admin");
/** Billing and global admins of the statement's organisation flag a line. */
export const mayDisputePayoutLines = (s: Subject) => hasRole(s, "billing_admin", "global_admin");

export function incentiveAbilities(s: Subject) {
  return {
    viewEarnings: mayViewEarnings(s),
    viewPayouts: mayViewPayouts(s),
    managePrograms: mayManagePrograms(s),
    importRevenue: mayImportRevenue(s),
    runPayouts: mayRunPayouts(s),
    disputePayoutLines: mayDisputePayoutLines(s),
  };
}
