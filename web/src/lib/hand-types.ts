// Shapes of the administration and incentive answers. The server declares these schemas inside its
// route files without exporting them (admin-routes.ts, admin-registry-routes.ts, webhook-routes.ts,
// notification-routes.ts, incentive-routes.ts), so here they are written down by hand, kept to the
// fields the screens use. When the server exports them, replace each by Static<typeof ...>.
import type { User } from "./api-types.ts";

export type { User };

/** admin-routes.ts `Organization`. */
export interface Organization {
  id: string;
  name: string;
  partnerIds: string[];
  calendarId: string | null;
}

/** admin-registry-routes.ts `Calendar`. */
export interface Calendar {
  id: string;
  name: string;
  region: string;
  timeZone: string;
  weekend: number[];
}

/** catalog-routes.ts, GET /api/v1/catalog/products items. */
export interface Product {
  code: string;
  name: string;
  solutionArea: string;
  basis: "workload" | "subscription";
  active: boolean;
}

/** webhook-routes.ts `Webhook` (and `WebhookWithSecret` when created). */
export interface Webhook {
  id: string;
  organizationId: string | null;
  url: string;
  description: string;
  events: string[] | null;
  createdAt: string;
  secret?: string;
}

/** webhook-routes.ts `Attempt`. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** webhook-routes.ts `Delivery`. */
export interface Delivery {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  body: string;
  log: DeliveryAttempt[];
}

/** notification-routes.ts, GET /api/v1/admin/mail/summary. */
export interface MailSummary {
  pending: number;
  sent: number;
  failed: number;
  undispatched: number;
  oldestPendingAt: string | null;
}

/** notification-routes.ts `Mail`. */
export interface MailMessage {
  id: string;
  messageId: string;
  to: string;
  template: string;
  subject: string;
  locale: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  claimId: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/** GET /api/v1/programs answers the server's own Program (incentives/programs.ts). */
export type { Program, ProgramProduct } from "../../../src/server/incentives/programs.ts";

/** incentive-routes.ts, POST /api/v1/admin/eligibility/reassess. */
export interface ReassessChange {
  claimId: string;
  claimNumber: string;
  program: string;
  before: { status: string; reasons: string[] } | null;
  after: { status: string; reasons: string[]; products: string[] };
}
export interface ReassessResult {
  dryRun: boolean;
  changes: ReassessChange[];
}

/** One bad row of a CSV import (customer registry and revenue). */
export interface RowError {
  line: number;
  column: string;
  reason: string;
}

/** admin-registry-routes.ts, POST /api/v1/admin/customers/import. */
export interface CustomerImportResult {
  rows: number;
  customers: number;
  subscriptions: number;
  dryRun: boolean;
  imported: boolean;
  errors: RowError[];
}

/** incentive-routes.ts, POST /api/v1/admin/revenue/imports. */
export interface RevenueImportResult {
  importId: string | null;
  rows: number;
  months: string[];
  errors: RowError[];
  errorCount: number;
  dryRun: boolean;
  imported: boolean;
  durationMs: number;
}

/** incentive-routes.ts, GET /api/v1/admin/revenue/imports items. */
export interface RevenueImport {
  id: string;
  filename: string;
  rows: number;
  months: string[];
  createdAt: string;
  durationMs: number;
}

/** incentive-routes.ts, GET /api/v1/earnings. */
export interface EarningsLine {
  claimId: string;
  claimNumber: string;
  organizationId: string;
  tenantId: string;
  subscriptionId: string;
  product: string;
  program: string;
  month: string;
  revenueMinor: number;
  rateBps: number | null;
  flatMinor: number | null;
  earningsMinor: number;
  currency: string;
}
export interface Earnings {
  items: EarningsLine[];
  totals: { currency: string; revenueMinor: number; earningsMinor: number }[];
}

/** incentive-routes.ts `Line` and `StatementJson`. */
export interface PayoutLine {
  id: string;
  claimId: string;
  claimNumber: string;
  program: string;
  tenantId: string;
  subscriptionId: string;
  product: string;
  revenueMinor: number;
  rateBps: number | null;
  flatMinor: number | null;
  earningsMinor: number;
  dispute: { at: string; comment: string } | null;
}
export type PayoutStatus = "calculated" | "approved" | "paid";
export interface PayoutStatement {
  id: string;
  organizationId: string;
  month: string;
  currency: string;
  totalMinor: number;
  status: PayoutStatus;
  calculatedAt: string;
  approvedAt: string | null;
  paidAt: string | null;
  lines: PayoutLine[];
}
