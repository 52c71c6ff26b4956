// A table of claims: number, customer, products, status with its SLA, the next deadline, updated.
import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { DeadlineText } from "../../../components/deadline-text.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useT } from "../../../i18n/index.tsx";
import type { Claim } from "../../../lib/api-types.ts";
import { useProductNames } from "../../../lib/catalog.ts";

/** The claim's next open deadline, as the server describes it. */
export function DueCell({ claim }: { claim: Claim }) {
  const next = [...claim.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (!next) return <Text c="dimmed">—</Text>;
  return <DeadlineText deadline={next} compact />;
}

export function ClaimTable({ items, caption }: { items: Claim[]; caption: string }) {
  const { t, dateTime } = useT();
  const productNames = useProductNames();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="xs">
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
                <Anchor component={Link} to={`/claims/${c.id}`}>
                  {c.number}
                </Anchor>
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
                <StatusBadge status={c.status} />
                {c.sla && c.sla.state !== "on_time" && (
                  <Badge ml={4} size="sm" color={c.sla.state === "breached" ? "red" : "yellow"}>
                    {t(c.sla.state === "breached" ? "web.claim.slaBreached" : "web.claim.slaDueSoon")}
                  </Badge>
                )}
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
    </Table.ScrollContainer>
  );
}
