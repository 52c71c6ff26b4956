// Copy a rejected claim that can no longer be disputed into a new claim in Editing. The copy takes
// partner ID, customer, activity, products and contacts, not documents; the old claim is unchanged.
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { judge } from "../apply-command.ts";
import { inputOf } from "../claim-fields.ts";
import { loadClaim } from "../claim-loader.ts";
import type { ClaimView } from "../claim-view.ts";
import { writeClaim } from "../claim-writer.ts";
import { writtenView } from "../written-view.ts";
import { insertClaim } from "./create-claim.ts";

export async function copyClaim(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  opts: { ifMatch?: number } = {},
): Promise<ClaimView> {
  return transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    const outcome = judge(ctx, principal, loaded, { type: "copy" }, opts);
    if (loaded.fired.length) {
      // Deadlines that fell due are written even though the copy leaves the old claim as it is.
      await writeClaim(trx, {
        row: loaded.row,
        before: loaded.stored,
        after: outcome.state,
        entries: loaded.fired,
        now: loaded.now,
        engine: ctx.db.engine,
      });
    }
    return writtenView(
      trx,
      principal,
      await insertClaim(ctx, trx, principal, inputOf(loaded.row), loaded.row.id),
    );
  });
}
