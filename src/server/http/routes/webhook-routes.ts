// Webhook endpoints and their deliveries (issue: every attempt visible through the API).
import { Type } from "typebox";
import { listDeliveries, redeliver } from "../../notify/use-cases/webhook-deliveries.ts";
import {
  getEndpoint,
  listEndpoints,
  registerEndpoint,
  removeEndpoint,
  resumeEndpoint,
  rotateEndpointSecret,
  updateEndpoint,
} from "../../notify/use-cases/webhook-endpoints.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import {
  Delivery,
  DeliveryStatusSchema,
  Paging,
  Webhook,
  WebhookId,
  WebhookInput,
  WebhookWithSecret,
} from "../schemas/notify.ts";
import { Nullable } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";
import { notifyContextOf } from "./notify-context.ts";

export function webhookRoutes(app: App, deps: HttpDeps): void {
  const ctx = notifyContextOf(deps);
  const tags = ["webhooks"];
  const Params = Type.Object({ id: WebhookId });

  app.get(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary: "The caller's endpoints (an organisation's, or the operator's for a program admin)",
        response: { 200: Type.Object({ items: Type.Array(Webhook) }), ...errors(401, 403) },
      },
    },
    async (req) => ({ items: await listEndpoints(ctx, callerOf(req).principal) }),
  );

  app.post(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary:
          "Register an endpoint for claim events; the signing secret is in this answer only. The URL must reach public addresses only (WEBHOOKS_ALLOW_HOSTS allows others)",
        body: Type.Object(WebhookInput, { additionalProperties: false }),
        response: { 201: WebhookWithSecret, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const created = await registerEndpoint(ctx, callerOf(req).principal, req.body);
      return reply.code(201).header("location", `/api/v1/webhooks/${created.id}`).send(created);
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
    async (req) => getEndpoint(ctx, callerOf(req).principal, req.params.id),
  );

  app.patch(
    "/api/v1/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Change an endpoint's URL, events or description",
        params: Params,
        body: Type.Object(
          { ...WebhookInput, url: Type.Optional(WebhookInput.url) },
          { additionalProperties: false },
        ),
        response: { 200: Webhook, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => updateEndpoint(ctx, callerOf(req).principal, req.params.id, req.body),
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
      await removeEndpoint(ctx, callerOf(req).principal, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/webhooks/:id/rotate-secret",
    {
      schema: {
        tags,
        summary: "A new signing secret; the old one stops signing at once. A paused endpoint resumes",
        params: Params,
        response: { 200: Type.Object({ secret: Type.String() }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ secret: await rotateEndpointSecret(ctx, callerOf(req).principal, req.params.id) }),
  );

  app.post(
    "/api/v1/webhooks/:id/resume",
    {
      schema: {
        tags,
        summary: "Resume an endpoint the circuit breaker paused: attempts start again",
        params: Params,
        response: { 200: Webhook, ...errors(401, 403, 404) },
      },
    },
    async (req) => resumeEndpoint(ctx, callerOf(req).principal, req.params.id),
  );

  app.get(
    "/api/v1/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        summary: "Deliveries, newest first, each with every attempt",
        params: Params,
        querystring: Type.Object(
          { status: Type.Optional(DeliveryStatusSchema), ...Paging },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Delivery), nextCursor: Nullable(Type.String()) }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (req) => listDeliveries(ctx, callerOf(req).principal, req.params.id, req.query),
  );

  app.post(
    "/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver",
    {
      schema: {
        tags,
        summary: "Send a delivery again now (a paused endpoint resumes)",
        params: Type.Object({ id: WebhookId, deliveryId: WebhookId }),
        response: { 202: Type.Object({ status: Type.String() }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(await redeliver(ctx, callerOf(req).principal, req.params.id, req.params.deliveryId)),
  );
}
