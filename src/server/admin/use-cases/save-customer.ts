// Add or update a customer of the registry that claims are checked against (program admin). Every
// subscription must name a catalog product.
import { mayManageCustomerRegistry } from "../../../domain/policies/admin.ts";
import { forbidden, RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type CustomerView, readCustomers } from "../customer-view.ts";
import { checkCustomer, type NewCustomer, writeCustomer } from "../directory.ts";

export async function saveCustomer(
  ctx: AppContext,
  principal: Principal,
  input: NewCustomer,
): Promise<CustomerView> {
  if (!mayManageCustomerRegistry(principal))
    throw forbidden("only a program admin edits the customer registry");
  return transact(ctx.db, async (trx) => {
    const named = [...new Set(input.subscriptions.map((s) => s.product))];
    const known = named.length
      ? new Set(
          (await trx.selectFrom("products").select("code").where("code", "in", named).execute()).map(
            (p) => p.code,
          ),
        )
      : new Set<string>();
    const unknown = input.subscriptions.map((s) => s.product).filter((p) => !known.has(p));
    if (unknown.length) {
      throw new RefusalError({
        code: "validation_failed",
        detail: `unknown products: ${unknown.join(", ")}`,
        errors: [{ field: "subscriptions.product", message: `unknown: ${unknown.join(", ")}` }],
      });
    }
    checkCustomer(input);
    await writeCustomer(trx, ctx.clock.now(), input);
    const [saved] = await readCustomers(trx, { tenantId: input.tenantId }, 1);
    if (!saved) throw new Error(`customer ${input.tenantId} vanished inside its own transaction`);
    return saved;
  });
}
