// Pieces every form uses: an ApiError with its field errors, the per-row errors of a CSV import,
// a confirmation, and the formatting of months, days and rates.
import { Alert, Button, Group, List, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { ROW_REASONS } from "../../../src/domain/import-rows.ts";
import { currentT, useT } from "../i18n/index.tsx";
import "../i18n/problem-texts.ts";
import { ApiError } from "../lib/api-client.ts";
import { fieldLabel, fieldMessage, fieldPath, findFieldError } from "../lib/problem-messages.ts";
import { useErrorText } from "./error-alert.tsx";

/** Any thrown value as an ApiError, so that one display fits every failure. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, "client_error", err instanceof Error ? err.message : String(err));
}

/** The sentence for a field's error (also for nested fields such as `partnerIds.0`), translated. */
export function fieldError(error: Error | null, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = findFieldError(error.errors, field);
  return found && fieldMessage(found, currentT());
}

/** An ApiError with every field error listed by label (the fields also show theirs under the input). */
export function FormError({ error }: { error: Error | null }) {
  const { t } = useT();
  const text = useErrorText(error);
  if (!error) return null;
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <Alert color="red" role="alert" title={t("adminUi.common.failed")}>
      <Text size="sm">{text}</Text>
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((e) => (
            <List.Item key={`${e.field}:${e.message}`}>
              {fieldLabel(fieldPath(e), t)}: {fieldMessage(e, t)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function notifyDone(message: string, closeLabel: string) {
  notifications.show({ color: "green", message, closeButtonProps: { "aria-label": closeLabel } });
}

/** Title and one line saying what the screen is for. */
export function SectionHeader({
  title,
  text,
  actions,
}: {
  title: string;
  text?: string;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Title order={2}>{title}</Title>
        {text && (
          <Text size="sm" c="dimmed" maw={720}>
            {text}
          </Text>
        )}
      </Stack>
      {actions && <Group>{actions}</Group>}
    </Group>
  );
}

/** Every bad row of an import: line, column and reason. */
export function RowErrorsTable({
  errors,
  caption,
}: {
  errors: {
    line: number;
    column: string;
    reason: string;
    message?: string;
    params?: Record<string, string>;
  }[];
  caption: string;
}) {
  const { t } = useT();
  // The reason in the reader's language by its code; a code this app does not know yet, in the
  // server's English.
  const reason = (e: { reason: string; code?: string; params?: Record<string, string> }) => {
    const known = e.code !== undefined && (ROW_REASONS as readonly string[]).includes(e.code);
    return known ? t(`problems.rows.${e.code}`, e.params) : e.reason;
  };
  return (
    <Table.ScrollContainer minWidth={500} mah={480}>
      <Table striped verticalSpacing={4}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("adminUi.import.line")}</Table.Th>
            <Table.Th scope="col">{t("adminUi.import.column")}</Table.Th>
            <Table.Th scope="col">{t("adminUi.import.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            // The same line can fail in several columns, and a column more than once.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
            <Table.Tr key={i}>
              <Table.Td>{e.line}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.column}
                </Text>
              </Table.Td>
              <Table.Td>{reason(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Asks before something that cannot be undone. */
export function ConfirmModal({
  opened,
  title,
  text,
  confirm,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirm: string;
  busy: boolean;
  error: Error | null;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useT();
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("web.close") }}
      opened={opened}
      onClose={onClose}
      title={title}
    >
      <Stack>
        <Text>{text}</Text>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("adminUi.common.cancel")}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "2026-11" as "November 2026" in the reader's language. */
export function formatMonth(month: string, lang: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** A claim event's name (webhook topics are the claim history's event names). */
export function useEventLabel() {
  const { t } = useT();
  return (e: string) => t(`web.event.${e}`, { defaultValue: e });
}

/** Basis points as a percentage in the reader's language: 500 -> "5%". */
export function formatRate(bps: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

/**
 * A calendar day ("2026-01-01") in the reader's language. Not useT().date: that formats an instant in
 * the user's time zone, which would show the day before west of UTC.
 */
export function formatDay(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
