// A statement's lines as CSV, so a billing admin can validate each tenant and subscription in a
// spreadsheet: amounts in the currency's own digits, and cells a spreadsheet would run as a
// formula quoted with a leading apostrophe.
import { stringify } from "csv-stringify/sync";
import { formatMinor } from "../../domain/incentives.ts";
import type { Statement } from "./payouts.ts";

const HEADER = [
  "claimNumber",
  "program",
  "tenantId",
  "subscriptionId",
  "product",
  "month",
  "currency",
  "revenue",
  "rateBps",
  "flatAmount",
  "earnings",
  "dispute",
];

const text = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function statementCsv(s: Statement): string {
  const money = (minor: number | bigint) => formatMinor(Number(minor), s.currency);
  const rows = s.lines.map((l) => [
    text(l.claim_number),
    l.program_code,
    l.tenant_id,
    l.subscription_id,
    l.product,
    s.month,
    s.currency,
    money(l.revenue_minor),
    l.rate_bps === null ? "" : String(l.rate_bps),
    l.flat_minor === null ? "" : money(l.flat_minor),
    money(l.earnings_minor),
    l.disputed_at === null ? "" : text(l.dispute_comment ?? ""),
  ]);
  const total = ["TOTAL", "", "", "", "", s.month, s.currency, "", "", "", money(s.total_minor), ""];
  return stringify([HEADER, ...rows, total]);
}
