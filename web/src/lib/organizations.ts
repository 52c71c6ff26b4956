// The organisations list, which several screens name ids from (payouts, users, programmes).
import { useQuery } from "@tanstack/react-query";
import { client, data } from "./api-client.ts";
import type { ResponseOf } from "./api-types.ts";
import { ROOTS } from "./query-keys.ts";

export type Organization = ResponseOf<"/api/v1/admin/organizations">["items"][number];

export const organizationKeys = { all: [ROOTS.organizations] as const };

/** Only for those who may see every organisation (`enabled`); others name their own. */
export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: organizationKeys.all,
    queryFn: () => data(client.GET("/api/v1/admin/organizations")),
    enabled,
  });
}

/** A name for an organisation id in tables ("—" for none, the id itself when unknown). */
export function orgNameOf(orgs: { id: string; name: string }[] | undefined) {
  const byId = new Map((orgs ?? []).map((o) => [o.id, o.name]));
  return (id: string | null) => (id ? (byId.get(id) ?? id) : "—");
}
