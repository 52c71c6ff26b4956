// POST /api/v1/admin/payouts/calculate: a month's statements again; approved and paid ones stay.
import { mayRunPayouts } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { Principal } from "../../principal.ts";
import type { MoneyContext } from "../money-access.ts";
import { calculatePayouts } from "../payouts.ts";

export async function recalculateStatements(
  ctx: MoneyContext,
  principal: Principal,
  input: { month: string },
) {
  if (!mayRunPayouts(principal)) throw forbidden("this is for program admins");
  return calculatePayouts(ctx.db, input.month, ctx.wall.now());
}
