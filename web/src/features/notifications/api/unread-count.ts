// The unread count in the menu. Apart from the list and its changes, so that the first load (the
// menu is on every page) carries no mutation code.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

/**
 * The unread count for the menu, asked again on each navigation (`page` is part of the key) with
 * the last count shown meanwhile; every change that notifies invalidates it as well.
 */
export function useUnreadCount(page: string) {
  return useQuery({
    queryKey: [ROOTS.notifications, "unread", page],
    queryFn: () => data(client.GET("/api/v1/notifications", { params: { query: { limit: 1 } } })),
    select: (r) => r.unread,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
