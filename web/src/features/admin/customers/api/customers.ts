// The customer registry: its pages and search, and the import (a dry run, then the same file for real).
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, multipart, uploadWithProgress } from "../../../../lib/api-client.ts";
import type { ResponseOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";

export type CustomerImportResult = ResponseOf<"/api/v1/admin/customers/import", "post">;

/** The upload the CSV import screen runs; a real import makes cached look-ups stale. */
export function useCustomerImport() {
  const qc = useQueryClient();
  return async (file: File, dryRun: boolean, onProgress: (fraction: number) => void) => {
    const r = await data(
      client.POST("/api/v1/admin/customers/import", {
        params: { query: { dryRun } },
        body: { file },
        bodySerializer: multipart,
        fetch: uploadWithProgress(onProgress),
      }),
    );
    if (r.imported) await qc.invalidateQueries({ queryKey: [ROOTS.claims, "customers"] });
    return r;
  };
}

export type CustomerPage = ResponseOf<"/api/v1/admin/customers">;

export const registryKey = (q: string, cursor: string | null) =>
  [ROOTS.claims, "customers", "registry", q, cursor] as const;

/** One page of the registry for a search (`q` empty: every customer), from `cursor` on. */
export function useCustomerRegistry(q: string, cursor: string | null) {
  return useQuery({
    queryKey: registryKey(q, cursor),
    queryFn: () =>
      data(
        client.GET("/api/v1/admin/customers", {
          params: { query: { ...(q ? { q } : {}), limit: 25, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
