// One endpoint's deliveries, newest first, each with every attempt (status code, error, duration) and
// the exact body sent: GET /api/v1/webhooks/:id and .../deliveries?status=&cursor=, and
// POST .../deliveries/:deliveryId/redeliver to send one again now.
import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { LoadMore } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { FormError, notifyDone, useEventLabel } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { isOneOf } from "../../../../lib/one-of.ts";
import { type Delivery, useDeliveries, useRedeliver, useWebhook } from "../api/webhooks.ts";

const STATUSES = ["pending", "delivered", "failed"] as const;

const STATUS_COLORS: Record<Delivery["status"], string> = {
  pending: "yellow",
  delivered: "green",
  failed: "red",
};

function DeliveryStatus({ status }: { status: Delivery["status"] }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`adminUi.deliveries.status.${status}`)}
    </Badge>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function DeliveryPanel({
  hookId,
  delivery,
  mayRedeliver,
}: {
  hookId: string;
  delivery: Delivery;
  /** The endpoint's own ability. */
  mayRedeliver: boolean;
}) {
  const { t, dateTime, number } = useT();
  const req = useRedeliver(hookId);
  const redeliver = () =>
    req.mutate(delivery.id, {
      onSuccess: () => notifyDone(t("adminUi.deliveries.redelivered"), t("web.close")),
    });
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t("adminUi.deliveries.createdAt")} value={dateTime(delivery.createdAt)} />
        <Fact
          label={t("adminUi.deliveries.deliveredAt")}
          value={delivery.deliveredAt ? dateTime(delivery.deliveredAt) : "—"}
        />
        <Fact
          label={t("adminUi.deliveries.nextAttemptAt")}
          value={delivery.nextAttemptAt ? dateTime(delivery.nextAttemptAt) : "—"}
        />
      </SimpleGrid>
      {delivery.lastError && <Fact label={t("adminUi.deliveries.lastError")} value={delivery.lastError} />}
      {delivery.log.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("adminUi.deliveries.noAttempts")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped verticalSpacing={4}>
            <Table.Caption>
              {t("adminUi.deliveries.attemptsCaption", { count: delivery.log.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("adminUi.deliveries.attempt")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.deliveries.at")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.deliveries.statusCode")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.deliveries.error")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.deliveries.duration")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {delivery.log.map((a) => (
                <Table.Tr key={a.attempt}>
                  <Table.Td>{a.attempt}</Table.Td>
                  <Table.Td>{dateTime(a.at)}</Table.Td>
                  <Table.Td>
                    {a.statusCode === null ? (
                      "—"
                    ) : (
                      <Badge
                        color={a.statusCode >= 200 && a.statusCode < 300 ? "green" : "red"}
                        variant="outline"
                      >
                        {a.statusCode}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a.error ?? "—"}</Table.Td>
                  <Table.Td>{t("adminUi.deliveries.ms", { value: number(a.durationMs) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <div>
        <Text size="xs" c="dimmed" mb={4}>
          {t("adminUi.deliveries.body")}
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {delivery.body}
        </Code>
      </div>
      <FormError error={req.error} />
      {mayRedeliver && (
        <Group>
          <Button size="xs" variant="light" loading={req.isPending} onClick={redeliver}>
            {t("adminUi.deliveries.redeliver")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export default function WebhookDeliveries() {
  const { t, dateTime } = useT();
  const eventLabel = useEventLabel();
  const { id = "" } = useParams();
  const [status, setStatus] = useState<string>("all");
  const hook = useWebhook(id);
  const pages = useDeliveries(id, isOneOf(STATUSES, status) ? status : null);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path" size="sm">
        {t("adminUi.deliveries.back")}
      </Anchor>
      <Title order={2}>{t("adminUi.deliveries.title")}</Title>
      <ErrorAlert error={hook.error} />
      {hook.data && (
        <Text size="sm">
          <Code>{hook.data.url}</Code> {hook.data.description}
        </Text>
      )}
      <Group align="end">
        <Select
          label={t("adminUi.deliveries.filter")}
          allowDeselect={false}
          value={status}
          onChange={(v) => v && setStatus(v)}
          data={[
            { value: "all", label: t("adminUi.deliveries.all") },
            { value: "pending", label: t("adminUi.deliveries.status.pending") },
            { value: "delivered", label: t("adminUi.deliveries.status.delivered") },
            { value: "failed", label: t("adminUi.deliveries.status.failed") },
          ]}
          w={220}
        />
        <Button
          variant="default"
          onClick={() => void pages.refetch()}
          loading={pages.isFetching && !pages.isFetchingNextPage}
        >
          {t("adminUi.common.refresh")}
        </Button>
      </Group>
      <ErrorAlert error={pages.isFetchNextPageError ? null : pages.error} />
      {pages.data && items.length === 0 && <Text c="dimmed">{t("adminUi.deliveries.empty")}</Text>}
      {items.length > 0 && (
        <Accordion variant="separated" multiple>
          {items.map((d) => (
            <Accordion.Item key={d.id} value={d.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Group gap="sm">
                    <Text fw={500}>{eventLabel(d.event)}</Text>
                    <DeliveryStatus status={d.status} />
                    <Text size="sm" c="dimmed">
                      {t("adminUi.deliveries.attempts", { count: d.attempts })}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {dateTime(d.createdAt)}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <DeliveryPanel
                  hookId={id}
                  delivery={d}
                  mayRedeliver={hook.data?.abilities.redeliver ?? false}
                />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <LoadMore pages={{ ...pages, error: pages.isFetchNextPageError ? pages.error : null }} />
    </Stack>
  );
}
