// A list of claims: a table (number, customer, products, status with its SLA, the next deadline,
// updated) on a wide screen, a card per claim (number, status, customer, due) on a phone.
import { Anchor, Badge, Box, Card, Group, Stack, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useNarrow } from "../../../components/use-narrow.ts";
import { useT } from "../../../i18n/index.tsx";
import type { Claim } from "../../../lib/api-types.ts";
import { useProductNames } from "../../../lib/catalog.ts";
import { daysLeft } from "../../../lib/dates.ts";

/** The one place a list shows a claim's next deadline (the deadline model may replace it here). */
export function DueCell({ claim }: { claim: Claim }) {
  const { t, date } = useT();
  const next = [...claim.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (!next) return <Text c="dimmed">—</Text>;
  const left = daysLeft(next.dueAt);
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`deadline.${next.kind}`)}</Text>
      <Text size="xs" c={left <= 2 ? "red" : "dimmed"}>
        {date(next.dueAt)} ·{" "}
        {left < 0 ? t("web.dashboard.overdue") : t("web.dashboard.daysLeft", { count: left })}
      </Text>
    </Stack>
  );
}

/** A claim's number as a link that never breaks across lines. */
export function ClaimNumber({ claim }: { claim: Pick<Claim, "id" | "number"> }) {
  return (
    <Anchor component={Link} to={`/claims/${claim.id}`} style={{ whiteSpace: "nowrap" }}>
      {claim.number}
    </Anchor>
  );
}

function SlaBadge({ claim }: { claim: Claim }) {
  const { t } = useT();
  if (!claim.sla || claim.sla.state === "on_time") return null;
  return (
    <Badge size="sm" color={claim.sla.state === "breached" ? "red" : "yellow"}>
      {t(claim.sla.state === "breached" ? "web.claim.slaBreached" : "web.claim.slaDueSoon")}
    </Badge>
  );
}

/** One card per claim, for a phone: what a row says that matters most, stacked. */
export function ClaimCards({
  items,
  caption,
  extra,
}: {
  items: Claim[];
  caption: string;
  extra?(claim: Claim): ReactNode;
}) {
  const { t } = useT();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} aria-label={caption} style={{ listStyle: "none" }}>
      {items.map((c) => (
        <Card component="li" key={c.id} withBorder padding="sm" data-testid="claim-card">
          <Group justify="space-between" align="start" gap="xs" wrap="nowrap">
            <ClaimNumber claim={c} />
            <Group gap={4} justify="flex-end">
              <StatusBadge status={c.status} />
              <SlaBadge claim={c} />
            </Group>
          </Group>
          <Text size="sm" mt={4}>
            {c.customer.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {c.customer.domain}
          </Text>
          <Box mt={4}>
            <Text span size="xs" c="dimmed">
              {t("web.dashboard.due")}:{" "}
            </Text>
            <DueCell claim={c} />
          </Box>
          {extra?.(c)}
        </Card>
      ))}
    </Stack>
  );
}

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
