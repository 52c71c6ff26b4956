// GET /api/v1/earnings: a month's earnings as of now, with totals per currency. Partner users see
// their organisation's; the program admin every organisation's, or the one it names.
import { totalsByCurrency } from "../../../domain/incentives.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { earningsOf } from "../earnings.ts";
import { moneyScopeOf } from "../money-access.ts";

export async function listEarnings(
  ctx: AppContext,
  principal: Principal,
  input: { month: string; organizationId?: string },
) {
  const scope = moneyScopeOf(principal, input.organizationId);
  const items = await earningsOf(ctx.db.kysely, input.month, scope);
  return { items, totals: totalsByCurrency(items) };
}
