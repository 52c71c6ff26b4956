// The operator's side-by-side view of a claim and the other organisations' claims on the same
// customer and products: number (a link), partner organisation, products, created and submitted
// dates, and state. Cards, so that it reads the same at phone width.
import { Anchor, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/claim-page-texts.ts";
import type { Claim, Status } from "../../../lib/api-types.ts";
import { useProductNames } from "../../../lib/catalog.ts";

interface Side {
  id: string;
  number: string;
  organizationName: string;
  products: string[];
  status: Status;
  createdAt: string;
  submittedAt: string | null;
}

function ClaimCard({ side, current }: { side: Side; current: boolean }) {
  const { t, date } = useT();
  const productNames = useProductNames();
  const rows: [string, string][] = [
    [t("claimPage.competing.partner"), side.organizationName],
    [t("claimPage.competing.products"), productNames(side.products)],
    [t("claimPage.competing.created"), date(side.createdAt)],
    [
      t("claimPage.competing.submitted"),
      side.submittedAt ? date(side.submittedAt) : t("claimPage.competing.notSubmitted"),
    ],
  ];
  return (
    <Card withBorder padding="sm" bg={current ? "gray.0" : undefined} aria-current={current || undefined}>
      <Stack gap={4}>
        {current ? (
          <Text fw={600}>{side.number}</Text>
        ) : (
          <Anchor component={Link} to={`/claims/${side.id}`} fw={600}>
            {side.number}
          </Anchor>
        )}
        <StatusBadge status={side.status} />
        <dl style={{ margin: 0 }}>
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: "flex", gap: 8 }}>
              <Text component="dt" size="xs" c="dimmed" w={90} style={{ flexShrink: 0 }}>
                {k}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ wordBreak: "break-word" }}>
                {v}
              </Text>
            </div>
          ))}
        </dl>
      </Stack>
    </Card>
  );
}

export function CompetingClaims({ claim, submittedAt }: { claim: Claim; submittedAt: string | null }) {
  const { t } = useT();
  const others = claim.competingClaims ?? [];
  if (others.length === 0) return <Text c="dimmed">{t("claimPage.competing.none")}</Text>;
  const mine: Side = {
    id: claim.id,
    number: claim.number,
    organizationName: claim.organization?.name ?? claim.organizationId,
    products: claim.products,
    status: claim.status,
    createdAt: claim.createdAt,
    submittedAt,
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t("claimPage.competing.intro")}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <ClaimCard side={mine} current />
        {others.map((o) => (
          <ClaimCard key={o.id} side={o} current={false} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
