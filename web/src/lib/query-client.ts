// The app's one TanStack Query client. A refusal (a 4xx problem) is the server's decision and is
// not asked again; a network failure or a 5xx is retried twice with a short back-off. Data stays
// fresh for half a minute, so that moving between screens does not refetch everything.
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client.ts";

const MAX_RETRIES = 2;

export function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.refused) return false;
  return failures < MAX_RETRIES;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
      staleTime: 30_000,
    },
    // A change is not repeated behind the user's back: the server's idempotency is per key.
    mutations: { retry: false },
  },
});
