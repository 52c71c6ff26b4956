// Rename a product, or stop offering it for new claims; existing claims keep it (program admin).
import { mayManageCatalog } from "../../../domain/policies/admin.ts";
import { forbidden, notFound } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";

export async function updateProduct(
  ctx: AppContext,
  principal: Principal,
  input: { code: string; name?: string; active?: boolean },
): Promise<{ code: string; name: string; active: boolean }> {
  if (!mayManageCatalog(principal)) throw forbidden("only a program admin may do this");
  const { name, active } = input;
  return transact(ctx.db, async (trx) => {
    const r = await trx
      .updateTable("products")
      .set({ ...(name ? { name } : {}), ...(active === undefined ? {} : { active: active ? 1 : 0 }) })
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) throw notFound("no such product");
    const p = await trx
      .selectFrom("products")
      .selectAll()
      .where("code", "=", input.code)
      .executeTakeFirstOrThrow();
    return { code: p.code, name: p.name, active: p.active === 1 };
  });
}
