// Row types of every table, for Kysely. Times are epoch milliseconds, booleans 0/1 and JSON is
// text, so that one set of queries serves SQLite and PostgreSQL alike.
import type { Generated } from "kysely";

export interface OrganizationsTable {
  id: string;
  name: string;
  calendar_id: string | null;
  created_at: number;
}

export interface PartnerIdsTable {
  partner_id: string;
  organization_id: string;
}

export interface CalendarsTable {
  id: string;
  name: string;
  region: string;
  time_zone: string;
  weekend: string;
  updated_at: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  organization_id: string | null;
  locale: string;
  /** IANA zone for dates in mail; null: the organisation calendar's zone. */
  time_zone: string | null;
  created_at: number;
  disabled_at: number | null;
}

export interface ProductsTable {
  code: string;
  name: string;
  solution_area: string;
  basis: string;
  active: number;
}

export interface ActivitiesTable {
  code: string;
  name: string;
  incentivised: number;
}

export interface CustomersTable {
  tenant_id: string;
  domain: string;
  name: string;
  locale: string | null;
  created_at: number;
}

export interface SubscriptionsTable {
  id: string;
  tenant_id: string;
  product: string;
  status: string;
}

export interface ClaimsTable {
  id: string;
  number: string;
  organization_id: string;
  partner_id: string;
  tenant_id: string;
  subscription_id: string | null;
  customer_domain: string;
  customer_name: string;
  activity: string;
  products: string;
  customer_contact: string;
  partner_contact: string;
  status: string;
  /** The domain's ClaimState as JSON. */
  state: string;
  /** Derived from `state` on every write (needs-action lists, review queue order). */
  partner_action: number;
  operator_action: number;
  sla_due_at: number | null;
  /** Bumped when the claim's JSON changes: the ETag. */
  version: number;
  /** Bumped on every write: the guard that keeps two writers from both winning. */
  revision: number;
  copied_from: string | null;
  history_seq: number;
  history_hash: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface ClaimProductsTable {
  claim_id: string;
  product: string;
  /** `w:<tenant>:<product>` or `s:<subscription>` (RULES.md §11). */
  association_key: string;
}

export interface DocumentsTable {
  id: string;
  claim_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  flags: string;
  uploaded_by: string;
  created_at: number;
}

/** One document's PoE preflight (issue 14); also the preflight's queue (status pending). */
export interface DocumentPreflightsTable {
  document_id: string;
  claim_id: string;
  organization_id: string;
  status: string;
  /** PreflightCheck[] as JSON. */
  checks: string;
  /** The document's whole text through normalizeText, capped (reuse/look-alike detection). */
  normalized_text: string | null;
  unreadable_reason: string | null;
  generation: number;
  lease_until: number | null;
  updated_at: number;
}

export interface BlobsTable {
  sha256: string;
  content: Uint8Array;
  /** Migration 0010: set by the database on insert (null: stored before it). */
  created_at?: number | null;
}

export interface CommentsTable {
  id: string;
  claim_id: string;
  author_id: string;
  author_name: string;
  side: string;
  body: string;
  created_at: number;
}

export interface HistoryTable {
  claim_id: string;
  seq: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  event: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: string;
  claim_id: string | null;
  topic: string;
  payload: string;
  created_at: number;
  available_at: number;
  attempts: number;
  sent_at: number | null;
  last_error: string | null;
}

export interface DeadlinesTable {
  claim_id: string;
  /** `kind` or `kind:warn`: one timer of each per claim. */
  timer: string;
  kind: string;
  warn: number;
  due_at: number;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: string;
  response_status: number | null;
  response_body: string | null;
  created_at: number;
  /** Migration 0009: the holder's lease (null on rows written before it: created_at + the lease). */
  lease_until?: number | null;
  lease_token?: string | null;
  /** JSON array: what each committed transaction of the holding request returned. */
  results?: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not hand out live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

export interface AccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** "read": GET/HEAD only; "write": everything the user may do. */
  scope: Generated<string>;
}

export interface IdentityProvidersTable {
  id: string;
  organization_id: string | null;
  name: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string | null;
  allowed_domains: string;
  role_mapping: string;
  passwords_allowed: number;
  /** 0: switched off (migration 0016); it signs no one in and keeps no one from a password. */
  enabled: number;
  created_at: number;
  updated_at: number;
}

export interface OidcLoginsTable {
  state_hash: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: number;
}

export interface UserIdentitiesTable {
  provider_id: string;
  subject: string;
  user_id: string;
}

export interface OidcSessionsTable {
  session_hash: string;
  provider_id: string;
  subject: string;
  sid: string | null;
  logout_url: string | null;
  created_at: number;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export type MailStatus = "pending" | "sent" | "failed";

export interface MailMessagesTable {
  /** Also the Message-ID's local part: a resend after a crash is recognisably the same message. */
  id: string;
  outbox_id: string;
  claim_id: string | null;
  template: string;
  recipient_email: string;
  recipient_name: string;
  locale: string;
  time_zone: string;
  /** What the template is rendered from at send time (JSON). */
  params: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  available_at: number;
  /** A sender holds the message until then; after a crash another sender takes it over. */
  lease_until: number | null;
  sent_at: number | null;
  last_error: string | null;
  created_at: number;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  outbox_id: string;
  claim_id: string | null;
  template: string;
  params: string;
  at: number;
  read_at: number | null;
}

export interface ConsentRequestsTable {
  id: string;
  claim_id: string;
  token_hash: string | null;
  created_at: number;
  ends_at: number;
  closed_at: number | null;
  closed_reason: string | null;
  decision: "deny" | "confirm" | null;
  decided_at: number | null;
  comment: string | null;
}

export interface WebhooksTable {
  id: string;
  organization_id: string | null;
  url: string;
  description: string;
  /** JSON array of event names; null: every event. */
  events: string | null;
  secret: string;
  created_by: string;
  created_at: number;
  disabled_at: number | null;
  /** The circuit breaker (0008-webhook-breaker): failed attempts in a row, since when, and a pause. */
  consecutive_failures: number;
  failing_since: number | null;
  paused_at: number | null;
  paused_reason: string | null;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  outbox_id: string;
  event: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  available_at: number;
  lease_until: number | null;
  delivered_at: number | null;
  last_error: string | null;
  created_at: number;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  attempt: number;
  at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ProgramsTable {
  code: string;
  name: string;
  /** JSON array of activity codes. */
  activities: string;
  /** YYYY-MM-DD, inclusive. */
  starts_on: string;
  ends_on: string | null;
  updated_at: number;
}

export interface ProgramProductsTable {
  program_code: string;
  product_code: string;
  rate_bps: number | null;
  flat_minor: number | null;
  flat_currency: string | null;
}

export interface EnrollmentsTable {
  program_code: string;
  organization_id: string;
  enrolled_at: number;
}

export interface EligibilityTable {
  claim_id: string;
  program_code: string;
  status: "eligible" | "ineligible";
  reasons: string;
  products: string;
  assessed_at: number;
}

export interface EarningKeysTable {
  claim_id: string;
  program_code: string;
  product: string;
  organization_id: string;
  tenant_id: string;
  subscription_id: string | null;
  from_month: string;
  until_month: string | null;
}

export interface RevenueTable {
  month: string;
  tenant_id: string;
  subscription_id: string;
  product: string;
  currency: string;
  amount_minor: number;
  import_id: string;
  line: number;
}

export interface RevenueImportsTable {
  id: string;
  filename: string;
  rows: number;
  months: string;
  created_by: string;
  created_at: number;
  duration_ms: number;
}

export type PayoutStatus = "calculated" | "approved" | "paid";
export type LineDisputeOutcome = "accepted" | "rejected";

export interface PayoutStatementsTable {
  id: string;
  organization_id: string;
  month: string;
  currency: string;
  total_minor: number;
  status: PayoutStatus;
  calculated_at: number;
  approved_at: number | null;
  paid_at: number | null;
}

export interface PayoutLinesTable {
  id: string;
  statement_id: string;
  claim_id: string;
  claim_number: string;
  program_code: string;
  tenant_id: string;
  subscription_id: string;
  product: string;
  revenue_minor: number;
  rate_bps: number | null;
  flat_minor: number | null;
  earnings_minor: number;
  disputed_at: number | null;
  dispute_comment: string | null;
  disputed_by: string | null;
  /** The programme's answer to the dispute; null while it is open (or there is none). */
  resolved_at: number | null;
  resolved_by: string | null;
  resolution_outcome: LineDisputeOutcome | null;
  resolution_reply: string | null;
  /** The amount the line was calculated at, when an accepted dispute adjusted `earnings_minor`. */
  calculated_minor: number | null;
}

export interface ClaimCountsTable {
  organization_id: string;
  status: string;
  /** Migration 0022: the claim's slot (claim-counts.ts countSlot); a count is the sum of its slots. */
  slot: number;
  n: number;
}

/** Migration 0014: reuse and look-alike detection (src/domain/similarity). */
export interface DocumentFingerprintsTable {
  document_id: string;
  claim_id: string;
  /** MinHash signature, 64 hex-encoded 32-bit values. */
  signature: string;
  created_at: number;
}
export interface DocumentBandsTable {
  band: string;
  document_id: string;
}
export interface ClaimDomainKeysTable {
  domain_key: string;
  claim_id: string;
}

/** A claims file being (or once) created as drafts (bulk filing, issue 14). */
export interface ClaimImportsTable {
  id: string;
  organization_id: string;
  created_by: string;
  filename: string;
  status: string;
  total: number;
  done: number;
  error: string | null;
  /** Migration 0021: the failure's code (a refusal's, or `filer_refused`) and the file's line. */
  error_code: string | null;
  error_line: number | null;
  /** Migration 0021: the first field's reason code (claim-input.ts InputReason) of an invalid line. */
  error_reason: string | null;
  created_at: number;
  finished_at: number | null;
  /** The checked rows (CheckedRow[]) in file order; row `done` is the next to create. */
  rows_json: string;
  /** Who filed the file: the drafts are created as them, also after a resumption. */
  principal_json: string;
  lease_owner: string | null;
  /** Wall-clock ms; past it, another process may take the import over. */
  lease_until: number | null;
}

export interface ClaimImportClaimsTable {
  import_id: string;
  line: number;
  claim_id: string;
  number: string;
}

export interface MigrationsTable {
  id: Generated<number>;
}

export interface DB {
  organizations: OrganizationsTable;
  partner_ids: PartnerIdsTable;
  calendars: CalendarsTable;
  users: UsersTable;
  products: ProductsTable;
  activities: ActivitiesTable;
  customers: CustomersTable;
  subscriptions: SubscriptionsTable;
  claims: ClaimsTable;
  claim_products: ClaimProductsTable;
  documents: DocumentsTable;
  document_fingerprints: DocumentFingerprintsTable;
  document_bands: DocumentBandsTable;
  claim_domain_keys: ClaimDomainKeysTable;
  document_preflights: DocumentPreflightsTable;
  blobs: BlobsTable;
  comments: CommentsTable;
  history: HistoryTable;
  outbox: OutboxTable;
  deadlines: DeadlinesTable;
  idempotency_keys: IdempotencyKeysTable;
  counters: CountersTable;
  settings: SettingsTable;
  sessions: SessionsTable;
  access_tokens: AccessTokensTable;
  rate_limits: RateLimitsTable;
  mail_messages: MailMessagesTable;
  notifications: NotificationsTable;
  consent_requests: ConsentRequestsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  programs: ProgramsTable;
  program_products: ProgramProductsTable;
  enrollments: EnrollmentsTable;
  eligibility: EligibilityTable;
  earning_keys: EarningKeysTable;
  revenue: RevenueTable;
  revenue_staging: RevenueTable;
  claim_counts: ClaimCountsTable;
  revenue_imports: RevenueImportsTable;
  payout_statements: PayoutStatementsTable;
  payout_lines: PayoutLinesTable;
  identity_providers: IdentityProvidersTable;
  claim_imports: ClaimImportsTable;
  claim_import_claims: ClaimImportClaimsTable;
  oidc_logins: OidcLoginsTable;
  user_identities: UserIdentitiesTable;
  oidc_sessions: OidcSessionsTable;
}
