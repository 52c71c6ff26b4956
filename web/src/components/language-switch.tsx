import { SegmentedControl } from "@mantine/core";
import { type Lang, useT } from "../i18n/index.tsx";

export function LanguageSwitch() {
  const { t, lang, setLang } = useT();
  return (
    <SegmentedControl
      aria-label={t("web.language")}
      size="xs"
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: "en", label: "English" },
        { value: "es", label: "Español" },
      ]}
    />
  );
}
