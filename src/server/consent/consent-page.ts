// The customer's consent page: plain server-rendered HTML with one form, no script, readable on a
// phone, in English or Spanish. Every dynamic value is escaped.
import {
  formatDateTime,
  formatDeadline,
  formatList,
  LOCALES,
  type Locale,
  translator,
} from "../../i18n/index.ts";
import { escapeHtml as e } from "../notify/templates.ts";
import type { ConsentView } from "./consent.ts";

export type PageNotice = "notFound" | "closed" | "rateLimited" | "badForm" | null;

export interface PageInput {
  locale: Locale;
  /** The page's own path (the token in it), for the form and the language switch. */
  path: string;
  view: ConsentView | null;
  notice: PageNotice;
  csrf: string | null;
}

const STYLE = `body{margin:0;font-family:Segoe UI,Helvetica,Arial,sans-serif;background:#f4f5f7;color:#1f2328}
main{max-width:640px;margin:0 auto;padding:24px}
.card{background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:8px 16px}dt{font-weight:600}dd{margin:0}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:8px;min-height:5em}
.actions{display:flex;gap:12px;margin-top:16px;flex-wrap:wrap}
button{font:inherit;padding:10px 20px;border-radius:6px;border:1px solid #0b5cad;cursor:pointer}
.deny{background:#fff;color:#a40e26;border-color:#a40e26}.confirm{background:#0b5cad;color:#fff}
button:focus-visible,a:focus-visible,textarea:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.notice{padding:12px 16px;border-radius:6px;background:#eef6ff;border:1px solid #b6d4fe}
nav{text-align:right;margin-bottom:12px}nav a{margin-left:8px;color:#0b5cad}`;

export function renderConsentPage(p: PageInput): string {
  const t = translator(p.locale);
  const v = p.view;
  const when = (at: number) => formatDateTime(at, p.locale, v?.timeZone ?? "UTC");
  const switcher = LOCALES.map((l) =>
    l === p.locale
      ? `<span aria-current="true">${l.toUpperCase()}</span>`
      : `<a href="${e(p.path)}?lang=${l}" lang="${l}" hreflang="${l}">${l.toUpperCase()}</a>`,
  ).join(" ");

  let content: string;
  if (p.notice === "rateLimited")
    content = `<p class="notice" role="alert">${e(t("consent.rateLimited"))}</p>`;
  else if (!v || p.notice === "notFound")
    content = `<p class="notice" role="status">${e(t("consent.notFound"))}</p>`;
  else {
    const facts = `<p>${e(t("consent.intro", { partner: v.partner }))}</p>
<dl>
<dt>${e(t("consent.customer"))}</dt><dd>${e(v.customer.name)} (${e(v.customer.domain)})</dd>
<dt>${e(t("consent.partner"))}</dt><dd>${e(v.partner)}</dd>
<dt>${e(t("consent.activity"))}</dt><dd>${e(t(`activity.${v.activity}`, { defaultValue: v.activity }))}</dd>
<dt>${e(t("consent.products"))}</dt><dd>${e(
      formatList(
        v.products.map((x) => x.name),
        p.locale,
      ),
    )}</dd>
<dt>${e(t("consent.endsAt"))}</dt><dd><time datetime="${new Date(v.endsAt).toISOString()}">${e(formatDeadline(v.endsAt, p.locale, v.timeZone))}</time></dd>
</dl>`;
    let answer: string;
    if (v.state === "denied" && v.decidedAt !== null)
      answer = `<p class="notice" role="status">${e(t("consent.denied", { at: when(v.decidedAt) }))}</p>`;
    else if (v.state === "confirmed" && v.decidedAt !== null)
      answer = `<p class="notice" role="status">${e(t("consent.confirmed", { at: when(v.decidedAt) }))}</p>`;
    else if (v.state !== "open" || p.notice === "closed")
      answer = `<p class="notice" role="status">${e(t("consent.closed"))}</p>`;
    else
      answer = `${p.notice ? `<p class="notice" role="alert">${e(t(`consent.${p.notice}`))}</p>` : ""}
<p>${e(t("consent.explainConfirm", { endsAt: when(v.endsAt) }))}</p>
<p>${e(t("consent.explainDeny"))}</p>
<form method="post" action="${e(p.path)}">
<input type="hidden" name="csrf" value="${e(p.csrf ?? "")}">
<input type="hidden" name="lang" value="${p.locale}">
<label for="comment">${e(t("consent.comment"))}</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<div class="actions">
<button class="deny" type="submit" name="decision" value="deny">${e(t("consent.deny"))}</button>
<button class="confirm" type="submit" name="decision" value="confirm">${e(t("consent.confirm"))}</button>
</div>
</form>`;
    content = `${facts}\n${answer}`;
  }
  return `<!doctype html>
<html lang="${p.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(t("consent.title"))}</title><style>${STYLE}</style></head>
<body><main>
<nav aria-label="${e(t("consent.language"))}">${switcher}</nav>
<div class="card">
<h1>${e(t("consent.title"))}</h1>
${content}
</div>
</main></body></html>
`;
}
