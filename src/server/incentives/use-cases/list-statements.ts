// GET /api/v1/payouts: the statements the caller sees, each with its lines (in one query) and the
// caller's allowed actions.
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { moneyScopeOf } from "../money-access.ts";
import { linesOf, listStatementRows } from "../payouts.ts";
import { type StatementView, statementView } from "../statement-view.ts";

export async function listStatements(
  ctx: AppContext,
  principal: Principal,
  input: { month?: string },
): Promise<{ items: StatementView[] }> {
  const scope = moneyScopeOf(principal);
  const db = ctx.db.kysely;
  const statements = await listStatementRows(db, scope, input.month);
  const lines = await linesOf(
    db,
    statements.map((s) => s.id),
  );
  return { items: statements.map((s) => statementView(s, lines.get(s.id) ?? [], principal)) };
}
