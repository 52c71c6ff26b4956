// Identity providers (GET/POST /api/v1/admin/identity-providers, PATCH/DELETE .../:id, POST
// .../discovery): one hook per read, one mutation per change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, done } from "../../../../lib/api-client.ts";
import type { BodyOf, ResponseOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";

export type ProviderList = ResponseOf<"/api/v1/admin/identity-providers">;
export type IdentityProvider = ProviderList["items"][number];
export type ProviderCreate = BodyOf<"/api/v1/admin/identity-providers", "post">;
export type ProviderPatch = BodyOf<"/api/v1/admin/identity-providers/{id}", "patch">;
export type Discovery = ResponseOf<"/api/v1/admin/identity-providers/discovery", "post">;

const key = [ROOTS.admin, "identity-providers"] as const;

export function useIdentityProviders() {
  return useQuery({ queryKey: key, queryFn: () => data(client.GET("/api/v1/admin/identity-providers")) });
}

export function useCreateProvider() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProviderCreate) => data(client.POST("/api/v1/admin/identity-providers", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateProvider() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProviderPatch }) =>
      data(client.PATCH("/api/v1/admin/identity-providers/{id}", { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteProvider() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      done(client.DELETE("/api/v1/admin/identity-providers/{id}", { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useTestDiscovery() {
  return useMutation({
    mutationFn: (issuer: string) =>
      data(client.POST("/api/v1/admin/identity-providers/discovery", { body: { issuer } })),
  });
}
