// Catalog entries as the API answers them.
import type { ProductBasis } from "../../domain/vocabulary.ts";
import type { ActivitiesTable, ProductsTable } from "../db/schema.ts";

export interface ProductView {
  code: string;
  name: string;
  solutionArea: string;
  basis: ProductBasis;
  active: boolean;
}

const isBasis = (b: string): b is ProductBasis => b === "workload" || b === "subscription";

export function productView(p: ProductsTable): ProductView {
  return {
    code: p.code,
    name: p.name,
    solutionArea: p.solution_area,
    // The column only ever holds the two bases; the table has no enum type on SQLite.
    basis: isBasis(p.basis) ? p.basis : "workload",
    active: p.active === 1,
  };
}

export function activityView(a: ActivitiesTable): { code: string; name: string; incentivised: boolean } {
  return { code: a.code, name: a.name, incentivised: a.incentivised === 1 };
}
