// The signed-in user's in-app notifications: the claim messages of RULES.md §13 and the
// notices about the user's webhooks, in the user's language, newest first, paged, marked read.
import { mayReadNotifications } from "../../../domain/policies/notify.ts";
import { forbidden, notFound } from "../../../domain/refusal.ts";
import { supportedLocale } from "../../../i18n/index.ts";
import { rowLimit } from "../../db/row-limit.ts";
import type { NotificationsTable } from "../../db/schema.ts";
import type { Principal } from "../../principal.ts";
import { isNotice, noticeTitle, type WebhookPausedParams } from "../notices.ts";
import { decodeIdCursor, page } from "../pages.ts";
import { type MailParams, subjectOf, type TemplateName } from "../templates.ts";
import type { NotifyContext } from "./notify-context.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function userOf(p: Principal) {
  if (p.kind !== "user" || !mayReadNotifications(p)) throw forbidden("notifications are for signed-in users");
  return p;
}

function notificationView(n: NotificationsTable, userLocale: string) {
  const locale = supportedLocale(userLocale) ?? "en";
  let title: string;
  let claimNumber: string | null = null;
  let webhookId: string | null = null;
  if (isNotice(n.template)) {
    const params = JSON.parse(n.params) as WebhookPausedParams;
    title = noticeTitle(n.template, params, locale);
    webhookId = params.webhookId;
  } else {
    const params = JSON.parse(n.params) as MailParams & { timeZone: string };
    title = subjectOf(n.template as TemplateName, params, { locale, timeZone: params.timeZone });
    claimNumber = params.number ?? null;
  }
  return {
    id: n.id,
    event: n.template,
    title,
    claimId: n.claim_id,
    claimNumber,
    webhookId,
    at: new Date(n.at).toISOString(),
    readAt: iso(n.read_at),
  };
}

export async function listNotifications(
  ctx: NotifyContext,
  p: Principal,
  f: { unread?: boolean; limit?: number; cursor?: string },
) {
  const user = userOf(p);
  const db = ctx.app.db.kysely;
  const limit = f.limit ?? 50;
  let q = db
    .selectFrom("notifications")
    .selectAll()
    .where("user_id", "=", user.id)
    .orderBy("id", "desc")
    .limit(rowLimit(limit + 1));
  if (f.unread) q = q.where("read_at", "is", null);
  const after = decodeIdCursor(f.cursor);
  if (after) q = q.where("id", "<", after);
  const { rows, nextCursor } = page(await q.execute(), limit);
  const unread = await db
    .selectFrom("notifications")
    .select(db.fn.countAll<number>().as("n"))
    .where("user_id", "=", user.id)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((n) => notificationView(n, user.locale)),
    nextCursor,
    unread: Number(unread.n),
  };
}

export async function markNotificationRead(ctx: NotifyContext, p: Principal, id: string) {
  const user = userOf(p);
  const db = ctx.app.db.kysely;
  await db
    .updateTable("notifications")
    .set({ read_at: ctx.wall.now() })
    .where("id", "=", id)
    .where("user_id", "=", user.id)
    .where("read_at", "is", null)
    .execute();
  const row = await db
    .selectFrom("notifications")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (!row) throw notFound(`no notification ${id}`);
  return notificationView(row, user.locale);
}

export async function markAllNotificationsRead(ctx: NotifyContext, p: Principal) {
  const user = userOf(p);
  const res = await ctx.app.db.kysely
    .updateTable("notifications")
    .set({ read_at: ctx.wall.now() })
    .where("user_id", "=", user.id)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return { updated: Number(res.numUpdatedRows) };
}
