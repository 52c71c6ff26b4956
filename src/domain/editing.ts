// Which claim fields may change in which state (DOMAIN.md section 6).
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
