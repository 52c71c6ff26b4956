// What can be wrong with a row of a CSV import (customer registry, revenue): a code per reason, so
// that every screen can say it in its reader's language; the English sentence stays in `reason`
// (as the imports always answered), and `params` carries the values a sentence names.
export const ROW_REASONS = [
  "header_invalid",
  "not_a_guid",
  "not_a_domain",
  "empty",
  "invalid_locale",
  "unknown_product",
  "invalid_subscription_status",
  "subscription_id_required",
  "tenant_conflict",
  "duplicate_subscription",
  "duplicate_row",
  "invalid_month",
  "invalid_currency",
  "invalid_amount",
  "invalid_csv",
  "no_rows",
] as const;

export type RowReason = (typeof ROW_REASONS)[number];

export interface ImportRowError<Column extends string> {
  line: number;
  column: Column | "row";
  /** The reason in English. */
  reason: string;
  code: RowReason;
  params?: Record<string, string>;
}
