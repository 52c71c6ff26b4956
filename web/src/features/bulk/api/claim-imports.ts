// Bulk filing's calls: the claims file (a dry run, then for real), the accepted file's progress
// (polled while it runs), and the ZIP of PoE. Drafts made by a file refresh the claims lists.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, multipart, uploadWithProgress } from "../../../lib/api-client.ts";
import type { ResponseOf } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export type ClaimFileAnswer = ResponseOf<"/api/v1/claim-imports", "post">;
export type ClaimImport = ResponseOf<"/api/v1/claim-imports/{id}">;
export type PoeZipAnswer = ResponseOf<"/api/v1/claim-imports/{id}/documents", "post">;

export const TEMPLATE_URL = "/api/v1/claim-imports/template.csv";

export function useSendClaimFile() {
  return (file: File, dryRun: boolean, onProgress: (fraction: number) => void) =>
    data(
      client.POST("/api/v1/claim-imports", {
        params: { query: { dryRun } },
        body: { file },
        bodySerializer: multipart,
        fetch: uploadWithProgress(onProgress),
      }),
    );
}

/** The file's progress every half second while it runs; the lists are refreshed when it ends. */
export function useClaimImport(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [ROOTS.claims, "imports", id],
    enabled: id !== null,
    queryFn: async () => {
      const r = await data(client.GET("/api/v1/claim-imports/{id}", { params: { path: { id: id ?? "" } } }));
      if (r.status !== "running") {
        await qc.invalidateQueries({ queryKey: [ROOTS.claims, "list"] });
        await qc.invalidateQueries({ queryKey: [ROOTS.claims, "imports", "list"] });
      }
      return r;
    },
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? 500 : false),
  });
}

export function useSendPoeZip() {
  const qc = useQueryClient();
  return async (id: string, file: File) => {
    const r = await data(
      client.POST("/api/v1/claim-imports/{id}/documents", {
        params: { path: { id } },
        body: { file },
        bodySerializer: multipart,
      }),
    );
    await qc.invalidateQueries({ queryKey: [ROOTS.claims] });
    return r;
  };
}

/** The organisation's earlier files, newest first. */
export function useClaimImports() {
  return useQuery({
    queryKey: [ROOTS.claims, "imports", "list"],
    queryFn: () => data(client.GET("/api/v1/claim-imports")),
  });
}
