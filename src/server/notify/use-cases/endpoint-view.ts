// An endpoint as the API shows it: never its secret; its breaker's state; what the caller may do.
import type { WEBHOOK_EVENTS } from "../../../domain/events.ts";
import { endpointAbilities } from "../../../domain/policies/notify.ts";
import type { Subject } from "../../../domain/policies/subject.ts";
import type { WebhooksTable } from "../../db/schema.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function endpointView(s: Subject, w: WebhooksTable) {
  return {
    id: w.id,
    organizationId: w.organization_id,
    url: w.url,
    description: w.description,
    events: w.events === null ? null : (JSON.parse(w.events) as (typeof WEBHOOK_EVENTS)[number][]),
    createdAt: new Date(w.created_at).toISOString(),
    consecutiveFailures: w.consecutive_failures,
    pausedAt: iso(w.paused_at),
    pausedReason: w.paused_reason,
    abilities: endpointAbilities(s, { organizationId: w.organization_id, paused: w.paused_at !== null }),
  };
}

export type EndpointView = ReturnType<typeof endpointView>;
