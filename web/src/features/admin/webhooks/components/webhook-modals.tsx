// Adding an endpoint, and showing its signing secret the one time it is made.
import { Alert, Button, CopyButton, Group, Modal, MultiSelect, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { WEBHOOK_EVENTS } from "../../../../../../src/domain/events.ts";
import { FormModal } from "../../../../components/data-table.tsx";
import { useEventLabel } from "../../../../components/forms.tsx";
import { useFieldErrors } from "../../../../components/use-field-errors.ts";
import { useT } from "../../../../i18n/index.tsx";
import { isOneOf } from "../../../../lib/one-of.ts";
import { useCreateWebhook } from "../api/webhooks.ts";

/** The secret, once: copy it now, it is not shown again. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const { t } = useT();
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("web.close") }}
      opened={secret !== null}
      onClose={onClose}
      title={t("adminUi.webhooks.secretTitle")}
      size="lg"
    >
      <Stack>
        <Alert color="yellow">{t("adminUi.webhooks.secretOnce")}</Alert>
        <TextInput label={t("adminUi.webhooks.secret")} value={secret ?? ""} readOnly ff="monospace" />
        <Group justify="flex-end">
          <CopyButton value={secret ?? ""}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? "green" : undefined} onClick={copy}>
                {copied ? t("adminUi.webhooks.copied") : t("adminUi.webhooks.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t("adminUi.webhooks.secretSaved")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CreateWebhookModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose(): void;
  /** With the signing secret, shown this once. */
  onCreated(secret: string): void;
}) {
  const { t } = useT();
  const eventLabel = useEventLabel();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const req = useCreateWebhook();
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const submit = () => {
    const picked = events.filter((e) => isOneOf(WEBHOOK_EVENTS, e));
    req.mutate(
      {
        url: url.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        events: picked.length ? picked : null,
      },
      {
        onSuccess: (hook) => {
          setUrl("");
          setDescription("");
          setEvents([]);
          onCreated(hook.secret);
        },
      },
    );
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("adminUi.webhooks.create")}
      size="lg"
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.webhooks.createSubmit")}
    >
      <TextInput
        label={t("adminUi.webhooks.url")}
        description={t("adminUi.webhooks.urlHint")}
        type="url"
        required
        value={url}
        onChange={(e) => {
          fields.clear("url");
          setUrl(e.currentTarget.value);
        }}
        error={fields.of("url")}
      />
      <TextInput
        label={t("adminUi.webhooks.description")}
        value={description}
        onChange={(e) => {
          fields.clear("description");
          setDescription(e.currentTarget.value);
        }}
        error={fields.of("description")}
      />
      <MultiSelect
        label={t("adminUi.webhooks.events")}
        description={t("adminUi.webhooks.eventsHint")}
        searchable
        clearable
        value={events}
        onChange={(v) => {
          fields.clear("events");
          setEvents(v);
        }}
        data={WEBHOOK_EVENTS.map((e) => ({ value: e, label: eventLabel(e) }))}
        error={fields.of("events")}
      />
    </FormModal>
  );
}
