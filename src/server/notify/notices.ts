// In-app notices that are not about a claim (no mail template behind them): their titles, in the
// user's language.
import type { Locale } from "../../i18n/index.ts";

export const NOTICE_TEMPLATES = ["webhook_paused"] as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];

export interface WebhookPausedParams {
  webhookId: string;
  url: string;
  reason: string;
}

export const isNotice = (template: string): template is NoticeTemplate =>
  (NOTICE_TEMPLATES as readonly string[]).includes(template);

const TITLES: Record<NoticeTemplate, Record<Locale, (p: WebhookPausedParams) => string>> = {
  webhook_paused: {
    en: (p) => `Webhook paused: ${p.url} (${p.reason})`,
    es: (p) => `Webhook en pausa: ${p.url} (${p.reason})`,
  },
};

export function noticeTitle(template: NoticeTemplate, params: WebhookPausedParams, locale: Locale): string {
  return TITLES[template][locale](params);
}
