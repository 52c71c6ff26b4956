// The one table of operationIds, `<feature>.<verb>`, keyed by "METHOD /fastify/url". Route files
// stay as they are: an onRoute hook copies the id into the route's schema, and
// test/contract/operation-ids.test.ts fails, naming the "METHOD /path" keys, when a documented
// route has no row here (or a row names no route, or two rows share an id).
import type { RouteOptions } from "fastify";

export const OPERATION_IDS: Record<string, string> = {
  "GET /healthz": "health.live",
  "GET /readyz": "health.ready",

  "POST /api/v1/session": "session.create",
  "GET /api/v1/session": "session.get",
  "PATCH /api/v1/session": "session.update",
  "DELETE /api/v1/session": "session.delete",
  "POST /api/v1/tokens": "tokens.create",
  "GET /api/v1/tokens": "tokens.list",
  "DELETE /api/v1/tokens/:id": "tokens.revoke",
  "GET /api/v1/session/providers": "sessions.providers",
  "GET /api/v1/session/oidc/:providerId/start": "sessions.oidcStart",
  "GET /api/v1/session/oidc/callback": "sessions.oidcCallback",
  "POST /api/v1/session/oidc/backchannel-logout": "sessions.backchannelLogout",
  "GET /api/v1/admin/identity-providers": "idp.list",
  "POST /api/v1/admin/identity-providers": "idp.create",
  "PATCH /api/v1/admin/identity-providers/:id": "idp.update",
  "DELETE /api/v1/admin/identity-providers/:id": "idp.delete",

  "GET /api/v1/claims": "claims.list",
  "POST /api/v1/claims": "claims.create",
  "GET /api/v1/claims/summary": "claims.summary",
  "GET /api/v1/claims/export.csv": "claims.export",
  "GET /api/v1/claims/:id": "claims.get",
  "PATCH /api/v1/claims/:id": "claims.update",
  "GET /api/v1/review/queue": "review.queue",
  "GET /api/v1/review/metrics": "review.metrics",
  "POST /api/v1/claims/:id/actions/submit": "claims.submit",
  "POST /api/v1/claims/:id/actions/start-review": "claims.startReview",
  "POST /api/v1/claims/:id/actions/request-information": "claims.requestInformation",
  "POST /api/v1/claims/:id/actions/resubmit": "claims.resubmit",
  "POST /api/v1/claims/:id/actions/approve": "claims.approve",
  "POST /api/v1/claims/:id/actions/reject": "claims.reject",
  "POST /api/v1/claims/:id/actions/withdraw": "claims.withdraw",
  "POST /api/v1/claims/:id/actions/dispute": "claims.dispute",
  "POST /api/v1/claims/:id/actions/uphold-dispute": "claims.upholdDispute",
  "POST /api/v1/claims/:id/actions/overturn-dispute": "claims.overturnDispute",
  "POST /api/v1/claims/:id/actions/copy": "claims.copy",
  "POST /api/v1/claims/:id/documents": "documents.upload",
  "GET /api/v1/claims/:id/documents": "documents.list",
  "GET /api/v1/claims/:id/documents/:documentId/content": "documents.download",
  "GET /api/v1/claims/:id/comments": "comments.list",
  "POST /api/v1/claims/:id/comments": "comments.create",
  "GET /api/v1/claims/:id/history": "history.list",

  "GET /api/v1/catalog/products": "catalog.listProducts",
  "GET /api/v1/catalog/activities": "catalog.listActivities",
  "POST /api/v1/admin/catalog/products": "catalog.createProduct",
  "PATCH /api/v1/admin/catalog/products/:code": "catalog.updateProduct",

  "POST /api/v1/admin/organizations": "organizations.create",
  "GET /api/v1/admin/organizations": "organizations.list",
  "GET /api/v1/admin/organizations/:id": "organizations.get",
  "POST /api/v1/admin/organizations/:id/partner-ids": "organizations.addPartnerId",
  "PUT /api/v1/admin/organizations/:id/calendar": "organizations.setCalendar",
  "POST /api/v1/admin/users": "users.create",
  "GET /api/v1/admin/users": "users.list",
  "PATCH /api/v1/admin/users/:id": "users.update",
  "POST /api/v1/admin/customers": "customers.create",
  "GET /api/v1/admin/customers": "customers.list",
  "POST /api/v1/admin/customers/import": "customers.import",
  "GET /api/v1/customers": "customers.lookup",
  "GET /api/v1/admin/calendars": "calendars.list",
  "POST /api/v1/admin/calendars": "calendars.create",

  "GET /api/v1/system/clock": "system.getClock",
  "PUT /api/v1/system/clock": "system.setClock",
  "POST /api/v1/system/sweep": "system.sweep",

  "GET /api/v1/consent/:token": "consent.get",
  "POST /api/v1/consent/:token/deny": "consent.deny",
  "POST /api/v1/consent/:token/confirm": "consent.confirm",

  "GET /api/v1/notifications": "notifications.list",
  "POST /api/v1/notifications/:id/read": "notifications.markRead",
  "POST /api/v1/notifications/read-all": "notifications.markAllRead",
  "GET /api/v1/admin/mail/summary": "mail.summary",
  "GET /api/v1/admin/mail": "mail.list",
  "POST /api/v1/admin/mail/retry": "mail.retry",

  "GET /api/v1/webhooks": "webhooks.list",
  "POST /api/v1/webhooks": "webhooks.create",
  "GET /api/v1/webhooks/:id": "webhooks.get",
  "PATCH /api/v1/webhooks/:id": "webhooks.update",
  "DELETE /api/v1/webhooks/:id": "webhooks.delete",
  "POST /api/v1/webhooks/:id/rotate-secret": "webhooks.rotateSecret",
  "GET /api/v1/webhooks/:id/deliveries": "webhooks.listDeliveries",
  "POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver": "webhooks.redeliver",
  "POST /api/v1/webhooks/:id/resume": "webhooks.resume",

  "GET /api/v1/programs": "programs.list",
  "POST /api/v1/admin/programs": "programs.create",
  "PATCH /api/v1/admin/programs/:code": "programs.update",
  "POST /api/v1/admin/programs/:code/enrollments": "programs.enroll",
  "DELETE /api/v1/admin/programs/:code/enrollments/:organizationId": "programs.unenroll",
  "POST /api/v1/admin/eligibility/reassess": "eligibility.reassess",
  "POST /api/v1/admin/revenue/imports": "revenue.import",
  "GET /api/v1/admin/revenue/imports": "revenue.listImports",
  "GET /api/v1/earnings": "earnings.list",
  "GET /api/v1/payouts": "payouts.list",
  "GET /api/v1/payouts/:id": "payouts.get",
  "GET /api/v1/payouts/:id/export.csv": "payouts.export",
  "POST /api/v1/payouts/:id/lines/:lineId/dispute": "payouts.disputeLine",
  "POST /api/v1/admin/payouts/calculate": "payouts.calculate",
  "POST /api/v1/admin/payouts/:id/approve": "payouts.approve",
  "POST /api/v1/admin/payouts/:id/paid": "payouts.markPaid",
};

/** onRoute: the route's operationId from the table (HEAD copies of GET routes are not documented). */
export function applyOperationId(route: RouteOptions): void {
  if (!route.schema || route.method === "HEAD") return;
  const id = OPERATION_IDS[`${[route.method].flat().join(",")} ${route.url}`];
  if (id) route.schema = { ...route.schema, operationId: id };
}
