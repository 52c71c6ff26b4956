// Delivers due webhook calls: POST the stored body, signed, with a timeout; 2xx is delivered,
// anything else is retried with back-off until the attempts run out. Every attempt is recorded
// (status code or error, duration) for the API to show.
import type { Clock } from "../context.ts";
import type { Db } from "../db/engine.ts";
import { backoff, leaseDue } from "./lease.ts";
import { signature } from "./webhooks.ts";

export interface WebhookSenderDeps {
  db: Db;
  wall: Clock;
  timeoutMs?: number;
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

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  const res = await fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "user-agent": "Claimdesk-Webhooks/1", ...headers },
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Read a little of the answer and drop the rest: its content is not ours to keep, and a receiver
  // that streams without end must not fill our memory.
  const reader = res.body?.getReader();
  if (reader) {
    let read = 0;
    try {
      while (read < 64 * 1024) {
        const chunk = await reader.read();
        if (chunk.done) break;
        read += chunk.value.byteLength;
      }
    } catch {
      // The status is what counts; an answer cut short does not change it.
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }
  return res.status;
}

export async function deliverDueWebhooks(deps: WebhookSenderDeps, limit = 20): Promise<DeliveryResult> {
  const result: DeliveryResult = { delivered: 0, retrying: 0, failed: 0 };
  const db = deps.db.kysely;
  const batch = await leaseDue(deps.db, "webhook_deliveries", deps.wall.now(), limit, LEASE_MS);
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
      if (!hook || hook.disabled_at !== null) error = "the endpoint was deleted";
      else {
        try {
          status = await post(
            hook.url,
            d.body,
            {
              "claimdesk-signature": signature(hook.secret, Math.floor(started / 1000), d.body),
              "claimdesk-event": `claim.${d.event}`,
              "claimdesk-delivery": d.id,
            },
            deps.timeoutMs ?? 10_000,
          );
          if (status < 200 || status >= 300) error = `HTTP ${status}`;
        } catch (err) {
          const e = err as Error & { cause?: { code?: string; message?: string } };
          error = e.name === "TimeoutError" ? "timed out" : (e.cause?.code ?? e.cause?.message ?? e.message);
        }
      }
      const now = deps.wall.now();
      await db
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
      const done = error === null;
      const giveUp = !done && (d.attempts >= WEBHOOK_MAX_ATTEMPTS || !hook || hook.disabled_at !== null);
      await db
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
      if (done) result.delivered += 1;
      else if (giveUp) result.failed += 1;
      else result.retrying += 1;
    }),
  );
  return result;
}
