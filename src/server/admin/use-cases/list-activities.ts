// The catalog's activities (partner roles): every user reads them.
import { mayViewCatalog } from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { activityView } from "../catalog-view.ts";

export async function listActivities(
  ctx: AppContext,
  principal: Principal,
  _input: Record<string, never> = {},
): Promise<{ items: ReturnType<typeof activityView>[] }> {
  if (!mayViewCatalog(principal)) throw forbidden("sign in to read the catalog");
  const rows = await ctx.db.kysely.selectFrom("activities").selectAll().orderBy("code").execute();
  return { items: rows.map(activityView) };
}
