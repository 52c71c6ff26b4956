// The month's statements: total, status, lines and disputes, and the next step for whoever may
// take it (the statement's own allowedActions).
import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { DataTable } from "../../../components/data-table.tsx";
import { FormError, formatMonth, notifyDone } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { type PayoutStatement, statementAllows, useMoveStatement } from "../api/payouts.ts";
import { PayoutStatusBadge, useOrgNames } from "./line-cells.tsx";

export function StatementsTable({ items, month }: { items: PayoutStatement[]; month: string }) {
  const { t, money, dateTime, lang } = useT();
  const { everyOrganization, orgName } = useOrgNames();
  const moveStatement = useMoveStatement();
  const move = (s: PayoutStatement, step: "approve" | "paid") =>
    moveStatement.mutate(
      { id: s.id, step },
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
    <Stack>
      <FormError error={moveStatement.error} />
      <DataTable
        minWidth={800}
        striped
        highlightOnHover
        caption={t("adminUi.payouts.statementsCaption", { month: formatMonth(month, lang) })}
        columns={[
          everyOrganization && t("adminUi.payouts.organization"),
          t("adminUi.payouts.currency"),
          t("adminUi.payouts.total"),
          t("adminUi.payouts.statusLabel"),
          t("adminUi.payouts.lines"),
          t("adminUi.payouts.calculatedAt"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(s) => {
          const disputed = s.lines.filter((l) => l.dispute).length;
          return (
            <Table.Tr key={s.id}>
              {everyOrganization && <Table.Td>{orgName(s.organizationId)}</Table.Td>}
              <Table.Td>{s.currency}</Table.Td>
              <Table.Td>
                <Text fw={600}>{money(s.totalMinor, s.currency)}</Text>
              </Table.Td>
              <Table.Td>
                <PayoutStatusBadge status={s.status} />
              </Table.Td>
              <Table.Td>
                {s.lines.length}
                {disputed > 0 && (
                  <Badge ml="xs" color="orange" variant="light">
                    {t("adminUi.payouts.disputedCount", { count: disputed })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{dateTime(s.calculatedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button component={Link} to={`${s.id}?month=${month}`} size="xs" variant="light">
                    {t("adminUi.payouts.view")}
                  </Button>
                  <Button
                    component="a"
                    href={`/api/v1/payouts/${s.id}/export.csv`}
                    download
                    size="xs"
                    variant="subtle"
                  >
                    {t("adminUi.payouts.exportCsv")}
                  </Button>
                  {statementAllows(s, "approve") && (
                    <Button size="xs" loading={busy} onClick={() => move(s, "approve")}>
                      {t("adminUi.payouts.approve")}
                    </Button>
                  )}
                  {statementAllows(s, "paid") && (
                    <Button size="xs" color="green" loading={busy} onClick={() => move(s, "paid")}>
                      {t("adminUi.payouts.markPaid")}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </Stack>
  );
}
