// The customer registry import: a dry run, then the same file for real.
import { useQueryClient } from "@tanstack/react-query";
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
