// Type-ahead for the new-claim look-up (issue 11). The programme's staff search the registry; a
// partner may look the registry up only by exact domain or tenant ID (docs/SECURITY.md), so a
// partner is offered only the customers of its own earlier claims, found through the claim list.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export interface Suggestion {
  tenantId: string;
  domain: string;
  name: string;
}

const MAX = 8;

export function useCustomerSuggestions(text: string, wholeRegistry: boolean) {
  const q = text.trim();
  return useQuery({
    queryKey: [ROOTS.claims, "customers", "suggest", wholeRegistry, q] as const,
    queryFn: async (): Promise<Suggestion[]> => {
      if (wholeRegistry) {
        const page = await data(
          client.GET("/api/v1/admin/customers", { params: { query: { q, limit: MAX } } }),
        );
        return page.items.map(({ tenantId, domain, name }) => ({ tenantId, domain, name }));
      }
      const claims = await data(client.GET("/api/v1/claims", { params: { query: { q, limit: 50 } } }));
      const seen = new Map<string, Suggestion>();
      for (const c of claims.items)
        if (!seen.has(c.customer.tenantId))
          seen.set(c.customer.tenantId, {
            tenantId: c.customer.tenantId,
            domain: c.customer.domain,
            name: c.customer.name,
          });
      return [...seen.values()].slice(0, MAX);
    },
    // Two characters at least: one matches nearly everything.
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
