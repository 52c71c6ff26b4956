// Webhook endpoints and their deliveries (issue: every attempt visible through the API).
import { Type } from "typebox";
import { WEBHOOK_EVENTS } from "../../../domain/events.ts";
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from "../../db/schema.ts";
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  rotateSecret,
  updateWebhook,
  webhookOwner,
} from "../../notify/webhook-admin.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { Enum, Nullable, Time } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const Id = Type.String({ maxLength: 64 });
const Events = Nullable(Type.Array(Enum(WEBHOOK_EVENTS), { minItems: 1, maxItems: WEBHOOK_EVENTS.length }));

const Webhook = Type.Object({
  id: Type.String(),
  organizationId: Nullable(Type.String()),
  url: Type.String(),
  description: Type.String(),
  events: Events,
  createdAt: Time,
});
const WebhookWithSecret = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: "shown once: HMAC-SHA256 key for the Claimdesk-Signature header" }),
});
const Attempt = Type.Object({
  attempt: Type.Integer(),
  at: Time,
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
});
const Delivery = Type.Object({
  id: Type.String(),
  event: Type.String(),
  status: Enum(["pending", "delivered", "failed"]),
  attempts: Type.Integer(),
  createdAt: Time,
  deliveredAt: Nullable(Time),
  nextAttemptAt: Nullable(Time),
  lastError: Nullable(Type.String()),
  body: Type.String({ description: "the exact bytes sent (and signed)" }),
  log: Type.Array(Attempt),
});

export function webhookJson(w: WebhooksTable) {
  return {
    id: w.id,
    organizationId: w.organization_id,
    url: w.url,
    description: w.description,
    events: w.events === null ? null : (JSON.parse(w.events) as (typeof WEBHOOK_EVENTS)[number][]),
    createdAt: new Date(w.created_at).toISOString(),
  };
}

function deliveryJson(d: WebhookDeliveriesTable & { log: WebhookAttemptsTable[] }) {
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
    log: d.log.map((a) => ({
      attempt: a.attempt,
      at: new Date(a.at).toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}

export function webhookRoutes(app: App, { ctx, wall, webhooksAllowHttp }: HttpDeps): void {
  const db = ctx.db.kysely;
  const allowHttp = webhooksAllowHttp === true;
  const tags = ["webhooks"];
  const Params = Type.Object({ id: Id });

  app.get(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary: "The caller's endpoints (an organisation's, or the operator's for a program admin)",
        response: { 200: Type.Object({ items: Type.Array(Webhook) }), ...errors(401, 403) },
      },
    },
    async (req) => ({ items: (await listWebhooks(db, callerOf(req).principal)).map(webhookJson) }),
  );

  app.post(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary: "Register an endpoint for claim events; the signing secret is in this answer only",
        body: Type.Object(
          {
            url: Type.String({ maxLength: 2000 }),
            events: Type.Optional(Events),
            description: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: WebhookWithSecret, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const p = callerOf(req).principal;
      if (p.kind !== "user") throw new Error("unreachable: routes need a user");
      webhookOwner(p);
      const row = await createWebhook(db, p, req.body, allowHttp, wall.now());
      return reply
        .code(201)
        .header("location", `/api/v1/webhooks/${row.id}`)
        .send({ ...webhookJson(row), secret: row.secret });
    },
  );

  app.get(
    "/api/v1/webhooks/:id",
    {
      schema: {
        tags,
        summary: "One endpoint",
        params: Params,
        response: { 200: Webhook, ...errors(401, 403, 404) },
      },
    },
    async (req) => webhookJson(await findWebhook(db, callerOf(req).principal, req.params.id)),
  );

  app.patch(
    "/api/v1/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Change an endpoint's URL, events or description",
        params: Params,
        body: Type.Object(
          {
            url: Type.Optional(Type.String({ maxLength: 2000 })),
            events: Type.Optional(Events),
            description: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Webhook, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) =>
      webhookJson(await updateWebhook(db, callerOf(req).principal, req.params.id, req.body, allowHttp)),
  );

  app.delete(
    "/api/v1/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Remove an endpoint (no more deliveries)",
        params: Params,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteWebhook(db, callerOf(req).principal, req.params.id, wall.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/webhooks/:id/rotate-secret",
    {
      schema: {
        tags,
        summary: "A new signing secret; the old one stops signing at once",
        params: Params,
        response: { 200: Type.Object({ secret: Type.String() }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ secret: await rotateSecret(db, callerOf(req).principal, req.params.id) }),
  );

  app.get(
    "/api/v1/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        summary: "Deliveries, newest first, each with every attempt",
        params: Params,
        querystring: Type.Object(
          {
            status: Type.Optional(Enum(["pending", "delivered", "failed"])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Delivery), nextCursor: Nullable(Type.String()) }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (req) => {
      const { rows, nextCursor } = await listDeliveries(db, callerOf(req).principal, req.params.id, {
        status: req.query.status,
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      });
      return { items: rows.map(deliveryJson), nextCursor };
    },
  );

  app.post(
    "/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver",
    {
      schema: {
        tags,
        summary: "Send a delivery again now",
        params: Type.Object({ id: Id, deliveryId: Id }),
        response: { 202: Type.Object({ status: Type.String() }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await redeliver(db, callerOf(req).principal, req.params.id, req.params.deliveryId, wall.now());
      return reply.code(202).send({ status: "pending" });
    },
  );
}
