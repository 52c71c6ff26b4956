// The organisation's earlier claims files: when, which file, how far it got. Four short columns
// that wrap at phone width (a scroll box of its own would need to take the keyboard focus).
import { Table, Title } from "@mantine/core";
import { useT } from "../../../i18n/index.tsx";
import { useClaimImports } from "../api/claim-imports.ts";

export function PastImports() {
  const { t, dateTime, number } = useT();
  const list = useClaimImports();
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="past-imports">
      <Title order={2} size="h4" id="past-imports" mb="xs">
        {t("bulk.pastTitle")}
      </Title>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("bulk.pastWhen")}</Table.Th>
            <Table.Th scope="col">{t("bulk.entry")}</Table.Th>
            <Table.Th scope="col">{t("bulk.pastDrafts")}</Table.Th>
            <Table.Th scope="col">{t("bulk.result")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{dateTime(i.createdAt)}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{i.filename}</Table.Td>
              <Table.Td>
                {number(i.done)} / {number(i.rows)}
              </Table.Td>
              <Table.Td>{t(`bulk.status.${i.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
