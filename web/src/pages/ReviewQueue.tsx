// The reviewers' queue: open work ordered by SLA due time, due-soon and breached badges, and a
// flag where other organisations claim the same customer.
import { Anchor, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { get } from "../api/client.ts";
import type { ClaimList } from "../api/types.ts";
import { ErrorAlert, StatusBadge, useLoad, useProductNames } from "../components/common.tsx";
import { useT } from "../i18n/index.tsx";

export default function ReviewQueue() {
  const { t, dateTime, relative } = useT();
  const productNames = useProductNames();
  const queue = useLoad(() => get<ClaimList>("/api/v1/review/queue?limit=100"), []);
  const items = queue.data?.items ?? [];
  return (
    <Stack>
      <Title order={1}>{t("web.review.title")}</Title>
      <ErrorAlert error={queue.error} />
      {queue.data && items.length === 0 && <Text c="dimmed">{t("web.review.empty")}</Text>}
      {items.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Caption>{t("web.review.title")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("web.dashboard.number")}</Table.Th>
              <Table.Th scope="col">{t("web.dashboard.customer")}</Table.Th>
              <Table.Th scope="col">{t("web.dashboard.status")}</Table.Th>
              <Table.Th scope="col">{t("web.claim.sla")}</Table.Th>
              <Table.Th scope="col">{t("web.claim.competing")}</Table.Th>
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
                    {productNames(c.products)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  {c.sla && (
                    <Group gap={6}>
                      <Badge
                        color={
                          c.sla.state === "breached" ? "red" : c.sla.state === "due_soon" ? "yellow" : "gray"
                        }
                      >
                        {t(
                          c.sla.state === "breached"
                            ? "web.review.breached"
                            : c.sla.state === "due_soon"
                              ? "web.review.dueSoon"
                              : "web.review.onTime",
                        )}
                      </Badge>
                      <Text size="xs">
                        {t(`deadline.${c.sla.kind}`)} · {dateTime(c.sla.dueAt)} ({relative(c.sla.dueAt)})
                      </Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  {(c.competingClaims?.length ?? 0) > 0 && (
                    <Badge color="grape">
                      {t("web.review.competing", { count: c.competingClaims?.length ?? 0 })}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
