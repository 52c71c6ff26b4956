// The language control: a radio group of the two languages (arrow keys move between them).
import { useId } from "react";
import { LANGUAGES, useT } from "../i18n/index.tsx";
import { isOneOf } from "../lib/one-of.ts";
import classes from "./language-switch.module.css";

const NAMES = { en: "English", es: "Español" } as const;

export function LanguageSwitch() {
  const { t, lang, setLang } = useT();
  const name = useId();
  return (
    <div role="radiogroup" aria-label={t("web.language")} className={classes.group}>
      {LANGUAGES.map((l) => (
        <label key={l} className={classes.option} lang={l}>
          <input
            type="radio"
            className={classes.input}
            name={name}
            value={l}
            checked={lang === l}
            onChange={(e) => isOneOf(LANGUAGES, e.currentTarget.value) && setLang(e.currentTarget.value)}
          />
          {NAMES[l]}
        </label>
      ))}
    </div>
  );
}
