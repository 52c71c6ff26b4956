// Several comments on one claim within a few minutes tell each recipient once (issue 12: 1,509
// comments used to send ~3,000 mails). The outbox and the history keep every comment; what is
// folded together is only what leaves: a comment's mail is held for COMMENT_DIGEST_MS after the
// first comment, later comments update that held mail (count, latest text and author), and the
// recipient's unread in-app notification about the claim's comments is replaced by one that counts
// them. A comment after the mail left starts a new one.
import type { Insertable, Transaction } from "kysely";
import { rowLimit } from "../db/row-limit.ts";
import type { DB, MailMessagesTable, NotificationsTable } from "../db/schema.ts";
import type { Recipient } from "./recipients.ts";
import { type MailParams, subjectOf } from "./templates.ts";

export const COMMENT_DIGEST_MS = 5 * 60_000;
const TEMPLATE = "comment_added";

export const coalesces = (template: string) => template === TEMPLATE;

const countOf = (params: string) => (JSON.parse(params) as Pick<MailParams, "comments">).comments ?? 1;

/**
 * Queues a comment's mail, or folds it into the one already held for this recipient and claim.
 * Answers whether a new message was queued.
 */
export async function queueCommentMail(
  trx: Transaction<DB>,
  engine: "sqlite" | "postgres",
  row: Insertable<MailMessagesTable>,
  params: MailParams,
  r: Recipient,
  wallNow: number,
): Promise<boolean> {
  // Only a message no sender holds and that is not yet due: a leased one may be on the wire.
  let q = trx
    .selectFrom("mail_messages")
    .select(["id", "params"])
    .where("claim_id", "=", row.claim_id ?? "")
    .where("template", "=", TEMPLATE)
    .where("recipient_email", "=", row.recipient_email)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .where("lease_until", "is", null)
    .where("available_at", ">", wallNow)
    .orderBy("available_at", "desc")
    .limit(rowLimit(1));
  if (engine === "postgres") q = q.forUpdate();
  const held = await q.executeTakeFirst();
  if (held) {
    const merged: MailParams = { ...params, comments: countOf(held.params) + 1 };
    const done = await trx
      .updateTable("mail_messages")
      .set({
        params: JSON.stringify(merged),
        subject: subjectOf(TEMPLATE, merged, r),
        locale: r.locale,
        time_zone: r.timeZone,
      })
      .where("id", "=", held.id)
      .where("lease_until", "is", null)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 1) return false;
  }
  await trx
    .insertInto("mail_messages")
    .values({ ...row, available_at: wallNow + COMMENT_DIGEST_MS })
    .execute();
  return true;
}

/** Writes the comment's in-app notification, replacing the user's unread one about this claim's comments. */
export async function notifyComment(
  trx: Transaction<DB>,
  row: Insertable<NotificationsTable>,
  params: MailParams & { locale: string; timeZone: string },
): Promise<void> {
  const unread = await trx
    .selectFrom("notifications")
    .select(["id", "params"])
    .where("user_id", "=", row.user_id)
    .where("claim_id", "=", row.claim_id ?? "")
    .where("template", "=", TEMPLATE)
    .where("read_at", "is", null)
    .where("at", ">=", row.at - COMMENT_DIGEST_MS)
    .orderBy("at", "desc")
    .limit(rowLimit(1))
    .executeTakeFirst();
  let comments = 1;
  if (unread) {
    comments = countOf(unread.params) + 1;
    // Replaced, not updated: the newest notification is listed first (ids are time-ordered).
    await trx.deleteFrom("notifications").where("id", "=", unread.id).execute();
  }
  await trx
    .insertInto("notifications")
    .values({ ...row, params: JSON.stringify({ ...params, comments }) })
    .execute();
}
