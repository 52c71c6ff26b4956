// Typed refusals: each maps to one problem+json code of API.md.
import type { Status, UserVisibleAction } from "./vocabulary.ts";

export interface FieldError {
  field: string;
  message: string;
}

export type Refusal =
  | { code: "forbidden"; detail: string }
  | { code: "invalid_transition"; detail: string; state: Status; allowedActions: UserVisibleAction[] }
  | { code: "validation_failed"; detail: string; errors: FieldError[] }
  | { code: "duplicate_association"; detail: string; conflicting?: string[] }
  | { code: "not_found"; detail: string }
  | { code: "version_mismatch"; detail: string; currentVersion: number };

export const REFUSAL_STATUS: Record<Refusal["code"], number> = {
  forbidden: 403,
  invalid_transition: 409,
  validation_failed: 422,
  duplicate_association: 409,
  not_found: 404,
  version_mismatch: 412,
};

/** Thrown by use cases; the HTTP layer and the CLI turn it into their own error shapes. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail);
    this.name = "RefusalError";
  }
}
