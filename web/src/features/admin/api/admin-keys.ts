// Query keys of the administration, and the refresh after a change: the section's own lists, and
// what other screens show of it (organisation names, the catalog).
import type { QueryClient } from "@tanstack/react-query";
import { ROOTS } from "../../../lib/query-keys.ts";

export const adminKeys = {
  users: [ROOTS.admin, "users"] as const,
  calendars: [ROOTS.admin, "calendars"] as const,
  programs: [ROOTS.admin, "programs"] as const,
  webhooks: [ROOTS.admin, "webhooks"] as const,
  webhook: (id: string) => [ROOTS.admin, "webhooks", id] as const,
  deliveries: (id: string, status: string | null) =>
    [ROOTS.admin, "webhooks", id, "deliveries", status] as const,
  mailSummary: [ROOTS.admin, "mail", "summary"] as const,
  mail: (status: string | null) => [ROOTS.admin, "mail", "list", status] as const,
  revenueImports: [ROOTS.admin, "revenue", "imports"] as const,
};

export const invalidate = (qc: QueryClient, ...roots: string[]) =>
  Promise.all(roots.map((root) => qc.invalidateQueries({ queryKey: [root] })));
