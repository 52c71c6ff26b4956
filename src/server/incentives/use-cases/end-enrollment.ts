// DELETE /api/v1/admin/programs/{code}/enrollments/{organizationId}: future assessments only.
import { mayManagePrograms } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type Program, unenroll } from "../programs.ts";

export async function endEnrollment(
  ctx: AppContext,
  principal: Principal,
  input: { code: string; organizationId: string },
): Promise<Program> {
  if (!mayManagePrograms(principal)) throw forbidden("this is for program admins");
  return transact(ctx.db, (trx) => unenroll(trx, input.code, input.organizationId));
}
