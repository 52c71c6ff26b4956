// The caller's in-app notifications: the list and marking read (the menu's count: unread-count.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, done } from "../../../lib/api-client.ts";
import type { QueryOf, ResponseOf } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export type Notification = ResponseOf<"/api/v1/notifications">["items"][number];
type Filters = Omit<QueryOf<"/api/v1/notifications">, "cursor">;

export const notificationKeys = {
  all: [ROOTS.notifications] as const,
  list: (filters: Filters) => [ROOTS.notifications, "list", filters] as const,
};

export function useNotifications(filters: Filters) {
  return useQuery({
    queryKey: notificationKeys.list(filters),
    queryFn: () => data(client.GET("/api/v1/notifications", { params: { query: filters } })),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      done(client.POST("/api/v1/notifications/{id}/read", { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => done(client.POST("/api/v1/notifications/read-all")),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
