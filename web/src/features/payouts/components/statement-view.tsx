// One statement (/payouts/:id): its lines, where the statement's organisation flags a line as
// disputed, the programme answers the dispute, and whoever runs payouts approves the statement and
// marks it paid (after a confirmation that lists any open dispute); each button follows the
// statement's and the line's own abilities.
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ListTable } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { formatMonth } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import {
  type MoveStep,
  openDisputes,
  type PayoutLine,
  statementAllows,
  useStatement,
} from "../api/payouts.ts";
import { DisputeCell } from "./dispute-cell.tsx";
import { DisputeModal } from "./dispute-modal.tsx";
import {
  AmountCells,
  ClaimCell,
  PayoutStatusBadge,
  SubscriptionCells,
  useLineColumns,
  useOrgNames,
} from "./line-cells.tsx";
import { MoveConfirmModal } from "./move-confirm-modal.tsx";
import { ResolveDisputeModal } from "./resolve-dispute-modal.tsx";

export function StatementView() {
  const { t, money, dateTime, lang } = useT();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const statement = useStatement(id);
  const { orgName } = useOrgNames();
  const lineColumns = useLineColumns();
  const [disputing, setDisputing] = useState<PayoutLine | null>(null);
  const [resolving, setResolving] = useState<PayoutLine | null>(null);
  const [moving, setMoving] = useState<MoveStep | null>(null);
  const s = statement.data;
  const month = params.get("month") ?? s?.month;
  const back = month ? `/payouts?month=${encodeURIComponent(month)}` : "/payouts";
  const mayDispute = s ? statementAllows(s, "dispute-line") : false;

  const open = s ? openDisputes(s) : [];

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
                <Button onClick={() => setMoving("approve")}>{t("adminUi.payouts.approve")}</Button>
              )}
              {statementAllows(s, "paid") && (
                <Button color="green" onClick={() => setMoving("paid")}>
                  {t("adminUi.payouts.markPaid")}
                </Button>
              )}
            </Group>
          </Group>
          {open.length > 0 && s.allowedActions.includes("resolve-line-dispute") && (
            <Alert color="orange" variant="light">
              {t("adminUi.payouts.openDisputesHelp", { count: open.length })}
            </Alert>
          )}
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
              <Table.Tr key={l.id} bg={l.dispute?.status === "open" ? "orange.0" : undefined}>
                <ClaimCell line={l} />
                <Table.Td>{l.program}</Table.Td>
                <SubscriptionCells line={l} />
                <AmountCells line={l} currency={s.currency} />
                <DisputeCell
                  line={l}
                  currency={s.currency}
                  onDispute={() => setDisputing(l)}
                  onResolve={() => setResolving(l)}
                />
              </Table.Tr>
            )}
          />
          {moving && (
            <MoveConfirmModal
              statement={s}
              step={moving}
              organization={orgName(s.organizationId)}
              onClose={() => setMoving(null)}
            />
          )}
          {resolving && (
            <ResolveDisputeModal
              statementId={s.id}
              currency={s.currency}
              approved={s.status === "approved"}
              line={resolving}
              onClose={() => setResolving(null)}
            />
          )}
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
