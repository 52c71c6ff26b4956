// Business-day calendars: the list, and defining one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../../lib/api-client.ts";
import type { BodyOf, ResponseOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";
import { adminKeys, invalidate } from "../../api/admin-keys.ts";

export type Calendar = ResponseOf<"/api/v1/admin/calendars">["items"][number];
export type CalendarCreate = BodyOf<"/api/v1/admin/calendars", "post">;

export function useCalendars() {
  return useQuery({
    queryKey: adminKeys.calendars,
    queryFn: () => data(client.GET("/api/v1/admin/calendars")),
  });
}

export function useCreateCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarCreate) => data(client.POST("/api/v1/admin/calendars", { body })),
    onSuccess: () => invalidate(qc, ROOTS.admin),
  });
}
