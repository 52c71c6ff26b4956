// The mail backlog as the program admin sees it: counts, messages, and sending again.
import { mayManageMail } from "../../../domain/policies/notify.ts";
import { forbidden, notFound } from "../../../domain/refusal.ts";
import type { MailMessagesTable, MailStatus } from "../../db/schema.ts";
import type { Principal } from "../../principal.ts";
import { listMail, mailSummary, retryMail } from "../mail-backlog.ts";
import { messageIdOf } from "../mail-sender.ts";
import type { NotifyContext } from "./notify-context.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function refuseUnlessMailAdmin(p: Principal): void {
  if (!mayManageMail(p)) throw forbidden("the mail backlog is for program admins");
}

function mailView(m: MailMessagesTable, baseUrl: string) {
  return {
    id: m.id,
    messageId: messageIdOf(m.id, baseUrl),
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
  };
}

export async function getMailSummary(ctx: NotifyContext, p: Principal) {
  refuseUnlessMailAdmin(p);
  const s = await mailSummary(ctx.app.db.kysely);
  return { ...s, oldestPendingAt: iso(s.oldestPendingAt) };
}

export async function listMailMessages(
  ctx: NotifyContext,
  p: Principal,
  f: { status?: MailStatus; claimId?: string; limit?: number; cursor?: string },
) {
  refuseUnlessMailAdmin(p);
  const { rows, nextCursor } = await listMail(ctx.app.db.kysely, { ...f, limit: f.limit ?? 50 });
  return { items: rows.map((m) => mailView(m, ctx.baseUrl)), nextCursor };
}

/** One message (id) or every failed message (no id) back to the queue, due now. */
export async function retryMailMessages(ctx: NotifyContext, p: Principal, input: { id?: string }) {
  refuseUnlessMailAdmin(p);
  const which = input.id ? { id: input.id } : { allFailed: true as const };
  const requeued = await retryMail(ctx.app.db.kysely, which, ctx.wall.now());
  if (input.id && requeued === 0) throw notFound(`no unsent message ${input.id}`);
  return { requeued };
}
