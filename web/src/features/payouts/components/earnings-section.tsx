// The month's earnings lines and totals per currency; whoever sees every organisation can narrow
// them to one.
import { Card, Group, Select, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { DataTable } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import { useEarnings } from "../api/payouts.ts";
import { AmountCells, ClaimCell, SubscriptionCells, useLineColumns, useOrgNames } from "./line-cells.tsx";
import { NotEarningYet } from "./not-earning-yet.tsx";

export function EarningsSection({ month }: { month: string }) {
  const { t, money } = useT();
  const { everyOrganization: program, orgs, orgName } = useOrgNames();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const earnings = useEarnings(month, program ? organizationId : null);
  const lineColumns = useLineColumns();
  const items = earnings.data?.items ?? [];
  return (
    <section aria-labelledby="earnings">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={2} id="earnings">
          {t("adminUi.payouts.earnings")}
        </Title>
        {program && (
          <Select
            label={t("adminUi.payouts.organization")}
            placeholder={t("adminUi.payouts.allOrganizations")}
            clearable
            searchable
            value={organizationId}
            onChange={setOrganizationId}
            data={orgs.map((o) => ({ value: o.id, label: o.name }))}
            w={260}
          />
        )}
      </Group>
      <ErrorAlert error={earnings.error} />
      {earnings.data && items.length === 0 && <Text c="dimmed">{t("adminUi.payouts.noEarnings")}</Text>}
      {earnings.data && earnings.data.totals.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
          {earnings.data.totals.map((tot) => (
            <Card key={tot.currency} withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.totalIn", { currency: tot.currency })}
              </Text>
              <Text size="lg" fw={700}>
                {money(tot.earningsMinor, tot.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.ofRevenue", { amount: money(tot.revenueMinor, tot.currency) })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {items.length > 0 && (
        <DataTable
          minWidth={1000}
          mah={600}
          striped
          stickyHeader
          verticalSpacing={4}
          caption={t("adminUi.payouts.earningsCaption", { count: items.length })}
          columns={[
            t("adminUi.payouts.claim"),
            program && t("adminUi.payouts.organization"),
            ...lineColumns.subscription,
            t("adminUi.payouts.program"),
            ...lineColumns.amounts,
          ]}
          items={items}
          row={(l) => (
            <Table.Tr key={`${l.claimId}-${l.subscriptionId}-${l.program}-${l.currency}`}>
              <ClaimCell line={l} />
              {program && <Table.Td>{orgName(l.organizationId)}</Table.Td>}
              <SubscriptionCells line={l} />
              <Table.Td>{l.program}</Table.Td>
              <AmountCells line={l} currency={l.currency} />
            </Table.Tr>
          )}
        />
      )}
      {earnings.data && (
        <NotEarningYet items={earnings.data.notEarningYet} orgName={program ? orgName : undefined} />
      )}
    </section>
  );
}
