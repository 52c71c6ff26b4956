import { Title } from "@mantine/core";
import { useT } from "../i18n/index.tsx";

export default function Payouts() {
  const { t } = useT();
  return <Title order={1}>{t("web.payouts.title")}</Title>;
}
