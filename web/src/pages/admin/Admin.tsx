import { Title } from "@mantine/core";
import { useT } from "../../i18n/index.tsx";

export default function Admin() {
  const { t } = useT();
  return <Title order={1}>{t("web.admin.title")}</Title>;
}
