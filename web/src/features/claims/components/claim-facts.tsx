// A claim's facts (partner, customer, activity, products, contacts) and its state chips (consent,
// dispute, SLA) beside the status.
import { Badge, Group, Stack, Text } from "@mantine/core";
import { StatusBadge } from "../../../components/status-badge.tsx";
import { useT } from "../../../i18n/index.tsx";
import type { Claim } from "../../../lib/api-types.ts";
import { useProductNames } from "../../../lib/catalog.ts";
import { formatLastMoment } from "../../../lib/dates.ts";

export function Facts({ claim }: { claim: Claim }) {
  const { t, date } = useT();
  const productNames = useProductNames();
  const rows: [string, string][] = [
    [t("web.claim.partnerId"), claim.partnerId],
    [t("web.claim.customer"), `${claim.customer.name} (${claim.customer.domain})`],
    [t("web.claim.tenantId"), claim.customer.tenantId],
    ...(claim.customer.subscriptionId
      ? [[t("web.claim.subscriptionId"), claim.customer.subscriptionId] as [string, string]]
      : []),
    [t("web.claim.activity"), t(`activity.${claim.activity}`)],
    [t("web.claim.products"), productNames(claim.products)],
    [t("web.claim.customerContact"), `${claim.customerContact.name} <${claim.customerContact.email}>`],
    [t("web.claim.partnerContact"), `${claim.partnerContact.name} <${claim.partnerContact.email}>`],
  ];
  return (
    <Stack gap={4}>
      {rows.map(([k, v]) => (
        <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
            {k}
          </Text>
          <Text size="sm" style={{ wordBreak: "break-all" }}>
            {v}
          </Text>
        </Group>
      ))}
      {claim.createdAt && (
        <Text size="xs" c="dimmed" mt="xs">
          {date(claim.createdAt)}
        </Text>
      )}
    </Stack>
  );
}

export function StateChips({ claim }: { claim: Claim }) {
  const { t, date, lang } = useT();
  const chips: { label: string; color: string }[] = [];
  if (claim.consent) {
    const key = {
      running: "consentRunning",
      passed: "consentPassed",
      denied: "consentDenied",
      confirmed: "consentConfirmed",
      cancelled: "consentCancelled",
    }[claim.consent.status];
    chips.push({
      // While it runs, the end as every deadline is written (the inclusive last moment).
      label: t(`web.claim.${key}`, {
        date: claim.consent.deadline
          ? formatLastMoment(claim.consent.deadline, lang)
          : date(claim.consent.endsAt),
      }),
      color: claim.consent.status === "denied" ? "red" : "teal",
    });
  }
  if (claim.dispute) {
    const key = { open: "disputeOpen", upheld: "disputeUpheld", overturned: "disputeOverturned" }[
      claim.dispute.status
    ];
    const due = claim.dispute.deadline ? formatLastMoment(claim.dispute.deadline, lang) : "";
    chips.push({ label: t(`web.claim.${key}`, { date: due }), color: "violet" });
  }
  if (claim.sla) {
    const key = { on_time: "slaOnTime", due_soon: "slaDueSoon", breached: "slaBreached" }[claim.sla.state];
    chips.push({
      label: `${t("web.claim.sla")}: ${t(`web.claim.${key}`)}`,
      color: claim.sla.state === "breached" ? "red" : claim.sla.state === "due_soon" ? "yellow" : "gray",
    });
  }
  return (
    <Group gap="xs" role="group" aria-label={t("web.claim.status")}>
      <StatusBadge status={claim.status} />
      {chips.map((c) => (
        <Badge key={c.label} color={c.color} variant="outline">
          {c.label}
        </Badge>
      ))}
    </Group>
  );
}
