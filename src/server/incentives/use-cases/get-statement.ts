// GET /api/v1/payouts/{id}: one statement with its lines and the caller's allowed actions.
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { visibleStatement } from "../money-access.ts";
import { type StatementView, statementView } from "../statement-view.ts";

export async function getStatement(
  ctx: AppContext,
  principal: Principal,
  input: { id: string },
): Promise<StatementView> {
  const s = await visibleStatement(ctx.db.kysely, principal, input.id);
  return statementView(s, s.lines, principal);
}
