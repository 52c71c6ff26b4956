// A list of claims: a table (number, customer, products, status with its SLA, the next deadline,
// updated) on a wide screen, a card per claim (number, status, customer, due) on a phone.
import { Box, Group, Table, Text } from "@mantine/core";
import { ClaimCards, ClaimNumber, DueCell, SlaBadge } from "../../../components/claim-cards.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useNarrow } from "../../../components/use-narrow.ts";
import { useT } from "../../../i18n/index.tsx";
import type { Claim } from "../../../lib/api-types.ts";
import { useProductNames } from "../../../lib/catalog.ts";

export function ClaimTable({ items, caption }: { items: Claim[]; caption: string }) {
  const { t, dateTime } = useT();
  const productNames = useProductNames();
  if (useNarrow()) return <ClaimCards items={items} caption={caption} />;
  return (
    // A plain scrolling box rather than Mantine's ScrollArea: the same on screen, and ScrollArea
    // would be ~5 KB of the first load for this one table.
    <Box style={{ overflowX: "auto" }}>
      <Table striped highlightOnHover verticalSpacing="xs" miw={760}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("web.dashboard.number")}</Table.Th>
            <Table.Th scope="col">{t("web.dashboard.customer")}</Table.Th>
            <Table.Th scope="col">{t("web.dashboard.products")}</Table.Th>
            <Table.Th scope="col">{t("web.dashboard.status")}</Table.Th>
            <Table.Th scope="col">{t("web.dashboard.due")}</Table.Th>
            <Table.Th scope="col">{t("web.dashboard.updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <ClaimNumber claim={c} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.customer.name}</Text>
                <Text size="xs" c="dimmed">
                  {c.customer.domain}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{productNames(c.products)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={c.status} />
                  <SlaBadge claim={c} />
                </Group>
              </Table.Td>
              <Table.Td>
                <DueCell claim={c} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{dateTime(c.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
