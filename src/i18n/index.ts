// Languages, translation (i18next) and formatting of dates in a time zone, for mail, the consent
// page and the web app alike.
import i18next, { type TFunction } from "i18next";
import { lastMomentToAct } from "../domain/deadline-view.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const RESOURCES = { en: { translation: en }, es: { translation: es } } as const;

const i18n = i18next.createInstance();
// Resources are in memory, so initialisation completes synchronously.
void i18n.init({
  resources: RESOURCES,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  initAsync: false,
  // Escaping is the renderer's job (HTML) — text mail and subjects must not get entities.
  interpolation: { escapeValue: false },
});

/** A locale we speak, from a stored preference such as `es-MX`, else null. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : null;
}

/** The best of our locales for an Accept-Language header (by quality, then order). */
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const l = supportedLocale(r.tag);
    if (l) return l;
  }
  return null;
}

export function translator(locale: Locale): TFunction {
  return i18n.getFixedT(locale);
}

/** A date and time as a reader in `timeZone` would write it, with the zone named. */
export function formatDateTime(at: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}

/**
 * A deadline for a reader, from its stored exclusive end: the inclusive last moment to act
 * (lastMomentToAct, the very instant the API gives screens), to the minute — "by March 11, 11:59 PM",
 * not "by March 12, 12:00 AM".
 */
export function formatDeadline(dueAt: number, locale: Locale, timeZone: string): string {
  return formatDateTime(lastMomentToAct(dueAt), locale, timeZone);
}

export function formatList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}
