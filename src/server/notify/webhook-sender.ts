// Delivers due webhook calls: POST the stored body, signed, with a timeout; 2xx is delivered,
// anything else is retried with back-off until the attempts run out. An address the egress policy
// refuses is a failed delivery at once, without connecting. Every attempt is recorded (status code
// or error, duration) for the API to show, and counted by the endpoint's circuit breaker.
import { sql } from "kysely";
import type { Clock } from "../context.ts";
import { noteCommit, QUIET } from "../db/commit-signal.ts";
import type { Db } from "../db/engine.ts";
import { transact } from "../db/transact.ts";
import { type BreakerLimits, DEFAULT_BREAKER, recordFailure, recordSuccess } from "./breaker.ts";
import { EgressRefusedError, WebhookEgress } from "./egress.ts";
import { backoff, leaseDue } from "./lease.ts";
import { postWebhook } from "./webhook-http.ts";
import { signature } from "./webhooks.ts";

export interface WebhookSenderDeps {
  db: Db;
  wall: Clock;
  timeoutMs?: number;
  /** Where calls may go (default: public addresses only, the system's DNS). */
  egress?: WebhookEgress;
  breaker?: BreakerLimits;
}

export const WEBHOOK_MAX_ATTEMPTS = 12;
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 6 * 60 * 60_000;
const LEASE_MS = 2 * 60_000;

export interface DeliveryResult {
  delivered: number;
  retrying: number;
  failed: number;
}

export async function deliverDueWebhooks(deps: WebhookSenderDeps, limit = 20): Promise<DeliveryResult> {
  const result: DeliveryResult = { delivered: 0, retrying: 0, failed: 0 };
  const db = deps.db.kysely;
  const egress = deps.egress ?? new WebhookEgress();
  // A paused endpoint's deliveries wait for it to resume.
  const notPaused = sql`webhook_id not in (select id from webhooks where paused_at is not null)`;
  const batch = await leaseDue(deps.db, "webhook_deliveries", deps.wall.now(), limit, LEASE_MS, notPaused);
  if (batch.length === 0) return result;
  const hooks = new Map(
    (
      await db
        .selectFrom("webhooks")
        .select(["id", "url", "secret", "disabled_at"])
        .where(
          "id",
          "in",
          batch.map((d) => d.webhook_id),
        )
        .execute()
    ).map((h) => [h.id, h]),
  );
  await Promise.all(
    batch.map(async (d) => {
      const hook = hooks.get(d.webhook_id);
      const started = deps.wall.now();
      // Duration from the monotonic clock: the wall clock may be a test's standing one.
      const t0 = performance.now();
      let status: number | null = null;
      let error: string | null = null;
      let refused = false;
      if (!hook || hook.disabled_at !== null) error = "the endpoint was deleted";
      else {
        const url = new URL(hook.url);
        const literal = egress.checkLiteral(url);
        try {
          if (!literal.ok) throw new EgressRefusedError(literal.reason);
          status = await postWebhook(
            url,
            d.body,
            {
              "claimdesk-signature": signature(hook.secret, Math.floor(started / 1000), d.body),
              "claimdesk-event": `claim.${d.event}`,
              "claimdesk-delivery": d.id,
            },
            deps.timeoutMs ?? 10_000,
            egress,
          );
          if (status < 200 || status >= 300) error = `HTTP ${status}`;
        } catch (err) {
          if (err instanceof EgressRefusedError) {
            refused = true;
            error = `refused without connecting: ${err.reason} (WEBHOOKS_ALLOW_HOSTS can allow it)`;
          } else {
            const e = err as Error & { code?: string };
            error = e.name === "TimeoutError" ? "timed out" : (e.code ?? e.message);
          }
        }
      }
      const now = deps.wall.now();
      const done = error === null;
      const giveUp =
        !done && (refused || d.attempts >= WEBHOOK_MAX_ATTEMPTS || !hook || hook.disabled_at !== null);
      await transact(deps.db, async (trx) => {
        noteCommit(trx, QUIET);
        await trx
          .insertInto("webhook_attempts")
          .values({
            delivery_id: d.id,
            attempt: d.attempts,
            at: started,
            status_code: status,
            error,
            duration_ms: Math.round(performance.now() - t0),
          })
          .execute();
        await trx
          .updateTable("webhook_deliveries")
          .set({
            status: done ? "delivered" : giveUp ? "failed" : "pending",
            delivered_at: done ? now : null,
            lease_until: null,
            last_error: error,
            available_at: done ? d.available_at : now + backoff(d.attempts, RETRY_BASE_MS, RETRY_CAP_MS),
          })
          .where("id", "=", d.id)
          .execute();
        if (!hook || hook.disabled_at !== null) return;
        if (done) await recordSuccess(trx, hook.id);
        else await recordFailure(trx, hook.id, now, deps.breaker ?? DEFAULT_BREAKER);
      });
      if (done) result.delivered += 1;
      else if (giveUp) result.failed += 1;
      else result.retrying += 1;
    }),
  );
  return result;
}
