// A failed load, said in one alert.
import { Alert } from "@mantine/core";
import { useT } from "../i18n/index.tsx";

export function ErrorAlert({ error }: { error: Error | null | undefined }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t("web.error")}>
      {error.message}
    </Alert>
  );
}
