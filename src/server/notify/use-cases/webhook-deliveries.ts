// An endpoint's deliveries, each with every attempt, and sending one again now.

import { notFound } from "../../../domain/refusal.ts";
import { rowLimit } from "../../db/row-limit.ts";
import type { DeliveryStatus, WebhookAttemptsTable, WebhookDeliveriesTable } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { resumeEndpoint as closeBreaker } from "../breaker.ts";
import { decodeIdCursor, page } from "../pages.ts";
import { loadEndpoint } from "./endpoint-access.ts";
import type { NotifyContext } from "./notify-context.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function deliveryView(d: WebhookDeliveriesTable, log: WebhookAttemptsTable[]) {
  return {
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    createdAt: new Date(d.created_at).toISOString(),
    deliveredAt: iso(d.delivered_at),
    nextAttemptAt: d.status === "pending" ? iso(d.available_at) : null,
    lastError: d.last_error,
    body: d.body,
    log: log.map((a) => ({
      attempt: a.attempt,
      at: new Date(a.at).toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}

export async function listDeliveries(
  ctx: NotifyContext,
  p: Principal,
  webhookId: string,
  f: { status?: DeliveryStatus; limit?: number; cursor?: string },
) {
  const db = ctx.app.db.kysely;
  await loadEndpoint(db, p, webhookId);
  const limit = f.limit ?? 50;
  let q = db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("webhook_id", "=", webhookId)
    .orderBy("id", "desc")
    .limit(rowLimit(limit + 1));
  if (f.status) q = q.where("status", "=", f.status);
  const after = decodeIdCursor(f.cursor);
  if (after) q = q.where("id", "<", after);
  const { rows, nextCursor } = page(await q.execute(), limit);
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await db
        .selectFrom("webhook_attempts")
        .selectAll()
        .where("delivery_id", "in", ids)
        .orderBy("attempt")
        .execute()
    : [];
  return {
    items: rows.map((r) =>
      deliveryView(
        r,
        attempts.filter((a) => a.delivery_id === r.id),
      ),
    ),
    nextCursor,
  };
}

/** Send a delivery again now, whatever became of it; a paused endpoint resumes (its owner acted). */
export async function redeliver(ctx: NotifyContext, p: Principal, webhookId: string, deliveryId: string) {
  const db = ctx.app.db.kysely;
  await loadEndpoint(db, p, webhookId);
  const now = ctx.wall.now();
  const exists = await db
    .selectFrom("webhook_deliveries")
    .select("id")
    .where("id", "=", deliveryId)
    .where("webhook_id", "=", webhookId)
    .executeTakeFirst();
  if (!exists) throw notFound(`no delivery ${deliveryId}`);
  await transact(ctx.app.db, async (trx) => {
    await trx
      .updateTable("webhook_deliveries")
      .set({ status: "pending", available_at: now, lease_until: null })
      .where("id", "=", deliveryId)
      // One being sent right now keeps its lease: taking it over could send it twice at once; its
      // own outcome and schedule apply, so there is nothing to do.
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
      .execute();
    await closeBreaker(trx, webhookId);
  });
  return { status: "pending" };
}
