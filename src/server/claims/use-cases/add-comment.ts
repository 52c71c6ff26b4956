// A comment in the claim's thread; it notifies the other side and, from the partner while
// information is requested, counts as the answer that allows a resubmit.

import { mayComment, sideOf } from "../../../domain/policies/claims.ts";
import { forbidden, RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { CommentsTable } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import { newId } from "../../ids.ts";
import { actorRef, type Principal } from "../../principal.ts";
import { applyCommand } from "../apply-command.ts";
import { loadClaim } from "../claim-loader.ts";

export const MAX_COMMENT_LENGTH = 10_000;

export async function addComment(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  body: string,
): Promise<CommentsTable> {
  return transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    if (principal.kind !== "user" || !mayComment(principal, loaded.row.organization_id))
      throw forbidden("only users comment");
    const text = body.trim();
    const laterRefusal =
      text === "" || text.length > MAX_COMMENT_LENGTH
        ? new RefusalError({
            code: "validation_failed",
            detail: `body must have 1 to ${MAX_COMMENT_LENGTH} characters`,
            errors: [{ field: "body", message: `must have 1 to ${MAX_COMMENT_LENGTH} characters` }],
          })
        : undefined;
    const side = sideOf(principal);
    const comment: CommentsTable = {
      id: newId(),
      claim_id: claimId,
      author_id: principal.id,
      author_name: principal.name,
      side,
      body: text,
      created_at: loaded.now,
    };
    await applyCommand(
      ctx,
      trx,
      principal,
      loaded,
      { type: "comment" },
      {
        laterRefusal,
        entries: [
          {
            event: { type: "comment_added", at: loaded.now, data: { commentId: comment.id, side } },
            actor: actorRef(principal),
          },
        ],
      },
    );
    await trx.insertInto("comments").values(comment).execute();
    return comment;
  });
}
