// POST /api/v1/admin/payouts/{id}/approve and /paid: the statement moves on as the lifecycle
// (domain/payouts.ts) allows, guarded on the state it was judged in, in one transaction; the
// answer is built from what the transaction wrote. A statement with open line disputes moves only
// when the request acknowledges them (409 `open_line_disputes` lists them otherwise).
import { judgeStatementAction, unacknowledgedDisputes } from "../../../domain/payouts.ts";
import { mayRunPayouts } from "../../../domain/policies/incentives.ts";
import { forbidden, notFound, RefusalError } from "../../../domain/refusal.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import type { MoneyContext } from "../money-access.ts";
import { findStatement, moveStatementRow } from "../payouts.ts";
import { openDisputesOf, type StatementView, statementFacts, statementView } from "../statement-view.ts";

export async function moveStatement(
  ctx: MoneyContext,
  principal: Principal,
  input: { id: string; action: "approve" | "paid"; acknowledgeOpenDisputes?: boolean },
): Promise<StatementView> {
  if (!mayRunPayouts(principal)) throw forbidden("this is for program admins");
  return transact(ctx.db, async (trx) => {
    const s = await findStatement(trx, input.id);
    if (!s) throw notFound(`no payout statement ${input.id}`);
    const judged = judgeStatementAction(statementFacts(s), input.action, principal);
    if (!judged.ok) throw new RefusalError(judged.refusal);
    const open = unacknowledgedDisputes(openDisputesOf(s, s.lines), input.acknowledgeOpenDisputes === true);
    if (open) throw new RefusalError(open);
    const now = ctx.wall.now();
    if (!(await moveStatementRow(trx, s.id, s.status, judged.to, now)))
      throw new RefusalError({
        code: "invalid_transition",
        detail: "the statement changed meanwhile; reload it",
        state: s.status,
        allowedActions: [],
      });
    const moved = {
      ...s,
      status: judged.to,
      ...(input.action === "approve" ? { approved_at: now } : { paid_at: now }),
    };
    return statementView(moved, s.lines, principal);
  });
}
