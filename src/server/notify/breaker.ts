// The circuit breaker per endpoint (issue 12): an endpoint that keeps failing is paused — no more
// attempts, its deliveries wait — and the people who manage it are told in the app. One delivery's
// own back-off (WEBHOOK_MAX_ATTEMPTS over about 14 hours) never trips it alone: the breaker is for
// an endpoint that fails delivery after delivery, WEBHOOK_BREAKER_FAILURES attempts in a row or
// without a success for WEBHOOK_BREAKER_PERIOD_MS. A redelivery, a secret rotation or the resume
// route closes it again (webhook-endpoints.ts).
import type { Kysely, Transaction } from "kysely";
import { endpointOwnerRoles } from "../../domain/policies/notify.ts";
import type { DB } from "../db/schema.ts";
import { newId } from "../ids.ts";
import type { WebhookPausedParams } from "./notices.ts";

export const WEBHOOK_BREAKER_FAILURES = 20;
export const WEBHOOK_BREAKER_PERIOD_MS = 24 * 3600_000;

export interface BreakerLimits {
  failures: number;
  periodMs: number;
}
export const DEFAULT_BREAKER: BreakerLimits = {
  failures: WEBHOOK_BREAKER_FAILURES,
  periodMs: WEBHOOK_BREAKER_PERIOD_MS,
};

/** A success closes the count of failures in a row. */
export async function recordSuccess(trx: Transaction<DB>, webhookId: string): Promise<void> {
  await trx
    .updateTable("webhooks")
    .set({ consecutive_failures: 0, failing_since: null })
    .where("id", "=", webhookId)
    .where("consecutive_failures", ">", 0)
    .execute();
}

/** Counts a failed attempt; pauses the endpoint (once) when a limit is reached. True: paused now. */
export async function recordFailure(
  trx: Transaction<DB>,
  webhookId: string,
  now: number,
  limits: BreakerLimits,
): Promise<boolean> {
  const hook = await trx
    .updateTable("webhooks")
    .set((eb) => ({
      consecutive_failures: eb("consecutive_failures", "+", 1),
      failing_since: eb.fn.coalesce("failing_since", eb.val(now)),
    }))
    .where("id", "=", webhookId)
    .returning(["consecutive_failures", "failing_since", "paused_at", "organization_id", "url"])
    .executeTakeFirst();
  if (!hook || hook.paused_at !== null) return false;
  const failures = Number(hook.consecutive_failures);
  const since = Number(hook.failing_since ?? now);
  const tooMany = failures >= limits.failures;
  const tooLong = now - since >= limits.periodMs;
  if (!tooMany && !tooLong) return false;
  const hours = Math.round((now - since) / 3600_000);
  const reason = tooMany
    ? `${failures} attempts failed in a row`
    : `every attempt failed for ${hours} hours (${failures} attempts)`;
  // Guarded: of several senders failing at once, one pauses and tells.
  const paused = await trx
    .updateTable("webhooks")
    .set({ paused_at: now, paused_reason: reason })
    .where("id", "=", webhookId)
    .where("paused_at", "is", null)
    .executeTakeFirst();
  if (paused.numUpdatedRows !== 1n) return false;
  await tellOwners(trx, { webhookId, url: hook.url, reason }, hook.organization_id, now);
  return true;
}

async function tellOwners(
  trx: Transaction<DB>,
  params: WebhookPausedParams,
  organizationId: string | null,
  now: number,
): Promise<void> {
  let q = trx
    .selectFrom("users")
    .select("id")
    .where("disabled_at", "is", null)
    .where("role", "in", endpointOwnerRoles(organizationId));
  q =
    organizationId === null
      ? q.where("organization_id", "is", null)
      : q.where("organization_id", "=", organizationId);
  const owners = await q.execute();
  if (owners.length === 0) return;
  await trx
    .insertInto("notifications")
    .values(
      owners.map((u) => ({
        id: newId(),
        user_id: u.id,
        // Not from the outbox: the pause itself is the event, once per pause.
        outbox_id: `webhook-paused:${params.webhookId}:${now}`,
        claim_id: null,
        template: "webhook_paused",
        params: JSON.stringify(params),
        at: now,
      })),
    )
    .execute();
}

/** Closes the breaker: the endpoint is attempted again, its count of failures starts afresh. */
export async function resumeEndpoint(db: Kysely<DB>, webhookId: string): Promise<void> {
  await db
    .updateTable("webhooks")
    .set({ paused_at: null, paused_reason: null, consecutive_failures: 0, failing_since: null })
    .where("id", "=", webhookId)
    .execute();
}
