// The signed-in user's personal access tokens (GET/POST /api/v1/tokens, DELETE /api/v1/tokens/:id).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, done } from "../../../lib/api-client.ts";
import type { BodyOf, ResponseOf } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export type AccessToken = ResponseOf<"/api/v1/tokens">["items"][number];
export type TokenScope = AccessToken["scope"];

const key = [ROOTS.session, "tokens"] as const;

export function useAccessTokens() {
  return useQuery({ queryKey: key, queryFn: () => data(client.GET("/api/v1/tokens")) });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"/api/v1/tokens", "post">) => data(client.POST("/api/v1/tokens", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => done(client.DELETE("/api/v1/tokens/{id}", { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
