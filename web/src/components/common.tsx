// Small shared pieces: loading data, status badges, the catalog, error display.
import { Alert, Badge } from "@mantine/core";
import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { useT } from "../i18n/index.tsx";
import { type ApiError, get } from "../lib/api-client.ts";
import type { Status } from "../lib/api-types.ts";

/** Loads on mount and whenever `deps` change (compared by value); `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(load);
  latest.current = load;
  const key = JSON.stringify(deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await latest.current());
      setError(null);
    } catch (err) {
      setError(err as Error);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void key;
    void reload();
  }, [key, reload]);
  return { data, error, loading, reload, setData };
}

const STATUS_COLORS: Record<Status, string> = {
  editing: "gray",
  submitted: "blue",
  under_review: "indigo",
  partner_action_required: "orange",
  approved: "green",
  rejected: "red",
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

export interface CatalogItem {
  code: string;
  name: string;
  basis?: string;
}

let catalog: Promise<{ products: CatalogItem[]; activities: CatalogItem[] }> | null = null;

export function useCatalog() {
  catalog ??= Promise.all([
    get<{ items: CatalogItem[] }>("/api/v1/catalog/products"),
    get<{ items: CatalogItem[] }>("/api/v1/catalog/activities"),
  ])
    .then(([p, a]) => ({ products: p.items, activities: a.items }))
    .catch((err: unknown) => {
      catalog = null;
      throw err;
    });
  const { data } = useLoad(() => catalog ?? Promise.reject(new Error("no catalog")), []);
  return data ?? { products: [], activities: [] };
}

/** Product codes as the catalog names them ("teams" -> "Teams"); a code it does not know stays. */
export function useProductNames(): (codes: string[]) => string {
  const { products } = useCatalog();
  const names = new Map(products.map((p) => [p.code, p.name]));
  return (codes) => codes.map((c) => names.get(c) ?? c).join(", ");
}

export function ErrorAlert({ error }: { error: Error | null }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t("web.error")}>
      {error.message}
    </Alert>
  );
}

/** Business days are the server's business; for a list, whole days left is what a reader wants. */
export function daysLeft(iso: string): number {
  return Math.ceil((Date.parse(iso) - Date.now()) / 86_400_000);
}
