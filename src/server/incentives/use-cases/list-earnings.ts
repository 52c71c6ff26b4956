// GET /api/v1/earnings: a month's earnings as of now, with totals per currency, and the approved
// claims that earn nothing yet (consent period, pending eligibility, ineligible) as of the claims
// clock. Partner users see their organisation's; the program admin every organisation's, or the
// one it names.
import { totalsByCurrency } from "../../../domain/incentives.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { earningsOf } from "../earnings.ts";
import { moneyScopeOf } from "../money-access.ts";
import { notEarningYetOf } from "../not-earning-yet.ts";

export async function listEarnings(
  ctx: AppContext,
  principal: Principal,
  input: { month: string; organizationId?: string },
) {
  const scope = moneyScopeOf(principal, input.organizationId);
  const items = await earningsOf(ctx.db.kysely, input.month, scope);
  const notEarningYet = await notEarningYetOf(ctx.db.kysely, scope, ctx.clock.now());
  return { items, totals: totalsByCurrency(items), notEarningYet };
}
