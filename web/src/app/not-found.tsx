// An address the app has no page for (or one the caller's abilities do not route): said plainly,
// with the way back, rather than silently showing the dashboard.
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../i18n/index.tsx";

export default function NotFound() {
  const { t } = useT();
  return (
    <Stack gap="sm">
      <Title order={1}>{t("web.notFound.title")}</Title>
      <Text>{t("web.notFound.body")}</Text>
      <Anchor component={Link} to="/">
        {t("web.notFound.back")}
      </Anchor>
    </Stack>
  );
}
