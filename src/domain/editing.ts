// Which claim fields may change in which state, and when documents may be added (RULES.md
// §7): the one place of this rule; the transition table and the web app ask it.
import { type ClaimState, disputeAllowed } from "./claim-state.ts";
import type { Status } from "./vocabulary.ts";

export const EDITABLE_FIELDS = [
  "partnerId",
  "customer",
  "activity",
  "products",
  "customerContact",
  "partnerContact",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** After submission the customer (tenant, subscription) and the activity are fixed. */
const AFTER_SUBMISSION: readonly EditableField[] = [
  "partnerId",
  "products",
  "customerContact",
  "partnerContact",
];

export function editableFields(status: Status): readonly EditableField[] {
  if (status === "editing") return EDITABLE_FIELDS;
  if (status === "submitted" || status === "partner_action_required") return AFTER_SUBMISSION;
  return [];
}

/** Whether the partner may still change the claim's content in `status`. */
export const contentEditable = (status: Status): boolean => editableFields(status).length > 0;

/** PoE documents: while the content may change, and in Rejected while a dispute is allowed (to support it). */
export const documentsMayBeAdded = (s: ClaimState): boolean => contentEditable(s.status) || disputeAllowed(s);
