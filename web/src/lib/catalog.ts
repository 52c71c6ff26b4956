// The catalog (products and activities): read by nearly every screen, changed only in the
// administration, so cached for the whole visit and refreshed when the administration changes it.
import { useQuery } from "@tanstack/react-query";
import { client, data } from "./api-client.ts";
import type { ResponseOf } from "./api-types.ts";
import { ROOTS } from "./query-keys.ts";

export type Product = ResponseOf<"/api/v1/catalog/products">["items"][number];
export type Activity = ResponseOf<"/api/v1/catalog/activities">["items"][number];

export const catalogKeys = {
  all: [ROOTS.catalog] as const,
  products: [ROOTS.catalog, "products"] as const,
  activities: [ROOTS.catalog, "activities"] as const,
};

export function useProducts() {
  return useQuery({
    queryKey: catalogKeys.products,
    queryFn: () => data(client.GET("/api/v1/catalog/products")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useActivities() {
  return useQuery({
    queryKey: catalogKeys.activities,
    queryFn: () => data(client.GET("/api/v1/catalog/activities")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Products and activities, empty until loaded. */
export function useCatalog(): { products: Product[]; activities: Activity[] } {
  const products = useProducts();
  const activities = useActivities();
  return { products: products.data?.items ?? [], activities: activities.data?.items ?? [] };
}

/** Product codes as the catalog names them ("teams" -> "Teams"); a code it does not know stays. */
export function useProductNames(): (codes: string[]) => string {
  const { products } = useCatalog();
  const names = new Map(products.map((p) => [p.code, p.name]));
  return (codes) => codes.map((c) => names.get(c) ?? c).join(", ");
}
