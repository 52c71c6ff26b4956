// The reviewers' queue: submitted, under review, or with an open dispute; earliest SLA first, each
// with its competing claims flagged. Walks claims_review_queue in order: the sort key below is the
// index's expression, written as a literal so that both engines match it.
import { sql } from "kysely";
import { mayWorkReviewQueue } from "../../../domain/policies/claims.ts";
import { forbidden, RefusalError } from "../../../domain/refusal.ts";
import type { UserPrincipal } from "../../auth/users.ts";
import type { AppContext } from "../../context.ts";
import { rowLimit } from "../../db/row-limit.ts";
import { type ClaimView, VIEW_COLUMNS } from "../claim-view.ts";
import { competingClaimsOf } from "../competing-claims.ts";
import { viewRows } from "./get-claim.ts";

// Claims without an SLA deadline sort last.
const NO_SLA = Number.MAX_SAFE_INTEGER;
const due = sql<number>`coalesce(claims.sla_due_at, ${sql.lit(NO_SLA)})`;

function decodeCursor(cursor: string): [number, string] {
  try {
    const [d, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [number, string];
    if (!Number.isSafeInteger(d) || typeof id !== "string") throw new Error("bad cursor");
    return [d, id];
  } catch {
    throw new RefusalError({
      code: "validation_failed",
      detail: "bad cursor",
      errors: [{ field: "cursor", message: "is invalid" }],
    });
  }
}

export async function reviewQueue(
  ctx: AppContext,
  principal: UserPrincipal,
  opts: { limit?: number; cursor?: string; q?: string },
): Promise<{ items: ClaimView[]; nextCursor: string | null }> {
  if (!mayWorkReviewQueue(principal)) throw forbidden("the review queue is for reviewers");
  const limit = Math.min(200, Math.max(1, opts.limit ?? 50));
  let q = ctx.db.kysely
    .selectFrom("claims")
    .select(VIEW_COLUMNS)
    .select(due.as("due"))
    .where("claims.operator_action", "=", 1)
    // A draft never needs the operator; said here too so the queue cannot show one (mayListDrafts).
    // A literal, as in list-claims.ts: a bound 'editing' would make SQLite re-plan on every run.
    .where("claims.status", "<>", sql.lit("editing"));
  const text = opts.q?.trim();
  if (text) {
    // The dashboard's search (list-claims.ts): number, customer, domain, tenant or partner ID.
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or(
        (
          [
            "claims.number",
            "claims.customer_name",
            "claims.customer_domain",
            "claims.tenant_id",
            "claims.partner_id",
          ] as const
        ).map((col) => eb(sql`lower(${sql.ref(col)})`, "like", sql`lower(${like}) escape '\\'`)),
      ),
    );
  }
  if (opts.cursor) {
    const [d, id] = decodeCursor(opts.cursor);
    q = q.where((eb) => eb(eb.tuple(due, eb.ref("claims.id")), ">", eb.tuple(d, id)));
  }
  const rows = await q
    .orderBy(due)
    .orderBy("claims.id")
    .limit(rowLimit(limit + 1))
    .execute();
  const page = rows.slice(0, limit);
  const [views, competing] = await Promise.all([
    viewRows(ctx, principal, page),
    competingClaimsOf(ctx.db.kysely, ctx.db.engine, page),
  ]);
  const items = views.map((v) => ({ ...v, competingClaims: competing.get(v.id) ?? [] }));
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify([Number(last.due), last.id])).toString("base64url")
      : null;
  return { items, nextCursor };
}
