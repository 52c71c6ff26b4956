// The month's statements: total, status, lines and disputes, and the next step for whoever may
// take it (the statement's own allowedActions).
import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { DataTable } from "../../../components/data-table.tsx";
import { formatMonth } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { type MoveStep, openDisputes, type PayoutStatement, statementAllows } from "../api/payouts.ts";
import { PayoutStatusBadge, useOrgNames } from "./line-cells.tsx";
import { MoveConfirmModal } from "./move-confirm-modal.tsx";

export function StatementsTable({ items, month }: { items: PayoutStatement[]; month: string }) {
  const { t, money, dateTime, lang } = useT();
  const { everyOrganization, orgName } = useOrgNames();
  // Approving and paying are final: each asks first (MoveConfirmModal).
  const [moving, setMoving] = useState<{ s: PayoutStatement; step: MoveStep } | null>(null);
  const move = (s: PayoutStatement, step: MoveStep) => setMoving({ s, step });
  return (
    <Stack>
      {moving && (
        <MoveConfirmModal
          statement={moving.s}
          step={moving.step}
          organization={orgName(moving.s.organizationId)}
          onClose={() => setMoving(null)}
        />
      )}
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
          const disputed = openDisputes(s).length;
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
                  <Badge ml="xs" color="orange" variant="light" c="dark.7">
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
                    <Button size="xs" onClick={() => move(s, "approve")}>
                      {t("adminUi.payouts.approve")}
                    </Button>
                  )}
                  {statementAllows(s, "paid") && (
                    <Button size="xs" color="green" onClick={() => move(s, "paid")}>
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
