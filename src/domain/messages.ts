// The messages that move a claim, for the claim page's action panel: the reviewer's information
// request, a rejection's comment, the customer's decline, a dispute's justification and documents,
// and so on. A message is read from a history entry, so it is exactly what the history records.
import type { DomainEventType } from "./events.ts";

export const MESSAGE_KINDS = [
  "information_request",
  "resubmission",
  "approval",
  "rejection",
  "customer_decline",
  "withdrawal",
  "dispute",
  "dispute_upheld",
  "dispute_overturned",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface LatestMessage {
  kind: MessageKind;
  at: string;
  actor: { kind: "user" | "system" | "customer"; name: string };
  /** The comment, the customer's words or the dispute's justification; null when none was given. */
  text: string | null;
  /** Information-request or rejection reason codes. */
  reasons: string[];
  /** A dispute's supporting documents (this claim's documents). */
  documentIds: string[];
}

/** The history events that carry a message; any other event leaves the latest message as it was. */
export const MESSAGE_EVENTS = [
  "information_requested",
  "resubmitted",
  "approved",
  "rejected",
  "dispute_opened",
  "dispute_upheld",
  "dispute_overturned",
] as const satisfies readonly DomainEventType[];

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const textOf = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function kindOf(event: string, reasons: string[]): MessageKind | null {
  switch (event) {
    case "information_requested":
      return "information_request";
    case "resubmitted":
      return "resubmission";
    case "approved":
      return "approval";
    case "rejected":
      // A customer's decline and a withdrawal are rejections too; the reason says whose words these are.
      if (reasons.includes("customer_decline")) return "customer_decline";
      if (reasons.includes("partner_request")) return "withdrawal";
      return "rejection";
    case "dispute_opened":
      return "dispute";
    case "dispute_upheld":
      return "dispute_upheld";
    case "dispute_overturned":
      return "dispute_overturned";
    default:
      return null;
  }
}

/** One stored history entry as a message (pure: the row's event, data and actor). */
export function messageOf(entry: {
  event: string;
  at: number;
  actorKind: string;
  actorName: string;
  data: Record<string, unknown>;
}): LatestMessage | null {
  const reasons = strings(entry.data.reasons);
  const kind = kindOf(entry.event, reasons);
  if (!kind) return null;
  const actorKind =
    entry.actorKind === "user" || entry.actorKind === "customer" ? entry.actorKind : ("system" as const);
  return {
    kind,
    at: new Date(entry.at).toISOString(),
    actor: { kind: actorKind, name: entry.actorName },
    text: textOf(kind === "dispute" ? entry.data.justification : entry.data.comment),
    reasons,
    documentIds: strings(entry.data.documentIds),
  };
}
