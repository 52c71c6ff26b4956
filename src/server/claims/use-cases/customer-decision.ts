// The customer's answer during the consent period: deny (rejects the claim) or confirm early.
import type { Transaction } from "kysely";
import type { AppContext } from "../../context.ts";
import type { DB } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { applyCommand } from "../apply-command.ts";
import { loadClaim } from "../claim-loader.ts";
import type { ClaimView } from "../claim-view.ts";
import { writtenView } from "../written-view.ts";

export async function customerDecision(
  ctx: AppContext,
  claimId: string,
  decision: "deny" | "confirm",
  customer: { name: string; comment?: string | null },
  /** Runs in the same transaction after the transition (the consent link records its answer). */
  alongside?: (trx: Transaction<DB>, now: number) => Promise<void>,
): Promise<ClaimView> {
  const principal: Principal = { kind: "customer", name: customer.name };
  return transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    const command =
      decision === "deny"
        ? { type: "customer-deny" as const, comment: customer.comment ?? null }
        : { type: "customer-confirm" as const };
    const written = await applyCommand(ctx, trx, principal, loaded, command);
    await alongside?.(trx, loaded.now);
    return writtenView(trx, principal, written);
  });
}
