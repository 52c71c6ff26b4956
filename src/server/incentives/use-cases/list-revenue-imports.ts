// GET /api/v1/admin/revenue/imports: the last 200 imports, newest first.
import { mayImportRevenue } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { rowLimit } from "../../db/row-limit.ts";
import type { Principal } from "../../principal.ts";

export async function listRevenueImports(ctx: AppContext, principal: Principal) {
  if (!mayImportRevenue(principal)) throw forbidden("this is for program admins");
  const rows = await ctx.db.kysely
    .selectFrom("revenue_imports")
    .selectAll()
    .orderBy("id", "desc")
    .limit(rowLimit(200))
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      filename: r.filename,
      rows: Number(r.rows),
      months: JSON.parse(r.months) as string[],
      createdAt: new Date(r.created_at).toISOString(),
      durationMs: Number(r.duration_ms),
    })),
  };
}
