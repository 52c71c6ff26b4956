// The registry section of the administration: browse and search the registry, then its CSV import.
import { Divider, Stack } from "@mantine/core";
import { SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import CustomerImport from "./customer-import.tsx";
import { CustomerRegistry } from "./customer-registry.tsx";

export default function Customers() {
  const { t } = useT();
  return (
    <Stack>
      <SectionHeader title={t("adminUi.registry.title")} text={t("adminUi.registry.intro")} />
      <CustomerRegistry />
      <Divider my="md" />
      <CustomerImport />
    </Stack>
  );
}
