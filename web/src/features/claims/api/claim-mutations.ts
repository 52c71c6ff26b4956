// Every change to a claim: create, edit (JSON merge patch with If-Match), the lifecycle actions
// (with If-Match, so that a decision on a stale page is refused), comments and document uploads.
// Each refreshes what it changed (invalidateAfterClaimChange).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { client, data, multipart, uploadWithProgress } from "../../../lib/api-client.ts";
import type { BodyOf, Claim, ClaimCreate, ClaimPatch, paths } from "../../../lib/api-types.ts";
import { invalidateAfterClaimChange } from "./claim-keys.ts";

const ifMatch = (claim: Pick<Claim, "version">) => ({ "if-match": `"${claim.version}"` });
type ActionBody<A extends string> = BodyOf<`/api/v1/claims/{id}/actions/${A}` & keyof paths, "post">;

/** A lifecycle action with the body its path declares. */
export type ActionInput =
  | { action: "submit" }
  | { action: "start-review" }
  | { action: "copy" }
  | { action: "request-information"; body: ActionBody<"request-information"> }
  | { action: "resubmit"; body: ActionBody<"resubmit"> }
  | { action: "approve"; body: ActionBody<"approve"> }
  | { action: "reject"; body: ActionBody<"reject"> }
  | { action: "withdraw"; body: ActionBody<"withdraw"> }
  | { action: "dispute"; body: ActionBody<"dispute"> }
  | { action: "uphold-dispute"; body: ActionBody<"uphold-dispute"> }
  | { action: "overturn-dispute"; body: ActionBody<"overturn-dispute"> };

function runAction(claim: Claim, input: ActionInput): Promise<Claim> {
  const init = { params: { path: { id: claim.id } }, headers: ifMatch(claim) };
  switch (input.action) {
    case "submit":
      return data(client.POST("/api/v1/claims/{id}/actions/submit", { ...init, body: {} }));
    case "start-review":
      return data(client.POST("/api/v1/claims/{id}/actions/start-review", { ...init, body: {} }));
    case "copy":
      return data(client.POST("/api/v1/claims/{id}/actions/copy", { ...init, body: {} }));
    case "request-information":
      return data(
        client.POST("/api/v1/claims/{id}/actions/request-information", { ...init, body: input.body }),
      );
    case "resubmit":
      return data(client.POST("/api/v1/claims/{id}/actions/resubmit", { ...init, body: input.body }));
    case "approve":
      return data(client.POST("/api/v1/claims/{id}/actions/approve", { ...init, body: input.body }));
    case "reject":
      return data(client.POST("/api/v1/claims/{id}/actions/reject", { ...init, body: input.body }));
    case "withdraw":
      return data(client.POST("/api/v1/claims/{id}/actions/withdraw", { ...init, body: input.body }));
    case "dispute":
      return data(client.POST("/api/v1/claims/{id}/actions/dispute", { ...init, body: input.body }));
    case "uphold-dispute":
      return data(client.POST("/api/v1/claims/{id}/actions/uphold-dispute", { ...init, body: input.body }));
    case "overturn-dispute":
      return data(client.POST("/api/v1/claims/{id}/actions/overturn-dispute", { ...init, body: input.body }));
  }
}

export function useClaimAction(claim: Claim) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => runAction(claim, input),
    onSettled: () => invalidateAfterClaimChange(qc),
  });
}

export function useCreateClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimCreate) => data(client.POST("/api/v1/claims", { body })),
    onSuccess: () => invalidateAfterClaimChange(qc),
  });
}

export function useEditClaim(claim: Claim) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimPatch) =>
      data(
        client.PATCH("/api/v1/claims/{id}", {
          params: { path: { id: claim.id } },
          headers: ifMatch(claim),
          body,
        }),
      ),
    onSettled: () => invalidateAfterClaimChange(qc),
  });
}

export function useAddComment(claimId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      data(
        client.POST("/api/v1/claims/{id}/comments", { params: { path: { id: claimId } }, body: { body } }),
      ),
    onSuccess: () => invalidateAfterClaimChange(qc),
  });
}

/** One file at a time, with its progress; the claim's documents and history refresh after each. */
export function useUploadDocument(claimId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress(fraction: number): void }) =>
      data(
        client.POST("/api/v1/claims/{id}/documents", {
          params: { path: { id: claimId } },
          body: { file },
          bodySerializer: multipart,
          fetch: uploadWithProgress(onProgress),
        }),
      ),
    onSuccess: () => invalidateAfterClaimChange(qc),
  });
}
