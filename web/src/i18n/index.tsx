// Languages in the app: i18next with the shared resources (statuses, reasons, activities,
// deadlines) and the app's own texts, a React context for the current language, and formatting of
// dates, numbers and money with Intl in that language. The choice is remembered per user (server)
// and, before sign-in, in this browser. English (also the fallback) comes with the first load;
// Spanish is fetched when it is chosen (ensureLanguage).
import i18next, { type TFunction } from "i18next";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { vocabularyEn } from "../../../src/i18n/vocabulary-en.ts";
import { formatMoney } from "../lib/money.ts";
import { webEn } from "./en.ts";

export const LANGUAGES = ["en", "es"] as const;
export type Lang = (typeof LANGUAGES)[number];

const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    en: { translation: { ...vocabularyEn, web: webEn } },
  },
  lng: "en",
  fallbackLng: "en",
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/**
 * Texts that only some pages need (administration, payouts) arrive with those pages' chunks
 * instead of in the first load: each such page registers its texts when its module loads.
 */
export function addTexts(key: string, en: object, es: object): void {
  i18n.addResourceBundle("en", "translation", { [key]: en }, true, true);
  i18n.addResourceBundle("es", "translation", { [key]: es }, true, true);
}

const loaders: Record<Lang, () => Promise<object>> = {
  en: () => Promise.resolve({}),
  es: () => import("./es-texts.ts").then((m) => m.textsEs),
};
const loaded = new Map<Lang, Promise<void>>([["en", Promise.resolve()]]);

/** Resolves once `lang`'s texts are in; a language is fetched once. */
export function ensureLanguage(lang: Lang): Promise<void> {
  let p = loaded.get(lang);
  if (!p) {
    p = loaders[lang]().then((texts) => {
      i18n.addResourceBundle(lang, "translation", texts, true, true);
    });
    // A failed fetch may be tried again (the next choice of the language).
    p.catch(() => loaded.delete(lang));
    loaded.set(lang, p);
  }
  return p;
}

export function initialLanguage(): Lang {
  const stored = localStorage.getItem("claimdesk.lang");
  if (stored === "en" || stored === "es") return stored;
  return navigator.language.toLowerCase().startsWith("es") ? "es" : "en";
}

interface LangContext {
  lang: Lang;
  setLang(lang: Lang): void;
  timeZone: string | undefined;
}

const Ctx = createContext<LangContext>({ lang: "en", setLang: () => {}, timeZone: undefined });

// The language on screen, for the few texts read outside a component's render (fieldError).
let current: Lang = "en";
/** The translation function of the language on screen. */
export const currentT = (): TFunction => i18n.getFixedT(current);

export function LanguageProvider({ value, children }: { value: LangContext; children: ReactNode }) {
  current = value.lang;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export interface Formatters {
  t: TFunction;
  lang: Lang;
  setLang(lang: Lang): void;
  date(iso: string | number): string;
  dateTime(iso: string | number): string;
  number(n: number): string;
  money(minor: number, currency: string): string;
}

export function useT(): Formatters {
  const { lang, setLang, timeZone } = useContext(Ctx);
  return useMemo(() => {
    const t = i18n.getFixedT(lang);
    const d = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone });
    const dt = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone });
    const n = new Intl.NumberFormat(lang);
    return {
      t,
      lang,
      setLang,
      date: (v) => d.format(new Date(v)),
      dateTime: (v) => dt.format(new Date(v)),
      number: (v) => n.format(v),
      money: (minor, currency) => formatMoney(minor, currency, lang),
    };
  }, [lang, setLang, timeZone]);
}
