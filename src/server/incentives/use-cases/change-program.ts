// PATCH /api/v1/admin/programs/{code}: claims already assessed keep their result until re-assessed.
import { mayManagePrograms } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { asProgramProduct, type Program, type ProgramProductInput, updateProgram } from "../programs.ts";

export async function changeProgram(
  ctx: AppContext,
  principal: Principal,
  input: {
    code: string;
    patch: Partial<Omit<Program, "code" | "enrolledOrganizations" | "products">> & {
      products?: ProgramProductInput[];
    };
  },
): Promise<Program> {
  if (!mayManagePrograms(principal)) throw forbidden("this is for program admins");
  const { products, ...rest } = input.patch;
  const patch = products ? { ...rest, products: products.map(asProgramProduct) } : rest;
  return transact(ctx.db, (trx) => updateProgram(trx, input.code, patch, ctx.clock.now()));
}
