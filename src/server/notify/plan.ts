// RULES.md §13 as a table: which event tells whom, with which template, about which date.
// Pure: the dispatcher resolves audiences to people and writes the messages.
import type { DomainEvent, DomainEventType } from "../../domain/events.ts";
import type { DeadlineKind, Status } from "../../domain/vocabulary.ts";
import type { OutboxPayload } from "../claims/claim-writer.ts";
import type { TemplateName } from "./templates.ts";

export type Audience = "partner" | "reviewers" | "customer";

export interface PlannedMessage {
  audience: Audience;
  template: TemplateName;
}

type DataOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>["data"];

export function planMessages(topic: string, p: OutboxPayload): PlannedMessage[] {
  const m = (audience: Audience, template: TemplateName): PlannedMessage => ({ audience, template });
  switch (topic as DomainEventType) {
    case "submitted":
      return [m("partner", "submitted_partner"), m("reviewers", "submitted_reviewer")];
    case "review_started":
      return [m("partner", "review_started")];
    case "information_requested":
      return [m("partner", "information_requested")];
    case "reminder": {
      const kind = (p.data as DataOf<"reminder">).kind;
      if (kind === "partner_response") return [m("partner", "reminder_partner_response")];
      if (kind === "dispute_window") return [m("partner", "reminder_dispute_window")];
      return [];
    }
    case "approved":
      return [m("partner", "approved"), m("customer", "consent_request")];
    case "customer_denied":
      return [m("partner", "customer_denied")];
    case "consent_passed":
      return [m("partner", "consent_passed")];
    case "customer_confirmed":
      return [m("partner", "customer_confirmed")];
    case "rejected": {
      // A customer decline comes with its own message (customer_denied) in the same change.
      const reasons = (p.data as DataOf<"rejected">).reasons;
      return reasons.includes("customer_decline") ? [] : [m("partner", "rejected")];
    }
    case "dispute_opened":
      return [m("reviewers", "dispute_received"), m("partner", "dispute_opened")];
    case "dispute_upheld":
      return [m("partner", "dispute_upheld")];
    case "dispute_overturned": {
      const to = (p.data as DataOf<"dispute_overturned">).to;
      return to === "approved"
        ? [m("partner", "dispute_overturned"), m("customer", "consent_request")]
        : [m("partner", "dispute_overturned")];
    }
    case "comment_added":
      // Each new comment tells the other side (RULES.md §10).
      return (p.data as DataOf<"comment_added">).side === "partner"
        ? [m("reviewers", "comment_added")]
        : [m("partner", "comment_added")];
    case "sla_due_soon":
      return [m("reviewers", "sla_due_soon")];
    case "sla_breached":
      return [m("reviewers", "sla_breached")];
    default:
      return [];
  }
}

const deadline = (p: OutboxPayload, kind: DeadlineKind) =>
  p.deadlines.find((d) => d.kind === kind)?.dueAt ?? null;

/** The date a message is about, and the other event details its template shows. */
export function eventDetails(template: TemplateName, topic: string, p: OutboxPayload) {
  const data = p.data as Record<string, unknown>;
  const reasons = Array.isArray(data.reasons) ? (data.reasons as string[]) : [];
  const comment =
    typeof data.comment === "string"
      ? data.comment
      : typeof data.justification === "string"
        ? data.justification
        : null;
  const warned = typeof data.dueAt === "number" ? data.dueAt : null;
  const dueOf: Partial<Record<TemplateName, number | null>> = {
    submitted_partner: deadline(p, "review_start"),
    submitted_reviewer: deadline(p, "review_start"),
    review_started: deadline(p, "decision"),
    information_requested: deadline(p, "partner_response"),
    reminder_partner_response: warned,
    reminder_dispute_window: warned,
    approved: p.consentEndsAt,
    consent_request: p.consentEndsAt,
    dispute_overturned: p.consentEndsAt,
    rejected: typeof data.disputableUntil === "number" ? data.disputableUntil : null,
    dispute_received: deadline(p, "dispute_decision"),
    dispute_opened: deadline(p, "dispute_decision"),
    sla_due_soon: warned,
    sla_breached: warned,
  };
  return {
    due: dueOf[template] ?? null,
    // The customer is not shown the reviewer's words; comments go only where a template quotes them.
    reasons: template === "consent_request" ? [] : reasons,
    comment: template === "consent_request" || topic === "comment_added" ? null : comment,
    deadline: typeof data.kind === "string" && topic.startsWith("sla_") ? (data.kind as DeadlineKind) : null,
    to: typeof data.to === "string" ? (data.to as Status) : null,
    disputable: typeof data.disputableUntil === "number",
  };
}
