// POST /api/v1/admin/eligibility/reassess: every assessed claim against today's programmes. A dry
// run only reads; applying writes every change in one transaction.
import { mayRunPayouts } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type EligibilityChange, reassess } from "../assessment.ts";

export async function reassessEligibility(
  ctx: AppContext,
  principal: Principal,
  input: { dryRun: boolean },
): Promise<{ dryRun: boolean; changes: EligibilityChange[] }> {
  if (!mayRunPayouts(principal)) throw forbidden("this is for program admins");
  const now = ctx.clock.now();
  const changes = input.dryRun
    ? await reassess(ctx.db.kysely, false, now)
    : await transact(ctx.db, (trx) => reassess(trx, true, now));
  return { dryRun: input.dryRun, changes };
}
