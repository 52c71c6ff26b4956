// The client secret is write-only: a new provider may get one; an existing one says whether it has
// one and offers to replace or remove it, never to show it.
import { Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useT } from "../../../../i18n/index.tsx";

/** undefined: keep; null: remove; a string: the new secret. */
export type SecretChange = string | null | undefined;

export function SecretField({
  hasSecret,
  change,
  onChange,
  error,
}: {
  /** null for a provider not created yet. */
  hasSecret: boolean | null;
  change: SecretChange;
  onChange(change: SecretChange): void;
  error?: string;
}) {
  const { t } = useT();
  const input = (
    <PasswordInput
      label={t("idpUi.clientSecret")}
      description={t("idpUi.secretHint")}
      autoComplete="new-password"
      value={change ?? ""}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
  if (hasSecret === null) return input;
  if (typeof change === "string")
    return (
      <Stack gap={4}>
        {input}
        <Group>
          <Button size="xs" variant="subtle" onClick={() => onChange(undefined)}>
            {t("idpUi.secretKeep")}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("idpUi.clientSecret")}
      </Text>
      <Text size="sm" c="dimmed">
        {change === null
          ? t("idpUi.secretRemoved")
          : hasSecret
            ? t("idpUi.secretSet")
            : t("idpUi.secretNone")}
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => onChange("")}>
          {t("idpUi.secretReplace")}
        </Button>
        {hasSecret && change !== null && (
          <Button size="xs" variant="light" color="red" onClick={() => onChange(null)}>
            {t("idpUi.secretRemove")}
          </Button>
        )}
        {change === null && (
          <Button size="xs" variant="subtle" onClick={() => onChange(undefined)}>
            {t("idpUi.secretKeep")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
