// The customer registry from CSV (program admin): POST /api/v1/admin/customers/import with
// dryRun=true first (every bad row with its line, column and reason), then dryRun=false.
import { Code, Stack, Text } from "@mantine/core";
import { CsvImport } from "../../../../components/csv-import.tsx";
import { SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { useCustomerImport } from "../api/customers.ts";

const HEADER = "tenantId,domain,name,locale,subscriptionId,product,status";

export default function CustomerImport() {
  const { t, number } = useT();
  const upload = useCustomerImport();
  return (
    <Stack>
      <SectionHeader title={t("adminUi.customers.title")} text={t("adminUi.customers.intro")} />
      <Text size="sm">
        {t("adminUi.customers.header")} <Code style={{ overflowWrap: "anywhere" }}>{HEADER}</Code>
      </Text>
      <CsvImport
        upload={upload}
        fileLabel={t("adminUi.customers.file")}
        fileHint={t("adminUi.customers.fileHint")}
        summary={(r) => (
          <Text size="sm">
            {t("adminUi.customers.summary", {
              rows: number(r.rows),
              customers: number(r.customers),
              subscriptions: number(r.subscriptions),
            })}
          </Text>
        )}
      />
    </Stack>
  );
}
