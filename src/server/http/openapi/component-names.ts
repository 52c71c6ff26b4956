// Names for the request and response schemas that have no `$id` of their own (those declared
// inside route files), by operationId, so that generated clients get `components["schemas"]["Session"]`
// instead of an anonymous inline type. Schemas with an `$id` (src/server/http/schemas.ts) are named
// by it. Operations sharing a name must answer the same schema (the document fails to build
// otherwise, naming the operation): give a changed one its own name here.
type Names = { body?: string; responses?: Record<number, string> };

const answers = (status: number, name: string, body?: string): Names => ({
  ...(body ? { body } : {}),
  responses: { [status]: name },
});

export const COMPONENT_NAMES: Record<string, Names> = {
  "health.live": answers(200, "Health"),
  "health.ready": answers(200, "Readiness"),

  "session.create": answers(200, "Session", "SignIn"),
  "session.get": answers(200, "Session"),
  "session.update": answers(200, "Session", "SessionPatch"),
  "tokens.create": answers(201, "AccessTokenCreated", "AccessTokenCreate"),
  "tokens.list": answers(200, "AccessTokenList"),

  "claims.summary": answers(200, "ClaimSummary"),
  "claims.submit": { body: "ClaimSubmit" },
  "claims.startReview": { body: "ClaimStartReview" },
  "claims.requestInformation": { body: "ClaimRequestInformation" },
  "claims.resubmit": { body: "ClaimResubmit" },
  "claims.approve": { body: "ClaimApprove" },
  "claims.reject": { body: "ClaimReject" },
  "claims.withdraw": { body: "ClaimWithdraw" },
  "claims.dispute": { body: "ClaimDispute" },
  "claims.upholdDispute": { body: "ClaimUpholdDispute" },
  "claims.overturnDispute": { body: "ClaimOverturnDispute" },
  "claims.copy": { body: "ClaimCopy" },
  "review.metrics": answers(200, "ReviewMetrics"),
  "documents.list": answers(200, "DocumentList"),
  "comments.list": answers(200, "CommentList"),
  "comments.create": { body: "CommentCreate" },
  "history.list": answers(200, "HistoryList"),

  "catalog.listProducts": answers(200, "ProductList"),
  "catalog.listActivities": answers(200, "ActivityList"),
  "catalog.createProduct": answers(201, "ProductCreated", "ProductCreate"),
  "catalog.updateProduct": answers(200, "Product", "ProductPatch"),

  "organizations.create": answers(201, "Organization", "OrganizationCreate"),
  "organizations.get": answers(200, "Organization"),
  "organizations.list": answers(200, "OrganizationList"),
  "organizations.addPartnerId": answers(201, "PartnerIdAdded", "PartnerIdAdd"),
  "organizations.setCalendar": answers(200, "CalendarAssignment", "CalendarAssign"),
  "users.create": { body: "UserCreate" },
  "users.list": answers(200, "UserList"),
  "users.update": { body: "UserPatch" },
  "customers.create": answers(201, "Customer", "CustomerCreate"),
  "customers.lookup": answers(200, "CustomerLookup"),
  "customers.import": answers(200, "CustomerImportResult"),
  "calendars.list": answers(200, "CalendarList"),
  "calendars.create": answers(201, "Calendar", "CalendarCreate"),

  "system.getClock": answers(200, "Clock"),
  "system.setClock": answers(200, "Clock", "ClockSet"),
  "system.sweep": answers(200, "SweepResult"),

  "consent.get": answers(200, "Consent"),
  "consent.deny": answers(200, "Consent", "ConsentDeny"),
  "consent.confirm": answers(200, "Consent"),

  "notifications.list": answers(200, "NotificationList"),
  "notifications.markRead": answers(200, "Notification"),
  "notifications.markAllRead": answers(200, "NotificationsRead"),
  "mail.summary": answers(200, "MailSummary"),
  "mail.list": answers(200, "MailList"),
  "mail.retry": answers(200, "MailRetried", "MailRetry"),

  "webhooks.list": answers(200, "WebhookList"),
  "webhooks.create": answers(201, "WebhookCreated", "WebhookCreate"),
  "webhooks.get": answers(200, "Webhook"),
  "webhooks.update": answers(200, "Webhook", "WebhookPatch"),
  "webhooks.rotateSecret": answers(200, "WebhookSecret"),
  "webhooks.listDeliveries": answers(200, "WebhookDeliveryList"),
  "webhooks.redeliver": answers(202, "WebhookRedelivery"),

  "programs.list": answers(200, "ProgramList"),
  "programs.create": answers(201, "Program", "ProgramCreate"),
  "programs.update": answers(200, "Program", "ProgramPatch"),
  "programs.enroll": answers(200, "Program", "ProgramEnrollment"),
  "programs.unenroll": answers(200, "Program"),
  "eligibility.reassess": answers(200, "EligibilityReassessment"),
  "revenue.import": answers(200, "RevenueImportResult"),
  "revenue.listImports": answers(200, "RevenueImportList"),
  "earnings.list": answers(200, "Earnings"),
  "payouts.list": answers(200, "PayoutStatementList"),
  "payouts.get": answers(200, "PayoutStatement"),
  "payouts.disputeLine": answers(200, "PayoutLine", "PayoutLineDispute"),
  "payouts.resolveLineDispute": answers(200, "PayoutStatement", "PayoutLineResolution"),
  "payouts.calculate": answers(200, "PayoutCalculation", "PayoutCalculate"),
  "payouts.approve": answers(200, "PayoutStatement", "PayoutStatementMove"),
  "payouts.markPaid": answers(200, "PayoutStatement", "PayoutStatementMove"),
};
