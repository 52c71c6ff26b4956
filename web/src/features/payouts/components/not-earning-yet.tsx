// "Not earning yet": the approved claims that earn nothing, and why (in the consent period until
// its last moment, waiting for the eligibility assessment, or not eligible with the programmes'
// reasons), so that none is silently absent from the earnings. A list rather than a table: each
// item reads whole on a phone.
import { Anchor, Group, List, Paper, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../../../i18n/index.tsx";
import type { NotEarning } from "../api/payouts.ts";

function useWhy() {
  const { t, dateTime } = useT();
  return (n: NotEarning) => {
    if (n.reason === "consent_period")
      return t("adminUi.payouts.notEarning.consent_period", { until: n.until ? dateTime(n.until) : "—" });
    if (n.reason === "pending_eligibility") return t("adminUi.payouts.notEarning.pending_eligibility");
    const reasons = n.ineligibleReasons.map((r) => t(`adminUi.ineligible.${r}`)).join("; ");
    return t("adminUi.payouts.notEarning.ineligible", { reasons: reasons || "—" });
  };
}

export function NotEarningYet({ items, orgName }: { items: NotEarning[]; orgName?: (id: string) => string }) {
  const { t } = useT();
  const why = useWhy();
  return (
    <section aria-labelledby="not-earning-yet">
      <Title order={2} id="not-earning-yet" mt="lg" mb={4}>
        {t("adminUi.payouts.notEarning.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("adminUi.payouts.notEarning.intro")}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">{t("adminUi.payouts.notEarning.empty")}</Text>
      ) : (
        <List
          listStyleType="none"
          spacing="xs"
          aria-label={t("adminUi.payouts.notEarning.caption", { count: items.length })}
        >
          {items.map((n) => (
            <List.Item key={n.claimId} data-testid="not-earning-item">
              <Paper withBorder p="sm">
                <Group gap="xs" align="baseline" wrap="wrap">
                  <Anchor
                    component={Link}
                    to={`/claims/${n.claimId}`}
                    size="sm"
                    style={{ whiteSpace: "nowrap" }}
                  >
                    {n.claimNumber}
                  </Anchor>
                  <Text size="sm" fw={600}>
                    {n.customer.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {n.customer.domain}
                  </Text>
                  {orgName && (
                    <Text size="xs" c="dimmed">
                      {orgName(n.organizationId)}
                    </Text>
                  )}
                </Group>
                <Text size="sm" mt={4}>
                  {why(n)}
                </Text>
              </Paper>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
