// Every lifecycle transition of API.md §4.3's action paths (copy has its own use case). An approval
// (or a dispute overturned straight to Approved) is refused while another organisation holds an
// approved claim on the same key, and rejects the competing claims still in flight.
import type { Kysely } from "kysely";
import type { Command } from "../../../domain/commands.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import { approves, isContestable } from "../../../domain/transitions.ts";
import type { AppContext } from "../../context.ts";
import type { DB } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import { type Principal, SYSTEM } from "../../principal.ts";
import { applyCommand } from "../apply-command.ts";
import { unattachedDocuments } from "../cited-documents.ts";
import { keyHolders } from "../claim-input.ts";
import { loadClaim, prepareClaim, selectClaim } from "../claim-loader.ts";
import type { ClaimView } from "../claim-view.ts";
import { writtenView } from "../written-view.ts";

export type TransitionCommand = Exclude<
  Command,
  {
    type:
      | "copy"
      | "edit"
      | "upload"
      | "comment"
      | "fire"
      | "competing-claim-lost"
      | "customer-deny"
      | "customer-confirm";
  }
>;

async function keysOf(db: Kysely<DB>, claimId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("claim_products")
    .select("association_key")
    .where("claim_id", "=", claimId)
    .execute();
  return rows.map((r) => r.association_key);
}

export async function actOnClaim(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  command: TransitionCommand,
  opts: { ifMatch?: number } = {},
): Promise<ClaimView> {
  return transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    const unattached = await unattachedDocuments(trx, claimId, command);
    if (!approves(command)) {
      const row = await applyCommand(ctx, trx, principal, loaded, command, {
        ...opts,
        laterRefusal: unattached,
      });
      return writtenView(trx, principal, row);
    }

    const holders = await keyHolders(trx, await keysOf(trx, claimId), claimId);
    const rivals = holders.filter((h) => h.organizationId !== loaded.row.organization_id);
    const approvedCompetitor = rivals.some((h) => h.status === "approved");
    const keep = new Set(command.type === "approve" ? (command.keepCompeting ?? []) : []);
    const unknown = [...keep].filter((id) => !rivals.some((r) => r.claimId === id));
    const laterRefusal = unknown.length
      ? new RefusalError({
          code: "validation_failed",
          detail: `keepCompeting names claims that do not compete with this one: ${unknown.join(", ")}`,
          errors: [{ field: "keepCompeting", message: "names a claim that does not compete with this one" }],
        })
      : undefined;
    const written = await applyCommand(ctx, trx, principal, loaded, command, {
      ...opts,
      facts: { approvedCompetitor },
      laterRefusal,
    });
    // The approval of one competing claim rejects the others, unless the reviewer keeps them.
    const losers = [
      ...new Set(rivals.filter((r) => isContestable(r.status) && !keep.has(r.claimId)).map((r) => r.claimId)),
    ];
    for (const id of losers.sort()) {
      const rivalRow = await selectClaim(ctx, trx, id, "update");
      if (!rivalRow) continue;
      const rival = await prepareClaim(ctx, trx, rivalRow);
      if (!isContestable(rival.state.status)) continue;
      await applyCommand(ctx, trx, SYSTEM, rival, { type: "competing-claim-lost", winnerId: claimId });
    }
    // After the rivals' writes: the answer shows them rejected, as this transaction left them.
    return writtenView(trx, principal, written);
  });
}
