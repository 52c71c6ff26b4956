// Query keys of the claims feature, and what a change to a claim makes stale: the claim with its
// documents, comments and history, every list and the summary, the review queue and the
// notifications (a change notifies), and the money (an approval can earn).
import type { QueryClient } from "@tanstack/react-query";
import type { ClaimFilters } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export const claimKeys = {
  all: [ROOTS.claims] as const,
  lists: [ROOTS.claims, "list"] as const,
  list: (filters: ClaimFilters) => [ROOTS.claims, "list", filters] as const,
  summary: [ROOTS.claims, "summary"] as const,
  detail: (id: string) => [ROOTS.claims, "detail", id] as const,
  documents: (id: string) => [ROOTS.claims, "detail", id, "documents"] as const,
  comments: (id: string) => [ROOTS.claims, "detail", id, "comments"] as const,
  history: (id: string) => [ROOTS.claims, "detail", id, "history"] as const,
  customers: (lookup: { tenantId?: string; domain?: string }) => [ROOTS.claims, "customers", lookup] as const,
};

export function invalidateAfterClaimChange(qc: QueryClient): Promise<unknown> {
  return Promise.all(
    [ROOTS.claims, ROOTS.review, ROOTS.notifications, ROOTS.earnings, ROOTS.payouts].map((root) =>
      qc.invalidateQueries({ queryKey: [root] }),
    ),
  );
}
