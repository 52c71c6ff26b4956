// Webhook endpoints: a global admin manages its organisation's, a program admin the operator's
// (GET/POST /api/v1/webhooks, DELETE /api/v1/webhooks/:id, POST .../:id/rotate-secret). The signing
// secret is shown once, when it is made. Deliveries of one endpoint: WebhookDeliveries.tsx.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { Link, Route, Routes } from "react-router";
import { WEBHOOK_EVENTS } from "../../../../../../src/domain/events.ts";
import { FormModal, ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import {
  ConfirmModal,
  fieldError,
  notifyDone,
  SectionHeader,
  useEventLabel,
} from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { isOneOf } from "../../../../lib/one-of.ts";
import { useUser } from "../../../../lib/session.tsx";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRotateSecret,
  useWebhooks,
  type Webhook,
} from "../api/webhooks.ts";
import WebhookDeliveries from "./webhook-deliveries.tsx";

/** The secret, once: copy it now, it is not shown again. */
function SecretModal({ secret, onClose }: { secret: string | null; onClose(): void }) {
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

function CreateWebhookModal({
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
        onChange={(e) => setUrl(e.currentTarget.value)}
        error={fieldError(req.error, "url")}
      />
      <TextInput
        label={t("adminUi.webhooks.description")}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={fieldError(req.error, "description")}
      />
      <MultiSelect
        label={t("adminUi.webhooks.events")}
        description={t("adminUi.webhooks.eventsHint")}
        searchable
        clearable
        value={events}
        onChange={setEvents}
        data={WEBHOOK_EVENTS.map((e) => ({ value: e, label: eventLabel(e) }))}
        error={fieldError(req.error, "events")}
      />
    </FormModal>
  );
}

function WebhookList() {
  const { t, dateTime } = useT();
  const { organization } = useUser();
  const eventLabel = useEventLabel();
  const list = useWebhooks();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const deleteReq = useDeleteWebhook();
  const rotateReq = useRotateSecret();
  const items = list.data?.items ?? [];

  const remove = (hook: Webhook) =>
    deleteReq.mutate(hook.id, {
      onSuccess: () => {
        notifyDone(t("adminUi.webhooks.deleted", { url: hook.url }), t("web.close"));
        setDeleting(null);
      },
    });
  const rotate = (hook: Webhook) =>
    rotateReq.mutate(hook.id, {
      onSuccess: (r) => {
        setRotating(null);
        setSecret(r.secret);
      },
    });

  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.webhooks.title")}
        text={
          // A user of no organisation manages the operator's own endpoints.
          !organization
            ? t("adminUi.webhooks.introOperator")
            : t("adminUi.webhooks.introOrganization", { name: organization?.name ?? "" })
        }
        actions={<Button onClick={() => setCreating(true)}>{t("adminUi.webhooks.create")}</Button>}
      />
      <ErrorAlert error={list.error} />
      <ListTable
        loaded={list.data !== undefined}
        empty={t("adminUi.webhooks.empty")}
        minWidth={800}
        striped
        highlightOnHover
        caption={t("adminUi.webhooks.caption", { count: items.length })}
        columns={[
          t("adminUi.webhooks.url"),
          t("adminUi.webhooks.events"),
          t("adminUi.webhooks.createdAt"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(h) => (
          <Table.Tr key={h.id}>
            <Table.Td>
              <Code>{h.url}</Code>
              {h.description && (
                <Text size="xs" c="dimmed">
                  {h.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {h.events === null ? (
                <Badge variant="light">{t("adminUi.webhooks.allEvents")}</Badge>
              ) : (
                <Group gap={4}>
                  {h.events.map((e) => (
                    <Badge key={e} variant="outline" size="sm">
                      {eventLabel(e)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td>{dateTime(h.createdAt)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to={h.id} size="sm">
                  {t("adminUi.webhooks.deliveries")}
                </Anchor>
                {h.abilities.rotateSecret && (
                  <Button size="xs" variant="light" onClick={() => setRotating(h)}>
                    {t("adminUi.webhooks.rotate")}
                  </Button>
                )}
                {h.abilities.delete && (
                  <Button size="xs" variant="light" color="red" onClick={() => setDeleting(h)}>
                    {t("adminUi.webhooks.delete")}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <CreateWebhookModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(secret) => {
          setCreating(false);
          setSecret(secret);
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t("adminUi.webhooks.delete")}
        text={t("adminUi.webhooks.deleteConfirm", { url: deleting?.url ?? "" })}
        confirm={t("adminUi.webhooks.delete")}
        busy={deleteReq.isPending}
        error={deleteReq.error}
        onConfirm={() => deleting && remove(deleting)}
        onClose={() => {
          deleteReq.reset();
          setDeleting(null);
        }}
      />
      <ConfirmModal
        opened={rotating !== null}
        title={t("adminUi.webhooks.rotate")}
        text={t("adminUi.webhooks.rotateConfirm", { url: rotating?.url ?? "" })}
        confirm={t("adminUi.webhooks.rotate")}
        busy={rotateReq.isPending}
        error={rotateReq.error}
        onConfirm={() => rotating && rotate(rotating)}
        onClose={() => {
          rotateReq.reset();
          setRotating(null);
        }}
      />
    </Stack>
  );
}

export default function Webhooks() {
  return (
    <Routes>
      <Route index element={<WebhookList />} />
      <Route path=":id" element={<WebhookDeliveries />} />
    </Routes>
  );
}
