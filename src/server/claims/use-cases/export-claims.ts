// GET /api/v1/claims/export.csv: the caller's visible claims with the list's filters, as CSV.
import { stringify } from "csv-stringify/sync";
import type { UserPrincipal } from "../../auth/users.ts";
import type { AppContext } from "../../context.ts";
import { type ListFilters, listClaims } from "./list-claims.ts";

const EXPORT_LIMIT = 100_000;
const HEADER = [
  "number",
  "status",
  "reasons",
  "partnerId",
  "tenantId",
  "domain",
  "customer",
  "subscriptionId",
  "activity",
  "products",
  "deadlines",
  "createdAt",
  "updatedAt",
];

/** A cell that a spreadsheet would run as a formula is quoted as text (CSV injection). */
const safe = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export async function exportClaims(
  ctx: AppContext,
  principal: UserPrincipal,
  filters: Omit<ListFilters, "limit" | "cursor">,
): Promise<string> {
  const rows: string[][] = [];
  let cursor: string | undefined;
  do {
    // Page by page through the list's own keyset, so the export sees what the list shows.
    const page = await listClaims(ctx, principal, { ...filters, limit: 200, cursor });
    for (const c of page.items) {
      rows.push([
        c.number,
        c.status,
        c.reasons.join(" "),
        c.partnerId,
        c.customer.tenantId,
        c.customer.domain,
        c.customer.name,
        c.customer.subscriptionId ?? "",
        c.activity,
        c.products.join(" "),
        c.deadlines.map((d) => `${d.kind}:${d.dueAt}`).join(" "),
        c.createdAt,
        c.updatedAt,
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_LIMIT);
  return stringify([HEADER, ...rows.map((r) => r.map(safe))]);
}
