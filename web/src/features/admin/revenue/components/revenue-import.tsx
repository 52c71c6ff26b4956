// Revenue from CSV (program admin): POST /api/v1/admin/revenue/imports?dryRun=true, then false, with
// upload progress; importing a month again replaces it and recalculates its payout statements.
// Earlier imports: GET /api/v1/admin/revenue/imports.
import { Code, Stack, Table, Text, Title } from "@mantine/core";
import { CsvImport } from "../../../../components/csv-import.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { formatMonth, SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { useRevenueImport, useRevenueImports } from "../api/revenue.ts";

const HEADER = "tenantId,subscriptionId,product,month,amount,currency";

export default function RevenueImport() {
  const { t, number, dateTime, lang } = useT();
  const history = useRevenueImports();
  const upload = useRevenueImport();
  const months = (ms: string[]) => ms.map((m) => formatMonth(m, lang)).join(", ") || "—";
  const seconds = (ms: number) =>
    ms < 1000
      ? t("adminUi.revenue.milliseconds", { value: number(ms) })
      : t("adminUi.revenue.seconds", { value: number(Math.round(ms / 100) / 10) });

  return (
    <Stack>
      <SectionHeader title={t("adminUi.revenue.title")} text={t("adminUi.revenue.intro")} />
      <Text size="sm">
        {t("adminUi.revenue.header")} <Code style={{ overflowWrap: "anywhere" }}>{HEADER}</Code>
      </Text>
      <CsvImport
        upload={upload}
        fileLabel={t("adminUi.revenue.file")}
        fileHint={t("adminUi.revenue.fileHint")}
        summary={(r) => (
          <Stack gap={2}>
            <Text size="sm">
              {r.months.length > 0
                ? t("adminUi.revenue.summary", { rows: number(r.rows), months: months(r.months) })
                : t("adminUi.revenue.summaryRows", { rows: number(r.rows) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t("adminUi.revenue.duration", { duration: seconds(r.durationMs) })}
            </Text>
          </Stack>
        )}
      />

      <Title order={3} mt="md">
        {t("adminUi.revenue.history")}
      </Title>
      <ErrorAlert error={history.error} />
      {history.data?.items.length === 0 && <Text c="dimmed">{t("adminUi.revenue.noHistory")}</Text>}
      {history.data && history.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Caption>{t("adminUi.revenue.historyCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("adminUi.revenue.at")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.revenue.filename")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.revenue.rows")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.revenue.months")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.revenue.took")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{dateTime(i.createdAt)}</Table.Td>
                  <Table.Td>{i.filename}</Table.Td>
                  <Table.Td>{number(i.rows)}</Table.Td>
                  <Table.Td>{months(i.months)}</Table.Td>
                  <Table.Td>{seconds(i.durationMs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
