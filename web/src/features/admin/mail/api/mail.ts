// The mail backlog: its counts, the messages by status (cursor pages), sending again.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../../lib/api-client.ts";
import type { QueryOf, ResponseOf } from "../../../../lib/api-types.ts";
import { adminKeys } from "../../api/admin-keys.ts";

export type MailMessage = ResponseOf<"/api/v1/admin/mail">["items"][number];
export type MailSummary = ResponseOf<"/api/v1/admin/mail/summary">;
type MailStatus = NonNullable<QueryOf<"/api/v1/admin/mail">["status"]>;

export function useMailSummary() {
  return useQuery({
    queryKey: adminKeys.mailSummary,
    queryFn: () => data(client.GET("/api/v1/admin/mail/summary")),
  });
}

/** Every message with `status` (all of them for null), 50 a page. */
export function useMail(status: MailStatus | null) {
  return useInfiniteQuery({
    queryKey: adminKeys.mail(status),
    queryFn: ({ pageParam }) =>
      data(
        client.GET("/api/v1/admin/mail", {
          params: {
            query: { limit: 50, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One message again now (by id), or every failed one. */
export function useRetryMail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => data(client.POST("/api/v1/admin/mail/retry", { body: id ? { id } : {} })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [adminKeys.mailSummary[0], "mail"] }),
  });
}
