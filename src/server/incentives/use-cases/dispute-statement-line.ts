// POST /api/v1/payouts/{id}/lines/{lineId}/dispute: the statement's organisation flags a line for
// the programme, while the statement is not paid. A second flag replaces the first comment, and a
// flag on a line the programme has answered opens its dispute again.
import { judgeStatementAction, lineAbilities } from "../../../domain/payouts.ts";
import { forbidden, notFound, RefusalError } from "../../../domain/refusal.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type MoneyContext, visibleStatement } from "../money-access.ts";
import { flagLine, REOPENED } from "../payouts.ts";
import { type LineView, lineView, statementFacts } from "../statement-view.ts";

export async function disputeStatementLine(
  ctx: MoneyContext,
  principal: Principal,
  input: { id: string; lineId: string; comment: string },
): Promise<LineView> {
  return transact(ctx.db, async (trx) => {
    const s = await visibleStatement(trx, principal, input.id);
    const judged = judgeStatementAction(statementFacts(s), "dispute-line", principal);
    // A role that may not dispute is told so before a line it names is looked up.
    if (!judged.ok && judged.refusal.code === "forbidden") throw new RefusalError(judged.refusal);
    const line = s.lines.find((l) => l.id === input.lineId);
    if (!line) throw notFound(`no line ${input.lineId} on this statement`);
    if (!judged.ok) throw new RefusalError(judged.refusal);
    if (principal.kind !== "user") throw forbidden("lines are disputed by users");
    const dispute = { comment: input.comment, userId: principal.id, at: ctx.wall.now() };
    await flagLine(trx, line.id, dispute);
    return lineView(
      {
        ...line,
        disputed_at: dispute.at,
        dispute_comment: dispute.comment,
        disputed_by: dispute.userId,
        ...REOPENED,
      },
      lineAbilities(statementFacts(s), principal, { openDispute: true }),
    );
  });
}
