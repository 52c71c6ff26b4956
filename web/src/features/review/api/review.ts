// The review queue and the service-level metrics.
import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import type { ResponseOf } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export type ReviewMetrics = ResponseOf<"/api/v1/review/metrics">;
export type Durations = ReviewMetrics["timeToStart"];

export const reviewKeys = {
  queue: [ROOTS.review, "queue"] as const,
  metrics: [ROOTS.review, "metrics"] as const,
};

export function useReviewQueue() {
  return useQuery({
    queryKey: reviewKeys.queue,
    queryFn: () => data(client.GET("/api/v1/review/queue", { params: { query: { limit: 100 } } })),
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
