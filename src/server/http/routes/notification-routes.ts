// In-app notifications for the signed-in user, and the mail backlog for the program admin.
import { Type } from "typebox";
import { getMailSummary, listMailMessages, retryMailMessages } from "../../notify/use-cases/mail-admin.ts";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../../notify/use-cases/notifications.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { Mail, MailStatusSchema, MailSummary, Notification, Paging } from "../schemas/notify.ts";
import { Nullable } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";
import { notifyContextOf } from "./notify-context.ts";

export function notificationRoutes(app: App, deps: HttpDeps): void {
  const ctx = notifyContextOf(deps);

  app.get(
    "/api/v1/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "The signed-in user's notifications, newest first",
        querystring: Type.Object(
          { unread: Type.Optional(Type.Boolean()), ...Paging },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Notification),
            nextCursor: Nullable(Type.String()),
            unread: Type.Integer(),
          }),
          ...errors(401, 422),
        },
      },
    },
    async (req) => listNotifications(ctx, callerOf(req).principal, req.query),
  );

  app.post(
    "/api/v1/notifications/:id/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark one notification read",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Notification, ...errors(401, 404) },
      },
    },
    async (req) => markNotificationRead(ctx, callerOf(req).principal, req.params.id),
  );

  app.post(
    "/api/v1/notifications/read-all",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark every notification of the user read",
        response: { 200: Type.Object({ updated: Type.Integer() }), ...errors(401) },
      },
    },
    async (req) => markAllNotificationsRead(ctx, callerOf(req).principal),
  );

  app.get(
    "/api/v1/admin/mail/summary",
    {
      schema: {
        tags: ["administration"],
        summary: "Mail backlog: waiting, sent and failed messages",
        response: { 200: MailSummary, ...errors(401, 403) },
      },
    },
    async (req) => getMailSummary(ctx, callerOf(req).principal),
  );

  app.get(
    "/api/v1/admin/mail",
    {
      schema: {
        tags: ["administration"],
        summary: "Mail messages, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(MailStatusSchema),
            claimId: Type.Optional(Type.String({ maxLength: 64 })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Mail), nextCursor: Nullable(Type.String()) }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req) => listMailMessages(ctx, callerOf(req).principal, req.query),
  );

  app.post(
    "/api/v1/admin/mail/retry",
    {
      schema: {
        tags: ["administration"],
        summary: "Send a message (id) or every failed message (no id) again now",
        body: Type.Object(
          { id: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ requeued: Type.Integer() }), ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => retryMailMessages(ctx, callerOf(req).principal, req.body),
  );
}
