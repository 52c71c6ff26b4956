// Every message of RULES.md §13 as one template, rendered from stored parameters in the
// recipient's language and time zone, as a subject, plain text and HTML.
import type { TFunction } from "i18next";
import type { DeadlineKind, Status } from "../../domain/vocabulary.ts";
import { formatDeadline, formatList, type Locale, translator } from "../../i18n/index.ts";
import { defang, defangName } from "./mail-text.ts";

export const TEMPLATES = [
  "submitted_partner",
  "submitted_reviewer",
  "review_started",
  "information_requested",
  "reminder_partner_response",
  "reminder_dispute_window",
  "approved",
  "consent_request",
  "customer_denied",
  "consent_passed",
  "customer_confirmed",
  "rejected",
  "dispute_received",
  "dispute_opened",
  "dispute_upheld",
  "dispute_overturned",
  "comment_added",
  "sla_due_soon",
  "sla_breached",
] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** Stored with each message: enough to render it again, identically, in any language. */
export interface MailParams {
  claimId: string;
  number: string;
  customer: string;
  tenantId: string;
  partner: string;
  activity: string;
  /** Product names, as the catalog spells them. */
  products: string[];
  /** The date the message is about (due, closes, ends), if any. */
  due: number | null;
  reasons: string[];
  comment: string | null;
  author: string | null;
  deadline: DeadlineKind | null;
  /** Where an overturned dispute sent the claim. */
  to: Status | null;
  /** Rejection mail: whether a dispute is still possible. */
  disputable: boolean;
  /** Consent mail: the request whose link it carries. */
  consentId: string | null;
  /** A comment mail folded from several comments: how many (the text is the latest's). */
  comments?: number;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface RenderOptions {
  locale: Locale;
  timeZone: string;
  recipientName: string;
  /** Where the button leads: the claim in the app, or the customer's consent page. */
  link: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function vars(p: MailParams, o: Pick<RenderOptions, "locale" | "timeZone">, t: TFunction) {
  return {
    number: p.number,
    // Typed by users: defanged so that no name can pose as a link (mail-text.ts).
    customer: defangName(p.customer),
    tenantId: p.tenantId,
    partner: defangName(p.partner),
    activity: t(`activity.${p.activity}`, { defaultValue: p.activity }).toLowerCase(),
    products: formatList(p.products.map(defangName), o.locale),
    due: p.due === null ? "" : formatDeadline(p.due, o.locale, o.timeZone),
    author: defangName(p.author ?? ""),
    deadline: p.deadline ? t(`deadline.${p.deadline}`) : "",
    timeZone: o.timeZone,
    comments: String(p.comments ?? 1),
  };
}

/** A folded comment mail says how many comments it stands for ("3 new comments"). */
function keyOf(template: TemplateName, part: "subject" | "body", p: MailParams): string {
  return (p.comments ?? 1) > 1 ? `mail.${template}.${part}_many` : `mail.${template}.${part}`;
}

export function subjectOf(
  template: TemplateName,
  p: MailParams,
  o: Pick<RenderOptions, "locale" | "timeZone">,
) {
  const t = translator(o.locale);
  return t(keyOf(template, "subject", p), vars(p, o, t));
}

function nextStep(template: TemplateName, p: MailParams, t: TFunction, v: ReturnType<typeof vars>): string {
  if (template === "rejected") return t(p.disputable ? "mail.rejected.next" : "mail.rejected.final", v);
  if (template === "dispute_overturned")
    return t(
      p.to === "approved"
        ? "mail.dispute_overturned.next_approved"
        : "mail.dispute_overturned.next_under_review",
      v,
    );
  return t(`mail.${template}.next`, v);
}

export function renderMail(template: TemplateName, p: MailParams, o: RenderOptions): Rendered {
  const t = translator(o.locale);
  const v = vars(p, o, t);
  const subject = t(keyOf(template, "subject", p), v);
  const greeting = t("mail.greeting", { name: defangName(o.recipientName) });
  const comment = p.comment === null ? null : defang(p.comment);
  const body = t(keyOf(template, "body", p), v);
  const reasons = p.reasons.map((r) => t(`reason.${r}`, { defaultValue: r }));
  const next = nextStep(template, p, t, v);
  const action = template === "consent_request" ? t("mail.consent_request.action") : t("mail.open");
  const footer = t("mail.footer", v);
  const commentLabel = (p.comments ?? 1) > 1 ? "mail.latest_comment" : "mail.comment";
  const customerLine = template === "consent_request" ? null : t("mail.customer", v);

  const text = [
    greeting,
    "",
    body,
    ...(customerLine ? ["", customerLine] : []),
    ...(reasons.length ? ["", t("mail.reasons"), ...reasons.map((r) => `- ${r}`)] : []),
    ...(comment ? ["", t(commentLabel), ...comment.split("\n").map((l) => `> ${l}`)] : []),
    "",
    next,
    "",
    `${action}: ${o.link}`,
    "",
    "--",
    footer,
    "",
  ].join("\n");

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${o.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:600px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<p style="font-size:13px;color:#57606a;margin:0 0 16px">${e(t("mail.claim", v))}</p>
<p>${e(greeting)}</p>
<p>${e(body)}</p>
${customerLine ? `<p style="color:#57606a">${e(customerLine)}</p>` : ""}
${reasons.length ? `<p><strong>${e(t("mail.reasons"))}</strong></p><ul>${reasons.map((r) => `<li>${e(r)}</li>`).join("")}</ul>` : ""}
${comment ? `<p><strong>${e(t(commentLabel))}</strong></p><blockquote style="border-left:3px solid #d0d7de;margin:0;padding:0 12px;color:#424a53">${e(comment).replace(/\n/g, "<br>")}</blockquote>` : ""}
<p>${e(next)}</p>
<p style="margin:24px 0"><a href="${e(o.link)}" style="background:#0b5cad;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${e(action)}</a></p>
<p style="font-size:12px;color:#57606a">${e(footer)}</p>
</div></body></html>
`;
  return { subject, text, html };
}
