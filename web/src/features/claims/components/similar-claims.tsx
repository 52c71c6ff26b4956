// The reviewer's list of similar claims (issue 14): the same file or near-identical text on another
// claim, or a look-alike customer domain for the same product, each linked. Loaded lazily: only
// reviewers get `similar`, and only on the claim page.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/similar-texts.ts";
import type { Claim } from "../../../lib/api-types.ts";

type Similar = NonNullable<Claim["similar"]>[number];

const COLOR: Record<Similar["reason"], string> = {
  same_file: "red",
  similar_text: "orange",
  domain_variant: "yellow",
};

export default function SimilarClaims({ similar }: { similar: Similar[] }) {
  const { t } = useT();
  return (
    <Card withBorder mt="md" aria-labelledby="similar-claims-title">
      <Title order={2} size="h5" id="similar-claims-title">
        {t("similarUi.title")} ({similar.length})
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("similarUi.hint")}
      </Text>
      {similar.length === 0 ? (
        <Text size="sm">{t("similarUi.none")}</Text>
      ) : (
        <Stack gap="xs">
          {similar.map((s) => (
            <Group key={`${s.claimId}-${s.reason}`} gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/claims/${s.claimId}`}>
                {s.number}
              </Anchor>
              <Badge color={COLOR[s.reason]} variant="light">
                {t(`similarUi.reason.${s.reason}`, { score: Math.round((s.score ?? 1) * 100) })}
              </Badge>
              <Text size="sm">
                {s.customer.name} ({s.customer.domain})
              </Text>
              <Text size="sm" c="dimmed">
                {t("similarUi.by", { organization: s.organizationName })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
