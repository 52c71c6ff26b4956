// POST /api/v1/payouts/{id}/lines/{lineId}/resolve-dispute: the programme answers a partner's
// disputed line with a reply the partner reads on its statement, and an outcome: `accepted` with
// the amount the line pays from now on, or `rejected` (the line stays as it is). An accepted
// amount that changes an approved statement's total sends it back to calculated, to be approved
// again. One transaction; the answer is the statement as the transaction left it.
import {
  judgeStatementAction,
  type LineDisputeOutcome,
  statusAfterResolution,
} from "../../../domain/payouts.ts";
import { mayResolvePayoutDisputes } from "../../../domain/policies/incentives.ts";
import { forbidden, invalidField, notFound, RefusalError } from "../../../domain/refusal.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { resolveLineRow, reviseStatementRow } from "../line-disputes.ts";
import type { MoneyContext } from "../money-access.ts";
import { findStatement } from "../payouts.ts";
import { isOpenDispute, type StatementView, statementFacts, statementView } from "../statement-view.ts";

export interface ResolveInput {
  id: string;
  lineId: string;
  outcome: LineDisputeOutcome;
  reply: string;
  amountMinor?: number;
}

function checked(input: ResolveInput): { reply: string; amountMinor: number | null } {
  const reply = input.reply.trim();
  if (!reply) throw invalidField("reply", "must not be blank");
  if (input.outcome === "accepted" && input.amountMinor === undefined)
    throw invalidField("amountMinor", "is required when the dispute is accepted");
  if (input.outcome === "rejected" && input.amountMinor !== undefined)
    throw invalidField("amountMinor", "is only for an accepted dispute");
  return { reply, amountMinor: input.amountMinor ?? null };
}

export async function resolveLineDispute(
  ctx: MoneyContext,
  principal: Principal,
  input: ResolveInput,
): Promise<StatementView> {
  // Only the programme answers disputes, and it sees every organisation: nothing to probe.
  if (!mayResolvePayoutDisputes(principal) || principal.kind !== "user")
    throw forbidden("the programme (program admins) resolves line disputes");
  const { reply, amountMinor } = checked(input);
  return transact(ctx.db, async (trx) => {
    const s = await findStatement(trx, input.id);
    if (!s) throw notFound(`no payout statement ${input.id}`);
    const line = s.lines.find((l) => l.id === input.lineId);
    if (!line) throw notFound(`no line ${input.lineId} on this statement`);
    const judged = judgeStatementAction(statementFacts(s, s.lines), "resolve-line-dispute", principal);
    if (!judged.ok) throw new RefusalError(judged.refusal);
    const changedMeanwhile = () =>
      new RefusalError({
        code: "invalid_transition",
        detail: "the line or its statement changed meanwhile; reload it",
        state: s.status,
        allowedActions: [],
      });
    if (!isOpenDispute(line) || line.disputed_at === null)
      throw new RefusalError({
        code: "invalid_transition",
        detail: "this line has no open dispute to resolve",
        state: s.status,
        allowedActions: [],
      });
    const before = Number(line.earnings_minor);
    const after = amountMinor ?? before;
    const calculatedMinor =
      line.calculated_minor !== null ? Number(line.calculated_minor) : after === before ? null : before;
    const now = ctx.wall.now();
    const resolution = {
      outcome: input.outcome,
      reply,
      userId: principal.id,
      at: now,
      earningsMinor: after,
      calculatedMinor,
    };
    if (!(await resolveLineRow(trx, line.id, line.disputed_at, resolution))) throw changedMeanwhile();
    const total = Number(s.total_minor) + after - before;
    const status = statusAfterResolution(s.status, after !== before);
    if (!(await reviseStatementRow(trx, s.id, s.status, status, total))) throw changedMeanwhile();
    const lines = s.lines.map((l) =>
      l.id === line.id
        ? {
            ...l,
            resolved_at: now,
            resolved_by: principal.id,
            resolution_outcome: input.outcome,
            resolution_reply: reply,
            earnings_minor: after,
            calculated_minor: calculatedMinor,
          }
        : l,
    );
    const revised = {
      ...s,
      total_minor: total,
      status,
      approved_at: status === s.status ? s.approved_at : null,
    };
    return statementView(revised, lines, principal);
  });
}
