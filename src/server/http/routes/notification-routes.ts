// In-app notifications for the signed-in user, and the mail backlog for the program admin.
import { Type } from "typebox";
import { RefusalError } from "../../../domain/refusal.ts";
import { supportedLocale } from "../../../i18n/index.ts";
import type { MailMessagesTable, NotificationsTable } from "../../db/schema.ts";
import { listMail, mailSummary, retryMail } from "../../notify/mail-backlog.ts";
import { messageIdOf } from "../../notify/mail-sender.ts";
import { decodeIdCursor, page } from "../../notify/pages.ts";
import { type MailParams, subjectOf, type TemplateName } from "../../notify/templates.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { Enum, Nullable, Time } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

const Notification = Type.Object({
  id: Type.String(),
  event: Type.String({ description: "the message template, e.g. information_requested" }),
  title: Type.String({ description: "in the user's language" }),
  claimId: Nullable(Type.String()),
  claimNumber: Nullable(Type.String()),
  at: Time,
  readAt: Nullable(Time),
});

const Mail = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  to: Type.String(),
  template: Type.String(),
  subject: Type.String(),
  locale: Type.String(),
  status: Enum(["pending", "sent", "failed"]),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  claimId: Nullable(Type.String()),
  createdAt: Time,
  sentAt: Nullable(Time),
  nextAttemptAt: Nullable(Time),
});

export function notificationRoutes(app: App, { ctx, wall, baseUrl }: HttpDeps): void {
  const db = ctx.db.kysely;

  const notificationJson = (n: NotificationsTable, userLocale: string) => {
    const params = JSON.parse(n.params) as MailParams & { timeZone: string };
    const locale = supportedLocale(userLocale) ?? "en";
    return {
      id: n.id,
      event: n.template,
      title: subjectOf(n.template as TemplateName, params, { locale, timeZone: params.timeZone }),
      claimId: n.claim_id,
      claimNumber: params.number ?? null,
      at: new Date(n.at).toISOString(),
      readAt: iso(n.read_at),
    };
  };

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
    async (req) => {
      const user = callerOf(req).user;
      const limit = req.query.limit ?? 50;
      let q = db
        .selectFrom("notifications")
        .selectAll()
        .where("user_id", "=", user.id)
        .orderBy("id", "desc")
        .limit(limit + 1);
      if (req.query.unread) q = q.where("read_at", "is", null);
      const after = decodeIdCursor(req.query.cursor);
      if (after) q = q.where("id", "<", after);
      const { rows, nextCursor } = page(await q.execute(), limit);
      const unread = await db
        .selectFrom("notifications")
        .select(db.fn.countAll<number>().as("n"))
        .where("user_id", "=", user.id)
        .where("read_at", "is", null)
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((n) => notificationJson(n, user.locale)),
        nextCursor,
        unread: Number(unread.n),
      };
    },
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
    async (req) => {
      const user = callerOf(req).user;
      await db
        .updateTable("notifications")
        .set({ read_at: wall.now() })
        .where("id", "=", req.params.id)
        .where("user_id", "=", user.id)
        .where("read_at", "is", null)
        .execute();
      const row = await db
        .selectFrom("notifications")
        .selectAll()
        .where("id", "=", req.params.id)
        .where("user_id", "=", user.id)
        .executeTakeFirst();
      if (!row) throw new RefusalError({ code: "not_found", detail: `no notification ${req.params.id}` });
      return notificationJson(row, user.locale);
    },
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
    async (req) => {
      const res = await db
        .updateTable("notifications")
        .set({ read_at: wall.now() })
        .where("user_id", "=", callerOf(req).user.id)
        .where("read_at", "is", null)
        .executeTakeFirst();
      return { updated: Number(res.numUpdatedRows) };
    },
  );

  const programAdminOnly = (role: string) => {
    if (role !== "program_admin")
      throw new RefusalError({ code: "forbidden", detail: "the mail backlog is for program admins" });
  };
  const base = baseUrl ?? "http://localhost";
  const mailJson = (m: MailMessagesTable) => ({
    id: m.id,
    messageId: messageIdOf(m.id, base),
    to: m.recipient_email,
    template: m.template,
    subject: m.subject,
    locale: m.locale,
    status: m.status,
    attempts: m.attempts,
    lastError: m.last_error,
    claimId: m.claim_id,
    createdAt: new Date(m.created_at).toISOString(),
    sentAt: iso(m.sent_at),
    nextAttemptAt: m.status === "pending" ? iso(m.available_at) : null,
  });

  app.get(
    "/api/v1/admin/mail/summary",
    {
      schema: {
        tags: ["administration"],
        summary: "Mail backlog: waiting, sent and failed messages",
        response: {
          200: Type.Object({
            pending: Type.Integer(),
            sent: Type.Integer(),
            failed: Type.Integer(),
            undispatched: Type.Integer(),
            oldestPendingAt: Nullable(Time),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      programAdminOnly(callerOf(req).user.role);
      const s = await mailSummary(db);
      return { ...s, oldestPendingAt: iso(s.oldestPendingAt) };
    },
  );

  app.get(
    "/api/v1/admin/mail",
    {
      schema: {
        tags: ["administration"],
        summary: "Mail messages, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Enum(["pending", "sent", "failed"])),
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
    async (req) => {
      programAdminOnly(callerOf(req).user.role);
      const { rows, nextCursor } = await listMail(db, { ...req.query, limit: req.query.limit ?? 50 });
      return { items: rows.map(mailJson), nextCursor };
    },
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
    async (req) => {
      programAdminOnly(callerOf(req).user.role);
      const id = req.body.id;
      const requeued = await retryMail(db, id ? { id } : { allFailed: true }, wall.now());
      if (id && requeued === 0)
        throw new RefusalError({ code: "not_found", detail: `no unsent message ${id}` });
      return { requeued };
    },
  );
}
