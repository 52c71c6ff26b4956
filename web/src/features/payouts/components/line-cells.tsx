// The pieces both the month's and one statement's tables are made of: the status badge, the
// claim, subscription and amount cells, and the organisation names for those who see every
// organisation's money.
import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatRate } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { useProducts } from "../../../lib/catalog.ts";
import { orgNameOf, useOrganizations } from "../../../lib/organizations.ts";
import { useUser } from "../../../lib/session.tsx";
import type { PayoutStatus } from "../api/payouts.ts";

const STATUS_COLORS: Record<PayoutStatus, string> = { calculated: "blue", approved: "indigo", paid: "green" };

export function currentMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`adminUi.payouts.status.${status}`)}
    </Badge>
  );
}

/**
 * Whether the caller sees every organisation's money (it belongs to none): then tables name the
 * organisation of each row and the earnings can be narrowed to one.
 */
export function useOrgNames() {
  const { organization } = useUser();
  const everyOrganization = !organization;
  const orgs = useOrganizations(everyOrganization);
  const list = everyOrganization ? (orgs.data?.items ?? []) : [organization];
  return { everyOrganization, orgs: list, orgName: orgNameOf(list) };
}

/** A product's name from the catalog (its code until the catalog is loaded). */
function useProductName() {
  const products = useProducts().data?.items ?? [];
  return (code: string) => products.find((p) => p.code === code)?.name ?? code;
}
/** How a line earns: a rate of its revenue or a flat amount. */
function useEarnsBy() {
  const { t, money, lang } = useT();
  return (l: { rateBps: number | null; flatMinor: number | null }, currency: string) =>
    l.rateBps !== null
      ? formatRate(l.rateBps, lang)
      : l.flatMinor !== null
        ? t("adminUi.payouts.flat", { amount: money(l.flatMinor, currency) })
        : "—";
}

/** The column heads both line tables share, in the order of SubscriptionCells and AmountCells. */
export function useLineColumns() {
  const { t } = useT();
  return {
    subscription: [
      t("adminUi.payouts.tenant"),
      t("adminUi.payouts.subscription"),
      t("adminUi.payouts.product"),
    ],
    amounts: [t("adminUi.payouts.revenue"), t("adminUi.payouts.rate"), t("adminUi.payouts.earned")],
  };
}

/** The claim's number (a link) and the customer it names, so a line reads without opening it. */
export function ClaimCell({
  line,
}: {
  line: { claimId: string; claimNumber: string; customerName: string; customerDomain: string };
}) {
  return (
    <Table.Td>
      <Anchor component={Link} to={`/claims/${line.claimId}`} size="sm" style={{ whiteSpace: "nowrap" }}>
        {line.claimNumber}
      </Anchor>
      <Text size="sm">{line.customerName}</Text>
      <Text size="xs" c="dimmed">
        {line.customerDomain}
      </Text>
    </Table.Td>
  );
}

/** Tenant, subscription and product of an earnings or statement line. */
export function SubscriptionCells({
  line,
}: {
  line: { tenantId: string; subscriptionId: string; product: string };
}) {
  const productName = useProductName();
  return (
    <>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {line.tenantId}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {line.subscriptionId}
        </Text>
      </Table.Td>
      <Table.Td>{productName(line.product)}</Table.Td>
    </>
  );
}

/** Revenue, how the line earns, and what it earned. */
export function AmountCells({
  line,
  currency,
}: {
  line: { revenueMinor: number; earningsMinor: number; rateBps: number | null; flatMinor: number | null };
  currency: string;
}) {
  const { money } = useT();
  const earnsBy = useEarnsBy();
  return (
    <>
      <Table.Td ta="right">{money(line.revenueMinor, currency)}</Table.Td>
      <Table.Td>{earnsBy(line, currency)}</Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600}>
          {money(line.earningsMinor, currency)}
        </Text>
      </Table.Td>
    </>
  );
}
