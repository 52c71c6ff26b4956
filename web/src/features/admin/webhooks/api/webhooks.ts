// Webhook endpoints and their deliveries: one hook per read, one mutation per change.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, done } from "../../../../lib/api-client.ts";
import type { BodyOf, QueryOf, ResponseOf } from "../../../../lib/api-types.ts";
import { adminKeys } from "../../api/admin-keys.ts";

export type Webhook = ResponseOf<"/api/v1/webhooks/{id}">;
export type Delivery = ResponseOf<"/api/v1/webhooks/{id}/deliveries">["items"][number];
export type DeliveryStatus = NonNullable<QueryOf<"/api/v1/webhooks/{id}/deliveries">["status"]>;

export function useWebhooks() {
  return useQuery({ queryKey: adminKeys.webhooks, queryFn: () => data(client.GET("/api/v1/webhooks")) });
}

export function useWebhook(id: string) {
  return useQuery({
    queryKey: adminKeys.webhook(id),
    queryFn: () => data(client.GET("/api/v1/webhooks/{id}", { params: { path: { id } } })),
  });
}

/** An endpoint's deliveries with `status` (all for null), newest first, a page at a time. */
export function useDeliveries(id: string, status: DeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: adminKeys.deliveries(id, status),
    queryFn: ({ pageParam }) =>
      data(
        client.GET("/api/v1/webhooks/{id}/deliveries", {
          params: {
            path: { id },
            query: { limit: 25, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"/api/v1/webhooks", "post">) => data(client.POST("/api/v1/webhooks", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => done(client.DELETE("/api/v1/webhooks/{id}", { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
}

export function useRotateSecret() {
  return useMutation({
    mutationFn: (id: string) =>
      data(client.POST("/api/v1/webhooks/{id}/rotate-secret", { params: { path: { id } } })),
  });
}

export function useRedeliver(hookId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      data(
        client.POST("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", {
          params: { path: { id: hookId, deliveryId } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.webhook(hookId) }),
  });
}

/** Attempts start again for an endpoint the circuit breaker paused. */
export function useResumeWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(client.POST("/api/v1/webhooks/{id}/resume", { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
}
