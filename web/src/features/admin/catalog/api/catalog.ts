// Changing the catalog: adding a product, renaming or retiring one. Every screen's catalog cache
// (lib/catalog.ts) is refreshed after.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../../lib/api-client.ts";
import type { BodyOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";
import { invalidate } from "../../api/admin-keys.ts";

export function useCreateProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"/api/v1/admin/catalog/products", "post">) =>
      data(client.POST("/api/v1/admin/catalog/products", { body })),
    onSuccess: () => invalidate(qc, ROOTS.catalog),
  });
}

export function useUpdateProduct(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"/api/v1/admin/catalog/products/{code}", "patch">) =>
      data(client.PATCH("/api/v1/admin/catalog/products/{code}", { params: { path: { code } }, body })),
    onSuccess: () => invalidate(qc, ROOTS.catalog),
  });
}
