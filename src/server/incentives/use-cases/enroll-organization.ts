// POST /api/v1/admin/programs/{code}/enrollments: an organisation joins a programme (idempotent).
import { mayManagePrograms } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { enroll, type Program } from "../programs.ts";

export async function enrollOrganization(
  ctx: AppContext,
  principal: Principal,
  input: { code: string; organizationId: string },
): Promise<Program> {
  if (!mayManagePrograms(principal)) throw forbidden("this is for program admins");
  return transact(ctx.db, (trx) => enroll(trx, input.code, input.organizationId, ctx.clock.now()));
}
