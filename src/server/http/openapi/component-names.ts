// Names for the request and response schemas that have no `$id` of their own (those declared
// inside route files), by operationId, so that generated clients get `components["schemas"]["Session"]`
// instead of an anonymous inline type. Schemas with an `$id` (src/server/http/schemas.ts) are named
// by it.
export const COMPONENT_NAMES: Record<string, { body?: string; responses?: Record<number, string> }> = {
  "session.create": { body: "SignIn", responses: { 200: "Session" } },
  "session.get": { responses: { 200: "Session" } },
  "tokens.create": { responses: { 201: "AccessTokenCreated" } },
  "claims.summary": { responses: { 200: "ClaimSummary" } },
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
  "documents.list": { responses: { 200: "DocumentList" } },
  "comments.list": { responses: { 200: "CommentList" } },
  "comments.create": { body: "CommentCreate" },
  "history.list": { responses: { 200: "HistoryList" } },
};
