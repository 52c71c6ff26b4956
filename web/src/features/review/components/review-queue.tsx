// The reviewers' queue: open work ordered by SLA due time, due-soon and breached badges, and a
// flag where other organisations claim the same customer.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { DeadlineText } from "../../../components/deadline-text.tsx";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useT } from "../../../i18n/index.tsx";
import { useProductNames } from "../../../lib/catalog.ts";
import { useAbilities } from "../../../lib/session.tsx";
import { type Durations, useReviewMetrics, useReviewQueue } from "../api/review.ts";

export default function ReviewQueue() {
  const { t, number } = useT();
  const productNames = useProductNames();
  const queue = useReviewQueue();
  const items = queue.data?.items ?? [];
  const metrics = useReviewMetrics(useAbilities().viewReviewMetrics);
  const m = metrics.data;
  const hours = (d: Durations) =>
    d.medianHours === null ? t("web.review.noData") : t("web.review.hours", { value: number(d.medianHours) });
  return (
    <Stack>
      <Title order={1}>{t("web.review.title")}</Title>
      {m && (
        <section aria-labelledby="metrics">
          <Title order={2} size="h5" id="metrics" mb="xs">
            {t("web.review.metrics")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("web.review.timeToStart")}
              </Text>
              <Text fw={700}>{hours(m.timeToStart)}</Text>
              <Text size="xs" c="dimmed">
                {t("web.review.over", { count: m.timeToStart.count })}
              </Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("web.review.timeToDecide")}
              </Text>
              <Text fw={700}>{hours(m.timeToDecide)}</Text>
              <Text size="xs" c="dimmed">
                {t("web.review.over", { count: m.timeToDecide.count })}
              </Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("web.review.breaches")}
              </Text>
              <Text fw={700}>{number(Object.values(m.breaches).reduce((n, x) => n + x, 0))}</Text>
              <Text size="xs" c="dimmed">
                {Object.entries(m.breaches)
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => `${t(`deadline.${k}`)}: ${n}`)
                  .join(" · ")}
              </Text>
            </Card>
          </SimpleGrid>
        </section>
      )}
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
                      <DeadlineText deadline={c.sla} compact />
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
