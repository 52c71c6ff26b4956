// A claim as lists show it on a phone (a card: number, status, customer, due), and the pieces a
// list row is made of: the number that never wraps, the SLA badge, and the next deadline.
import { Anchor, Badge, Box, Card, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../i18n/index.tsx";
import type { Claim } from "../lib/api-types.ts";
import { DeadlineText } from "./deadline-text.tsx";
import { StatusBadge } from "./status-badge.tsx";

/** The claim's next open deadline, as the server describes it (the deadline model's one display). */
export function DueCell({ claim }: { claim: Claim }) {
  const next = [...claim.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (!next) return <Text c="dimmed">—</Text>;
  return <DeadlineText deadline={next} compact />;
}

/** A claim's number as a link that never breaks across lines. */
export function ClaimNumber({ claim }: { claim: Pick<Claim, "id" | "number"> }) {
  return (
    <Anchor component={Link} to={`/claims/${claim.id}`} style={{ whiteSpace: "nowrap" }}>
      {claim.number}
    </Anchor>
  );
}

export function SlaBadge({ claim }: { claim: Claim }) {
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
