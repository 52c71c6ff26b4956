// Webhook endpoints: a global admin manages its organisation's, a program admin the operator's
// (GET/POST /api/v1/webhooks, DELETE /api/v1/webhooks/:id, POST .../:id/rotate-secret and
// .../:id/resume); each button follows the endpoint's abilities. The signing secret is shown once,
// when it is made (webhook-modals.tsx). Deliveries of one endpoint: webhook-deliveries.tsx.
import { Anchor, Badge, Button, Code, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link, Route, Routes } from "react-router";
import { ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { ConfirmModal, notifyDone, SectionHeader, useEventLabel } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { useUser } from "../../../../lib/session.tsx";
import {
  useDeleteWebhook,
  useResumeWebhook,
  useRotateSecret,
  useWebhooks,
  type Webhook,
} from "../api/webhooks.ts";
import WebhookDeliveries from "./webhook-deliveries.tsx";
import { CreateWebhookModal, SecretModal } from "./webhook-modals.tsx";

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
  const resumeReq = useResumeWebhook();
  const resume = (hook: Webhook) =>
    resumeReq.mutate(hook.id, {
      onSuccess: () => notifyDone(t("adminUi.webhooks.resumed", { url: hook.url }), t("web.close")),
    });
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
      <ErrorAlert error={list.error ?? resumeReq.error} />
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
              {h.pausedAt && (
                <Text size="xs" c="orange.9">
                  <Badge color="orange" variant="light" size="sm" mr={4}>
                    {t("adminUi.webhooks.paused")}
                  </Badge>
                  {t("adminUi.webhooks.pausedSince", {
                    at: dateTime(h.pausedAt),
                    reason: h.pausedReason ?? "—",
                  })}
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
                {h.abilities.resume && (
                  <Button size="xs" color="orange" loading={resumeReq.isPending} onClick={() => resume(h)}>
                    {t("adminUi.webhooks.resume")}
                  </Button>
                )}
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
