// One statement (/payouts/:id): its lines, where the statement's organisation flags a line as
// disputed and whoever runs payouts approves the statement and marks it paid; each button follows
// the statement's own allowedActions.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ListTable } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { FormError, formatMonth, notifyDone } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { type PayoutLine, statementAllows, useMoveStatement, useStatement } from "../api/payouts.ts";
import { DisputeModal } from "./dispute-modal.tsx";
import {
  AmountCells,
  ClaimCell,
  PayoutStatusBadge,
  SubscriptionCells,
  useLineColumns,
  useOrgNames,
} from "./line-cells.tsx";

export function StatementView() {
  const { t, money, dateTime, lang } = useT();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const statement = useStatement(id);
  const { orgName } = useOrgNames();
  const lineColumns = useLineColumns();
  const [disputing, setDisputing] = useState<PayoutLine | null>(null);
  const moveStatement = useMoveStatement();
  const s = statement.data;
  const month = params.get("month") ?? s?.month;
  const back = month ? `/payouts?month=${encodeURIComponent(month)}` : "/payouts";
  const mayDispute = s ? statementAllows(s, "dispute-line") : false;

  const move = (step: "approve" | "paid") =>
    moveStatement.mutate(
      { id, step },
      {
        onSuccess: () =>
          notifyDone(
            t(step === "approve" ? "adminUi.payouts.approvedDone" : "adminUi.payouts.paidDone"),
            t("web.close"),
          ),
      },
    );
  const busy = moveStatement.isPending;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        {t("adminUi.payouts.back")}
      </Anchor>
      <ErrorAlert error={statement.error} />
      {s && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1}>
                {t("adminUi.payouts.statementTitle", {
                  month: formatMonth(s.month, lang),
                  currency: s.currency,
                })}
              </Title>
              <Text c="dimmed">{orgName(s.organizationId)}</Text>
            </Stack>
            <Group>
              <Button component="a" href={`/api/v1/payouts/${s.id}/export.csv`} download variant="light">
                {t("adminUi.payouts.exportCsv")}
              </Button>
              {statementAllows(s, "approve") && (
                <Button loading={busy} onClick={() => move("approve")}>
                  {t("adminUi.payouts.approve")}
                </Button>
              )}
              {statementAllows(s, "paid") && (
                <Button color="green" loading={busy} onClick={() => move("paid")}>
                  {t("adminUi.payouts.markPaid")}
                </Button>
              )}
            </Group>
          </Group>
          <FormError error={moveStatement.error} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.total")}
              </Text>
              <Text size="xl" fw={700}>
                {money(s.totalMinor, s.currency)}
              </Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.statusLabel")}
              </Text>
              <PayoutStatusBadge status={s.status} />
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.calculatedAt")}
              </Text>
              <Text size="sm">{dateTime(s.calculatedAt)}</Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {s.paidAt ? t("adminUi.payouts.paidAt") : t("adminUi.payouts.approvedAt")}
              </Text>
              <Text size="sm">
                {s.paidAt ? dateTime(s.paidAt) : s.approvedAt ? dateTime(s.approvedAt) : "—"}
              </Text>
            </Card>
          </SimpleGrid>
          {mayDispute && (
            <Alert color="blue" variant="light">
              {t("adminUi.payouts.disputeHelp")}
            </Alert>
          )}
          <ListTable
            loaded
            empty={t("adminUi.payouts.noLines")}
            minWidth={1100}
            striped
            verticalSpacing={4}
            caption={t("adminUi.payouts.linesCaption", { count: s.lines.length })}
            columns={[
              t("adminUi.payouts.claim"),
              t("adminUi.payouts.program"),
              ...lineColumns.subscription,
              ...lineColumns.amounts,
              t("adminUi.payouts.dispute"),
            ]}
            items={s.lines}
            row={(l) => (
              <Table.Tr key={l.id} bg={l.dispute ? "orange.0" : undefined}>
                <ClaimCell line={l} />
                <Table.Td>{l.program}</Table.Td>
                <SubscriptionCells line={l} />
                <AmountCells line={l} currency={s.currency} />
                <Table.Td>
                  {l.dispute && (
                    <Stack gap={2}>
                      <Badge color="orange" variant="light">
                        {t("adminUi.payouts.disputed")}
                      </Badge>
                      <Text size="xs">{l.dispute.comment}</Text>
                      <Text size="xs" c="dimmed">
                        {dateTime(l.dispute.at)}
                      </Text>
                    </Stack>
                  )}
                  {l.abilities.dispute && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="orange"
                      onClick={() => setDisputing(l)}
                      aria-label={t("adminUi.payouts.disputeTitle", { claim: l.claimNumber })}
                    >
                      {l.dispute ? t("adminUi.payouts.changeDispute") : t("adminUi.payouts.disputeLine")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
          {disputing && (
            <DisputeModal
              statementId={s.id}
              line={disputing}
              onClose={() => setDisputing(null)}
              onDone={() => setDisputing(null)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
