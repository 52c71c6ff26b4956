// Typed refusals: each maps to one problem+json code of docs/API.md §1.1. Use cases throw only these;
// the HTTP edge (src/server/http/problem.ts) and the CLI turn them into their own shapes.
import type { SignInFailure } from "./sign-in-failures.ts";
import type { Status, UserVisibleAction } from "./vocabulary.ts";

export interface FieldError {
  field: string;
  message: string;
}

export type Refusal =
  | { code: "unauthenticated"; detail: string; reason?: SignInFailure }
  | { code: "forbidden"; detail: string; reason?: SignInFailure }
  | { code: "invalid_transition"; detail: string; state: Status; allowedActions: UserVisibleAction[] }
  /** A refused move of another lifecycle (payout statements, ...): same code, its own vocabulary. */
  | { code: "invalid_transition"; detail: string; state: string; allowedActions: string[] }
  | { code: "validation_failed"; detail: string; errors: FieldError[] }
  | { code: "duplicate_association"; detail: string; conflicting?: string[] }
  | { code: "not_found"; detail: string }
  | { code: "version_mismatch"; detail: string; currentVersion: number }
  | { code: "consent_closed"; detail: string }
  | { code: "file_rejected"; detail: string }
  | { code: "file_too_large"; detail: string; maxBytes: number }
  | { code: "rate_limited"; detail: string; retryAfterSeconds: number }
  /** Approving or paying a statement whose lines are disputed, without saying so (payouts.ts). */
  | { code: "open_line_disputes"; detail: string; lines: OpenLineDispute[] };

/** A disputed payout line as a refusal lists it: enough to decide without another request. */
export interface OpenLineDispute {
  id: string;
  claimNumber: string;
  customerName: string;
  customerDomain: string;
  earningsMinor: number;
  currency: string;
  comment: string;
  disputedAt: string;
}

export type RefusalCode = Refusal["code"];

export const REFUSAL_STATUS: Record<RefusalCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_transition: 409,
  validation_failed: 422,
  duplicate_association: 409,
  not_found: 404,
  version_mismatch: 412,
  consent_closed: 410,
  file_rejected: 415,
  file_too_large: 413,
  rate_limited: 429,
  open_line_disputes: 409,
};

/** Thrown by use cases; the HTTP layer and the CLI turn it into their own error shapes. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail);
    this.name = "RefusalError";
  }
}

/** A 403 with the action named, for policy checks in use cases. */
export function forbidden(detail: string): RefusalError {
  return new RefusalError({ code: "forbidden", detail });
}

/** A 404 that does not say whether the object exists elsewhere (ids cannot be probed). */
export function notFound(detail: string): RefusalError {
  return new RefusalError({ code: "not_found", detail });
}

/** A 422 on one field. */
export function invalidField(field: string, message: string): RefusalError {
  return new RefusalError({
    code: "validation_failed",
    detail: `${field} ${message}`,
    errors: [{ field, message }],
  });
}
