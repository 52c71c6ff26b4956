// The review queue and the service-level metrics.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import type { ResponseOf } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export type ReviewMetrics = ResponseOf<"/api/v1/review/metrics">;
export type Durations = ReviewMetrics["timeToStart"];

export const reviewKeys = {
  queue: [ROOTS.review, "queue"] as const,
  search: (q: string) => [ROOTS.review, "queue", q] as const,
  metrics: [ROOTS.review, "metrics"] as const,
};

/** The queue, searched by `q` (empty: all of it); the rows stay while the next search loads. */
export function useReviewQueue(q = "") {
  return useQuery({
    queryKey: reviewKeys.search(q),
    queryFn: () =>
      data(client.GET("/api/v1/review/queue", { params: { query: { limit: 100, ...(q ? { q } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** Only for those who may see them (`enabled`). */
export function useReviewMetrics(enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.metrics,
    queryFn: () => data(client.GET("/api/v1/review/metrics", { params: { query: { days: 30 } } })),
    enabled,
  });
}
