// Reading a claim's thread: its documents, comments and history, for whoever may see the claim
// (another organisation's claim is not found). Oldest first, as API.md §4.2 lists them.
import { withoutForeignClaimIds } from "../../../domain/events.ts";
import { maySeeCompetingClaims } from "../../../domain/policies/claims.ts";
import { notFound } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { documentPreflightView, preflightsOfClaim } from "../../preflight/preflight-views.ts";
import type { Principal } from "../../principal.ts";
import { visibleClaim } from "../claim-loader.ts";
import { commentView, documentView, historyView } from "../thread-views.ts";

export async function listDocuments(ctx: AppContext, principal: Principal, claimId: string) {
  await visibleClaim(ctx, principal, claimId);
  const rows = await ctx.db.kysely
    .selectFrom("documents")
    .selectAll()
    .where("claim_id", "=", claimId)
    // Ids break ties in upload order: the simulated clock gives one instant to many uploads.
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const preflights = await preflightsOfClaim(ctx.db.kysely, claimId);
  return { items: rows.map((d) => documentView(d, documentPreflightView(preflights.get(d.id)))) };
}

/** One document's stored bytes with what a download needs to name and type them. */
export async function readDocument(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  documentId: string,
) {
  await visibleClaim(ctx, principal, claimId);
  const doc = await ctx.db.kysely
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", documentId)
    .where("claim_id", "=", claimId)
    .executeTakeFirst();
  if (!doc) throw notFound("no such document on this claim");
  return {
    filename: doc.filename,
    contentType: doc.content_type,
    size: Number(doc.size),
    content: await ctx.blobs.get(doc.storage_key),
  };
}

export async function listComments(ctx: AppContext, principal: Principal, claimId: string) {
  await visibleClaim(ctx, principal, claimId);
  const rows = await ctx.db.kysely
    .selectFrom("comments")
    .selectAll()
    .where("claim_id", "=", claimId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return { items: rows.map(commentView) };
}

export async function listHistory(ctx: AppContext, principal: Principal, claimId: string) {
  await visibleClaim(ctx, principal, claimId);
  const rows = await ctx.db.kysely
    .selectFrom("history")
    .selectAll()
    .where("claim_id", "=", claimId)
    .orderBy("seq")
    .execute();
  const operator = maySeeCompetingClaims(principal);
  // A comment's entry names the comment; its words are shown with it, read once for the thread.
  const bodies = rows.some((h) => h.event === "comment_added")
    ? new Map(
        (
          await ctx.db.kysely
            .selectFrom("comments")
            .select(["id", "body"])
            .where("claim_id", "=", claimId)
            .execute()
        ).map((c) => [c.id, c.body]),
      )
    : new Map<string, string>();
  return {
    items: rows.map((h) => {
      const stored = JSON.parse(h.data) as Record<string, unknown>;
      const body = h.event === "comment_added" ? bodies.get(String(stored.commentId)) : undefined;
      const data = body === undefined ? stored : { ...stored, body };
      return historyView(h, operator ? data : withoutForeignClaimIds(data));
    }),
  };
}
