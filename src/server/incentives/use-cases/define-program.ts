// POST /api/v1/admin/programs: a new programme, checked against the catalog, in one transaction.
import { mayManagePrograms } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { asProgramProduct, createProgram, type Program, type ProgramProductInput } from "../programs.ts";

export type ProgramInput = Omit<Program, "enrolledOrganizations" | "products"> & {
  products: ProgramProductInput[];
};

export async function defineProgram(
  ctx: AppContext,
  principal: Principal,
  input: ProgramInput,
): Promise<Program> {
  if (!mayManagePrograms(principal)) throw forbidden("this is for program admins");
  const program = { ...input, products: input.products.map(asProgramProduct) };
  return transact(ctx.db, (trx) => createProgram(trx, program, ctx.clock.now()));
}
