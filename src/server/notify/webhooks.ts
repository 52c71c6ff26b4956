// Webhooks: which endpoints hear an event, what they receive, and how it is signed. An
// organisation's endpoints hear its own claims; the operator's (no organisation) hear every claim.
//
// Signature (docs/WEBHOOKS.md): header `Claimdesk-Signature: t=<unix seconds>,v1=<hex>` where hex is
// HMAC-SHA256(endpoint secret, `${t}.${raw body}`). Receivers recompute it over the raw bytes and
// refuse a timestamp older than a few minutes, which stops replays.
import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import { withoutForeignClaimIds } from "../../domain/events.ts";
import type { OutboxPayload } from "../claims/claim-writer.ts";
import type { DB, OutboxTable } from "../db/schema.ts";

export const SIGNATURE_HEADER = "claimdesk-signature";

type Hook = { id: string; events: string | null; organization_id: string | null };

/**
 * The active endpoints that hear an organisation's claims (its own and the operator's), read once
 * per organisation and dispatch batch; `forEvent` picks those subscribed to one event.
 */
export class HookDirectory {
  readonly #byOrg = new Map<string, Hook[]>();
  constructor(private readonly db: Kysely<DB>) {}

  async forEvent(organizationId: string, topic: string): Promise<Hook[]> {
    let hooks = this.#byOrg.get(organizationId);
    if (!hooks) {
      hooks = await this.db
        .selectFrom("webhooks")
        .select(["id", "events", "organization_id"])
        .where("disabled_at", "is", null)
        .where((eb) => eb.or([eb("organization_id", "=", organizationId), eb("organization_id", "is", null)]))
        .execute();
      this.#byOrg.set(organizationId, hooks);
    }
    return hooks.filter((h) => h.events === null || (JSON.parse(h.events) as string[]).includes(topic));
  }
}

/**
 * The delivery body: fixed when the event is dispatched, so every retry sends the same bytes. Ids of
 * other organisations' claims (competing claims) are for the operator's endpoints only.
 */
export function webhookBody(event: OutboxTable, p: OutboxPayload, operator: boolean): string {
  return JSON.stringify({
    id: event.id,
    type: `claim.${event.topic}`,
    occurredAt: new Date(p.at).toISOString(),
    claim: { id: p.claimId, number: p.number, organizationId: p.organizationId, status: p.status },
    actor: { kind: p.actor.kind, name: p.actor.name },
    data: operator ? p.data : withoutForeignClaimIds(p.data),
  });
}

export function signature(secret: string, timestampSeconds: number, body: string): string {
  const v1 = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v1=${v1}`;
}
