// Sends due mail: lease a batch, render each message in its recipient's language, hand it to the
// transport, mark it sent. A failure is retried with back-off; a permanent refusal (5xx) is marked
// failed for an admin to see and retry. Rendering happens here, not at dispatch, so that the consent
// link's token never sits in the database.

import type { Locale } from "../../i18n/index.ts";
import type { Clock } from "../context.ts";
import type { Db } from "../db/engine.ts";
import type { MailMessagesTable } from "../db/schema.ts";
import { backoff, leaseDue } from "./lease.ts";
import { isPermanentSmtpError, type MailTransport, type OutgoingMail } from "./mail-transport.ts";
import { consentToken } from "./secret.ts";
import { type MailParams, renderMail, type TemplateName } from "./templates.ts";

export interface MailSenderDeps {
  db: Db;
  wall: Clock;
  secret: Buffer;
  baseUrl: string;
  from: string;
  transport: MailTransport;
  /** Test seam for the crash case: runs after the transport accepted a message, before it is marked. */
  afterSend?: (messageId: string) => Promise<void>;
}

export const MAIL_LEASE_MS = 5 * 60_000;
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 60 * 60_000;
/** About two days of hourly retries: past that a message is failed, and an admin can retry it. */
export const MAIL_MAX_ATTEMPTS = 60;

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

export function messageIdOf(id: string, baseUrl: string): string {
  return `<${id}@${new URL(baseUrl).hostname || "claimdesk.invalid"}>`;
}

export function mailLink(
  m: Pick<MailMessagesTable, "template">,
  p: MailParams,
  secret: Buffer,
  baseUrl: string,
) {
  const base = baseUrl.replace(/\/$/, "");
  if (m.template === "consent_request" && p.consentId)
    return `${base}/consent/${consentToken(secret, p.consentId)}`;
  return `${base}/claims/${p.claimId}`;
}

export function composeMail(
  m: MailMessagesTable,
  deps: Pick<MailSenderDeps, "secret" | "baseUrl" | "from">,
): OutgoingMail {
  const params = JSON.parse(m.params) as MailParams;
  const locale = m.locale as Locale;
  const rendered = renderMail(m.template as TemplateName, params, {
    locale,
    timeZone: m.time_zone,
    recipientName: m.recipient_name,
    link: mailLink(m, params, deps.secret, deps.baseUrl),
  });
  return {
    messageId: messageIdOf(m.id, deps.baseUrl),
    from: deps.from,
    to: { name: m.recipient_name, address: m.recipient_email },
    locale,
    ...rendered,
  };
}

export async function sendDueMail(deps: MailSenderDeps, limit = 50): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  const batch = await leaseDue(deps.db, "mail_messages", deps.wall.now(), limit, MAIL_LEASE_MS);
  const db = deps.db.kysely;
  for (const m of batch) {
    try {
      await deps.transport.send(composeMail(m, deps));
    } catch (err) {
      const permanent = isPermanentSmtpError(err) || m.attempts >= MAIL_MAX_ATTEMPTS;
      const now = deps.wall.now();
      await db
        .updateTable("mail_messages")
        .set({
          status: permanent ? "failed" : "pending",
          available_at: now + backoff(m.attempts, RETRY_BASE_MS, RETRY_CAP_MS),
          lease_until: null,
          last_error: String((err as Error).message ?? err).slice(0, 1000),
        })
        .where("id", "=", m.id)
        .execute();
      if (permanent) result.failed += 1;
      else result.retrying += 1;
      continue;
    }
    await deps.afterSend?.(m.id);
    await db
      .updateTable("mail_messages")
      .set({ status: "sent", sent_at: deps.wall.now(), lease_until: null, last_error: null })
      .where("id", "=", m.id)
      .execute();
    result.sent += 1;
  }
  return result;
}
