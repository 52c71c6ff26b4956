// One query hook per claim read: the list, the summary, one claim, its documents, comments and
// history, and the customer registry look-up of the new-claim form.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import type { ClaimFilters } from "../../../lib/api-types.ts";
import { claimKeys } from "./claim-keys.ts";

export function useClaims(filters: ClaimFilters) {
  return useQuery({
    queryKey: claimKeys.list(filters),
    queryFn: () => data(client.GET("/api/v1/claims", { params: { query: filters } })),
    // The table keeps its rows while the next filter's rows load, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useClaimsSummary() {
  return useQuery({
    queryKey: claimKeys.summary,
    queryFn: () => data(client.GET("/api/v1/claims/summary")),
  });
}

export function useClaim(id: string) {
  return useQuery({
    queryKey: claimKeys.detail(id),
    queryFn: () => data(client.GET("/api/v1/claims/{id}", { params: { path: { id } } })),
  });
}

export function useClaimDocuments(id: string) {
  return useQuery({
    queryKey: claimKeys.documents(id),
    queryFn: () => data(client.GET("/api/v1/claims/{id}/documents", { params: { path: { id } } })),
  });
}

export function useClaimComments(id: string) {
  return useQuery({
    queryKey: claimKeys.comments(id),
    queryFn: () => data(client.GET("/api/v1/claims/{id}/comments", { params: { path: { id } } })),
  });
}

export function useClaimHistory(id: string) {
  return useQuery({
    queryKey: claimKeys.history(id),
    queryFn: () => data(client.GET("/api/v1/claims/{id}/history", { params: { path: { id } } })),
  });
}

/** The registry's customer by tenant id (a UUID) or by domain; nothing is asked for an empty term. */
export function useCustomerLookup(term: string) {
  const v = term.trim();
  const lookup = /^[0-9a-f-]{36}$/i.test(v) ? { tenantId: v } : { domain: v };
  return useQuery({
    queryKey: claimKeys.customers(lookup),
    queryFn: () => data(client.GET("/api/v1/customers", { params: { query: lookup } })),
    enabled: v !== "",
  });
}

/** A document's bytes, for viewing in the page (the API serves them as an attachment). */
export function useDocumentContent(claimId: string, documentId: string) {
  return useQuery({
    queryKey: [...claimKeys.documents(claimId), documentId, "content"],
    queryFn: () =>
      data(
        client.GET("/api/v1/claims/{id}/documents/{documentId}/content", {
          params: { path: { id: claimId, documentId } },
          parseAs: "blob",
        }),
      ),
    // Documents do not change: a document is replaced by another, never edited.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
