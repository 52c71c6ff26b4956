import { SegmentedControl } from "@mantine/core";
import { LANGUAGES, useT } from "../i18n/index.tsx";
import { isOneOf } from "../lib/one-of.ts";

export function LanguageSwitch() {
  const { t, lang, setLang } = useT();
  return (
    <SegmentedControl
      aria-label={t("web.language")}
      size="xs"
      value={lang}
      onChange={(v) => isOneOf(LANGUAGES, v) && setLang(v)}
      data={[
        { value: "en", label: "English" },
        { value: "es", label: "Español" },
      ]}
    />
  );
}
