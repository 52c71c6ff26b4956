// POST /api/v1/admin/programs: a new programme, checked against the catalog, in one transaction.
import { mayManagePrograms } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { createProgram, type Program } from "../programs.ts";

export type ProgramInput = Omit<Program, "enrolledOrganizations">;

export async function defineProgram(
  ctx: AppContext,
  principal: Principal,
  input: ProgramInput,
): Promise<Program> {
  if (!mayManagePrograms(principal)) throw forbidden("this is for program admins");
  return transact(ctx.db, (trx) => createProgram(trx, input, ctx.clock.now()));
}
