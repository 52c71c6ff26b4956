// A product or workload added to the catalog (program admin).
import { mayManageCatalog } from "../../../domain/policies/admin.ts";
import { forbidden, invalidField } from "../../../domain/refusal.ts";
import type { ProductBasis } from "../../../domain/vocabulary.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";

export interface NewProduct {
  code: string;
  name: string;
  solutionArea: string;
  basis: ProductBasis;
}

export async function createProduct(
  ctx: AppContext,
  principal: Principal,
  input: NewProduct,
): Promise<{ code: string }> {
  if (!mayManageCatalog(principal)) throw forbidden("only a program admin may do this");
  await transact(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom("products")
      .select("code")
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (taken) throw invalidField("code", "is taken");
    await trx
      .insertInto("products")
      .values({
        code: input.code,
        name: input.name,
        solution_area: input.solutionArea,
        basis: input.basis,
        active: 1,
      })
      .execute();
  });
  return { code: input.code };
}
