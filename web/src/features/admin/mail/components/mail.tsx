// The mail backlog (program admin): counts (GET /api/v1/admin/mail/summary), the messages by status
// (GET /api/v1/admin/mail?status=&cursor=), and sending again now one message or every failed one
// (POST /api/v1/admin/mail/retry {id?}).
import { Anchor, Badge, Button, Card, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { ListTable, LoadMore } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { FormError, notifyDone, SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { isOneOf } from "../../../../lib/one-of.ts";
import { type MailMessage, type MailSummary, useMail, useMailSummary, useRetryMail } from "../api/mail.ts";

const STATUSES = ["pending", "sent", "failed"] as const;

const COLORS: Record<MailMessage["status"], string> = { pending: "yellow", sent: "green", failed: "red" };

function SummaryCards({ summary }: { summary: MailSummary }) {
  const { t, number, dateTime } = useT();
  const cards = [
    { label: t("adminUi.mail.status.pending"), value: number(summary.pending) },
    { label: t("adminUi.mail.status.failed"), value: number(summary.failed) },
    { label: t("adminUi.mail.status.sent"), value: number(summary.sent) },
    { label: t("adminUi.mail.undispatched"), value: number(summary.undispatched) },
    {
      label: t("adminUi.mail.oldestPending"),
      value: summary.oldestPendingAt ? dateTime(summary.oldestPendingAt) : "—",
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
      {cards.map((c) => (
        <Card key={c.label} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {c.label}
          </Text>
          <Text size="lg" fw={700}>
            {c.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export default function Mail() {
  const { t, dateTime, number } = useT();
  const [status, setStatus] = useState("failed");
  const summary = useMailSummary();
  const pages = useMail(isOneOf(STATUSES, status) ? status : null);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const retry = useRetryMail();

  const reload = () => {
    void summary.refetch();
    void pages.refetch();
  };
  const retryMail = (id?: string) =>
    retry.mutate(id, {
      onSuccess: (r) => notifyDone(t("adminUi.mail.requeued", { count: number(r.requeued) }), t("web.close")),
    });

  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.mail.title")}
        text={t("adminUi.mail.intro")}
        actions={
          <>
            <Button
              variant="default"
              onClick={reload}
              loading={pages.isFetching && !pages.isFetchingNextPage}
            >
              {t("adminUi.common.refresh")}
            </Button>
            <Button
              color="orange"
              onClick={() => retryMail()}
              loading={retry.isPending}
              disabled={!summary.data?.failed}
            >
              {t("adminUi.mail.retryAll")}
            </Button>
          </>
        }
      />
      <ErrorAlert error={summary.error} />
      {summary.data && <SummaryCards summary={summary.data} />}
      <FormError error={retry.error} />
      <Select
        label={t("adminUi.mail.filter")}
        allowDeselect={false}
        value={status}
        onChange={(v) => v && setStatus(v)}
        data={[
          { value: "all", label: t("adminUi.mail.all") },
          { value: "pending", label: t("adminUi.mail.status.pending") },
          { value: "failed", label: t("adminUi.mail.status.failed") },
          { value: "sent", label: t("adminUi.mail.status.sent") },
        ]}
        w={220}
      />
      <ErrorAlert error={pages.isFetchNextPageError ? null : pages.error} />
      <ListTable
        loaded={pages.data !== undefined}
        empty={t("adminUi.mail.empty")}
        minWidth={900}
        striped
        caption={t("adminUi.mail.caption")}
        columns={[
          t("adminUi.mail.createdAt"),
          t("adminUi.mail.to"),
          t("adminUi.mail.subject"),
          t("adminUi.mail.statusLabel"),
          t("adminUi.mail.attempts"),
          t("adminUi.mail.lastError"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{dateTime(m.createdAt)}</Table.Td>
            <Table.Td>{m.to}</Table.Td>
            <Table.Td>
              <Text size="sm">{m.subject}</Text>
              <Text size="xs" c="dimmed">
                {m.template} · {m.locale}
                {m.claimId && (
                  <>
                    {" · "}
                    <Anchor component={Link} to={`/claims/${m.claimId}`} size="xs">
                      {t("adminUi.mail.claim")}
                    </Anchor>
                  </>
                )}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={COLORS[m.status]} variant="light">
                {t(`adminUi.mail.status.${m.status}`)}
              </Badge>
              {m.status === "sent" && m.sentAt && (
                <Text size="xs" c="dimmed">
                  {dateTime(m.sentAt)}
                </Text>
              )}
              {m.status === "pending" && m.nextAttemptAt && (
                <Text size="xs" c="dimmed">
                  {t("adminUi.mail.nextAttempt", { at: dateTime(m.nextAttemptAt) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{m.attempts}</Table.Td>
            <Table.Td>
              <Text size="xs">{m.lastError ?? "—"}</Text>
            </Table.Td>
            <Table.Td>
              {m.status !== "sent" && (
                <Button
                  size="xs"
                  variant="light"
                  loading={retry.isPending}
                  onClick={() => retryMail(m.id)}
                  aria-label={t("adminUi.mail.retryOne", { to: m.to })}
                >
                  {t("adminUi.mail.retry")}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <LoadMore pages={{ ...pages, error: pages.isFetchNextPageError ? pages.error : null }} />
    </Stack>
  );
}
