// The claim's documents, read again every second while a preflight is pending (the server reads
// the files after the upload commits; "pending" lasts seconds). Same key as useClaimDocuments, so
// every view of the list sees the result.
import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import { claimKeys } from "./claim-keys.ts";

const POLL_MS = 1000;

export function usePreflightDocuments(claimId: string) {
  return useQuery({
    queryKey: claimKeys.documents(claimId),
    queryFn: () => data(client.GET("/api/v1/claims/{id}/documents", { params: { path: { id: claimId } } })),
    refetchInterval: (q) =>
      q.state.data?.items.some((d) => d.preflight.status === "pending") ? POLL_MS : false,
  });
}
