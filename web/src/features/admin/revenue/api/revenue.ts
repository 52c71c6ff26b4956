// Revenue imports: the earlier imports, and importing a file (dry run first). An import changes
// the earnings and the statements of its months.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data, multipart, uploadWithProgress } from "../../../../lib/api-client.ts";
import type { ResponseOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";
import { adminKeys, invalidate } from "../../api/admin-keys.ts";

export type RevenueImportResult = ResponseOf<"/api/v1/admin/revenue/imports", "post">;

export function useRevenueImports() {
  return useQuery({
    queryKey: adminKeys.revenueImports,
    queryFn: () => data(client.GET("/api/v1/admin/revenue/imports")),
  });
}

export function useRevenueImport() {
  const qc = useQueryClient();
  return async (file: File, dryRun: boolean, onProgress: (fraction: number) => void) => {
    const r = await data(
      client.POST("/api/v1/admin/revenue/imports", {
        params: { query: { dryRun } },
        body: { file },
        bodySerializer: multipart,
        fetch: uploadWithProgress(onProgress),
      }),
    );
    if (r.imported) await invalidate(qc, ROOTS.admin, ROOTS.earnings, ROOTS.payouts);
    return r;
  };
}
