// The unread count in the menu. Apart from the list and its changes, so that the first load (the
// menu is on every page) carries no mutation code.
import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

/** The unread count for the menu: refreshed on each navigation by the layout's refetch. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [ROOTS.notifications, "unread"],
    queryFn: () => data(client.GET("/api/v1/notifications", { params: { query: { limit: 1 } } })),
    select: (r) => r.unread,
    staleTime: 0,
  });
}
