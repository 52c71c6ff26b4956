// The catalog's products and workloads, with how each is claimed: every user reads it.
import { mayViewCatalog } from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type ProductView, productView } from "../catalog-view.ts";

export async function listProducts(
  ctx: AppContext,
  principal: Principal,
  _input: Record<string, never> = {},
): Promise<{ items: ProductView[] }> {
  if (!mayViewCatalog(principal)) throw forbidden("sign in to read the catalog");
  const rows = await ctx.db.kysely
    .selectFrom("products")
    .selectAll()
    .orderBy("solution_area")
    .orderBy("name")
    .execute();
  return { items: rows.map(productView) };
}
