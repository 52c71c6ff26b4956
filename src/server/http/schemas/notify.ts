// Request and response schemas of webhooks, notifications and the mail backlog.
import { Type } from "typebox";
import { WEBHOOK_EVENTS } from "../../../domain/events.ts";
import { Enum, Nullable, Time } from "../schemas.ts";

export const WebhookId = Type.String({ maxLength: 64 });
export const WebhookEvents = Nullable(
  Type.Array(Enum(WEBHOOK_EVENTS), { minItems: 1, maxItems: WEBHOOK_EVENTS.length }),
);
export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Webhook = Type.Object({
  id: Type.String(),
  organizationId: Nullable(Type.String()),
  url: Type.String(),
  description: Type.String(),
  events: WebhookEvents,
  createdAt: Time,
  consecutiveFailures: Type.Integer({
    description: "failed attempts in a row (the circuit breaker's count)",
  }),
  pausedAt: Nullable(
    Type.String({
      format: "date-time",
      description: "set when the circuit breaker paused the endpoint: no attempts until it resumes",
    }),
  ),
  pausedReason: Nullable(Type.String()),
  abilities: Type.Object(
    {
      edit: Type.Boolean(),
      delete: Type.Boolean(),
      rotateSecret: Type.Boolean(),
      redeliver: Type.Boolean(),
      resume: Type.Boolean({ description: "true while paused, for whoever may manage the endpoint" }),
    },
    { description: "what the caller may do with this endpoint" },
  ),
});

export const WebhookWithSecret = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: "shown once: HMAC-SHA256 key for the Claimdesk-Signature header" }),
});

export const WebhookInput = {
  url: Type.String({ maxLength: 2000 }),
  events: Type.Optional(WebhookEvents),
  description: Type.Optional(Type.String({ maxLength: 200 })),
};

const Attempt = Type.Object({
  attempt: Type.Integer(),
  at: Time,
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
});

export const DeliveryStatusSchema = Enum(["pending", "delivered", "failed"]);

export const Delivery = Type.Object({
  id: Type.String(),
  event: Type.String(),
  status: DeliveryStatusSchema,
  attempts: Type.Integer(),
  createdAt: Time,
  deliveredAt: Nullable(Time),
  nextAttemptAt: Nullable(Time),
  lastError: Nullable(Type.String()),
  body: Type.String({ description: "the exact bytes sent (and signed)" }),
  log: Type.Array(Attempt),
});

export const Notification = Type.Object({
  id: Type.String(),
  event: Type.String({ description: "the message template, e.g. information_requested, webhook_paused" }),
  title: Type.String({ description: "in the user's language" }),
  claimId: Nullable(Type.String()),
  claimNumber: Nullable(Type.String()),
  webhookId: Nullable(Type.String({ description: "the endpoint a webhook notice is about" })),
  at: Time,
  readAt: Nullable(Time),
});

export const MailStatusSchema = Enum(["pending", "sent", "failed"]);

export const Mail = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  to: Type.String(),
  template: Type.String(),
  subject: Type.String(),
  locale: Type.String(),
  status: MailStatusSchema,
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  claimId: Nullable(Type.String()),
  createdAt: Time,
  sentAt: Nullable(Time),
  nextAttemptAt: Nullable(Time),
});

export const MailSummary = Type.Object({
  pending: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  undispatched: Type.Integer(),
  oldestPendingAt: Nullable(Time),
});
