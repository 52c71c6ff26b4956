// PATCH: edit the fields the state allows (RULES.md §7), with before/after in the history.
import { isDeepStrictEqual } from "node:util";
import { EDITABLE_FIELDS, type EditableField } from "../../../domain/editing.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import { requeueClaimPreflights } from "../../preflight/preflight-queue.ts";
import { actorRef, type Principal } from "../../principal.ts";
import { applyCommand } from "../apply-command.ts";
import { inputOf, mergePatch } from "../claim-fields.ts";
import { type ClaimInput, checkClaimInput, keyHolders, ownDuplicates } from "../claim-input.ts";
import { loadClaim } from "../claim-loader.ts";
import { inputColumns, writeKeys } from "../claim-row.ts";
import type { ClaimView } from "../claim-view.ts";
import { writtenView } from "../written-view.ts";

export async function editClaim(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  patch: Partial<Record<EditableField, unknown>>,
  opts: { ifMatch?: number } = {},
): Promise<ClaimView> {
  return transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    const before = inputOf(loaded.row);
    const after = mergePatch(before, patch) as ClaimInput;
    const changed = EDITABLE_FIELDS.filter((f) => !isDeepStrictEqual(before[f], after[f]));
    let laterRefusal: RefusalError | undefined;
    let keys: Awaited<ReturnType<typeof checkClaimInput>>["keys"] = [];
    if (changed.length) {
      const checked = await checkClaimInput(trx, loaded.row.organization_id, after);
      keys = checked.keys;
      const dup = ownDuplicates(
        await keyHolders(
          trx,
          keys.map((k) => k.key),
          claimId,
        ),
        loaded.row.organization_id,
      );
      if (dup.length) {
        laterRefusal = new RefusalError({
          code: "duplicate_association",
          detail: "your organisation already holds or has in flight a claim on this customer and product",
          conflicting: [...new Set(dup.map((d) => d.claimId))],
        });
      } else if (checked.errors.length) {
        laterRefusal = new RefusalError({
          code: "validation_failed",
          detail: checked.errors.map((e) => `${e.field} ${e.message}`).join("; "),
          errors: checked.errors.map(({ field, message }) => ({ field, message })),
        });
      }
    }
    const changes = Object.fromEntries(changed.map((f) => [f, { before: before[f], after: after[f] }]));
    const written = await applyCommand(
      ctx,
      trx,
      principal,
      loaded,
      { type: "edit", fields: changed },
      {
        ...opts,
        laterRefusal,
        fields: changed.length ? inputColumns(after) : undefined,
        entries: changed.length
          ? [{ event: { type: "edited", at: loaded.now, data: { changes } }, actor: actorRef(principal) }]
          : [],
      },
    );
    if (changed.includes("products") || changed.includes("customer")) {
      await writeKeys(trx, claimId, keys);
      // The documents were checked against the old customer or products (issue 14).
      await requeueClaimPreflights(trx, claimId, loaded.now);
    }
    return writtenView(trx, principal, written);
  });
}
