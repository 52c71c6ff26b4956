// The typed vocabulary of what happens to a claim. Each event becomes one history entry, and the
// notifiable ones become outbox messages in the same transaction.
import type { DeadlineKind, InfoReason, RejectionReason, Status, WithdrawReason } from "./vocabulary.ts";

export type DomainEvent =
  | { type: "created"; at: number; data: { copiedFrom: string | null } }
  | { type: "edited"; at: number; data: { changes: Record<string, { before: unknown; after: unknown }> } }
  | { type: "document_added"; at: number; data: { documentId: string; filename: string; sha256: string } }
  | { type: "comment_added"; at: number; data: { commentId: string; side: "partner" | "operator" } }
  | { type: "submitted"; at: number; data: Record<string, never> }
  | { type: "review_started"; at: number; data: Record<string, never> }
  | { type: "information_requested"; at: number; data: { reasons: InfoReason[]; comment: string } }
  | { type: "resubmitted"; at: number; data: { comment: string | null } }
  | { type: "approved"; at: number; data: { comment: string | null; keepCompeting: string[] } }
  | {
      type: "rejected";
      at: number;
      data: { reasons: RejectionReason[]; comment: string | null; disputableUntil: number | null };
    }
  | { type: "withdrawn"; at: number; data: { reason: WithdrawReason; comment: string | null } }
  | { type: "dispute_opened"; at: number; data: { justification: string | null; documentIds: string[] } }
  | { type: "dispute_upheld"; at: number; data: { comment: string } }
  | { type: "dispute_overturned"; at: number; data: { comment: string; to: Status } }
  | { type: "customer_denied"; at: number; data: { comment: string | null } }
  | { type: "customer_confirmed"; at: number; data: Record<string, never> }
  | { type: "consent_passed"; at: number; data: Record<string, never> }
  | { type: "competing_claim_lost"; at: number; data: { winnerId: string } }
  | { type: "deadline_fired"; at: number; data: { kind: DeadlineKind; dueAt: number } }
  | { type: "sla_due_soon"; at: number; data: { kind: DeadlineKind; dueAt: number } }
  | { type: "sla_breached"; at: number; data: { kind: DeadlineKind; dueAt: number } }
  | { type: "reminder"; at: number; data: { kind: DeadlineKind; dueAt: number } }
  | { type: "dispute_window_closed"; at: number; data: Record<string, never> }
  | {
      type: "notified";
      at: number;
      data: {
        event: string;
        messages: { template: string; audience: "partner" | "reviewers" | "customer"; recipients: number }[];
        webhooks: number;
      };
    };

export type DomainEventType = DomainEvent["type"];

/** Every event an integration can subscribe to (webhooks): the outbox events, by name. */
export const WEBHOOK_EVENTS = [
  "created",
  "edited",
  "document_added",
  "comment_added",
  "submitted",
  "review_started",
  "information_requested",
  "resubmitted",
  "approved",
  "rejected",
  "withdrawn",
  "dispute_opened",
  "dispute_upheld",
  "dispute_overturned",
  "customer_denied",
  "customer_confirmed",
  "consent_passed",
  "competing_claim_lost",
  "sla_due_soon",
  "sla_breached",
  "reminder",
  "dispute_window_closed",
] as const satisfies readonly DomainEventType[];

/**
 * Events that go to the outbox: every change an integration may want to hear of (webhooks). A fired
 * deadline stays out (the transition it causes is its own event), and so does the record of a
 * notification, which the outbox itself caused.
 */
export function isOutboxEvent(type: DomainEventType): boolean {
  return (WEBHOOK_EVENTS as readonly string[]).includes(type);
}

/**
 * An event's data as a partner may read it (history, webhooks of a partner organisation): the ids
 * of other organisations' claims (competing claims) are the operator's to see.
 */
export function withoutForeignClaimIds(data: Record<string, unknown>): Record<string, unknown> {
  const { winnerId: _w, keepCompeting: _k, ...rest } = data;
  return rest;
}
