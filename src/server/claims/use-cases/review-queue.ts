// The reviewers' queue: submitted, under review, or with an open dispute; earliest SLA first, each
// with its competing claims flagged.
import { mayWorkReviewQueue } from "../../../domain/policies/claims.ts";
import { forbidden, RefusalError } from "../../../domain/refusal.ts";
import type { UserPrincipal } from "../../auth/users.ts";
import type { AppContext } from "../../context.ts";
import type { ClaimView } from "../claim-view.ts";
import { competingClaims, viewRow } from "./get-claim.ts";

// Claims without an SLA deadline sort last.
const NO_SLA = Number.MAX_SAFE_INTEGER;

export async function reviewQueue(
  ctx: AppContext,
  principal: UserPrincipal,
  opts: { limit?: number; cursor?: string },
): Promise<{ items: ClaimView[]; nextCursor: string | null }> {
  if (!mayWorkReviewQueue(principal)) throw forbidden("the review queue is for reviewers");
  const limit = Math.min(200, Math.max(1, opts.limit ?? 50));
  let q = ctx.db.kysely
    .selectFrom("claims")
    .innerJoin("organizations", "organizations.id", "claims.organization_id")
    .selectAll("claims")
    .select("organizations.calendar_id")
    .select((eb) => eb.fn.coalesce("claims.sla_due_at", eb.val(NO_SLA)).as("due"))
    .where("claims.operator_action", "=", 1);
  if (opts.cursor) {
    let due: number;
    let id: string;
    try {
      [due, id] = JSON.parse(Buffer.from(opts.cursor, "base64url").toString("utf8")) as [number, string];
      if (!Number.isSafeInteger(due) || typeof id !== "string") throw new Error("bad cursor");
    } catch {
      throw new RefusalError({
        code: "validation_failed",
        detail: "bad cursor",
        errors: [{ field: "cursor", message: "is invalid" }],
      });
    }
    q = q.where((eb) =>
      eb(
        eb.tuple(eb.fn.coalesce("claims.sla_due_at", eb.val(NO_SLA)), eb.ref("claims.id")),
        ">",
        eb.tuple(due, id),
      ),
    );
  }
  const rows = await q
    .orderBy("due")
    .orderBy("claims.id")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items = await Promise.all(
    page.map(async (r) => {
      const { due: _d, ...row } = r;
      return { ...(await viewRow(ctx, principal, row)), competingClaims: await competingClaims(ctx, r.id) };
    }),
  );
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify([Number(last.due), last.id])).toString("base64url")
      : null;
  return { items, nextCursor };
}
