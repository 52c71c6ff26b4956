// What can be asked of a claim, by whom. Inputs are already schema-checked at the edge; the
// domain still checks the business rules (reason sets, required text).
import type { EditableField } from "./editing.ts";
import type { DeadlineKind, InfoReason, RejectionReason, Role, WithdrawReason } from "./vocabulary.ts";

export type Actor = { kind: "user"; role: Role } | { kind: "customer" } | { kind: "system" };

export type Command =
  | { type: "submit" }
  | { type: "start-review" }
  | { type: "request-information"; reasons: InfoReason[]; comment: string }
  | { type: "resubmit"; comment?: string | null }
  | { type: "approve"; comment?: string | null; keepCompeting?: string[] }
  | { type: "reject"; reasons: RejectionReason[]; comment: string }
  | { type: "withdraw"; reason: WithdrawReason; comment?: string | null }
  | { type: "dispute"; justification?: string | null; documentIds?: string[] }
  | { type: "uphold-dispute"; comment: string }
  | { type: "overturn-dispute"; comment: string; to: "under_review" | "approved" }
  | { type: "copy" }
  | { type: "edit"; fields: EditableField[] }
  | { type: "upload" }
  | { type: "comment" }
  | { type: "customer-deny"; comment?: string | null }
  | { type: "customer-confirm" }
  | { type: "competing-claim-lost"; winnerId: string }
  | { type: "fire"; kind: DeadlineKind; warn: boolean };

export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
