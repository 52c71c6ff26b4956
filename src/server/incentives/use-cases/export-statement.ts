// GET /api/v1/payouts/{id}/export.csv: the statement's lines as a CSV attachment.
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { visibleStatement } from "../money-access.ts";
import { statementCsv } from "../statement-csv.ts";

export async function exportStatement(
  ctx: AppContext,
  principal: Principal,
  input: { id: string },
): Promise<{ filename: string; csv: string }> {
  const s = await visibleStatement(ctx.db.kysely, principal, input.id);
  return { filename: `payout-${s.month}-${s.currency}.csv`, csv: statementCsv(s) };
}
