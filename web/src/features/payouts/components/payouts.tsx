// Earnings and payout statements of a month (API.md "Incentives"). Billing and global admins see
// their organisation's, program admins every organisation's. /payouts?month=YYYY-MM lists the
// month's statements and earnings lines; /payouts/:id shows one statement, where the partner flags a
// line as disputed and the program admin approves it and marks it paid.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { DatesProvider, MonthPickerInput } from "@mantine/dates";
import "@mantine/dates/styles.css";
import "dayjs/locale/es";
import { useState } from "react";
import { Link, Route, Routes, useParams, useSearchParams } from "react-router";
import { ErrorAlert, useCatalog, useLoad } from "../../../components/common.tsx";
import { DataTable, FormModal, ListTable } from "../../../components/data-table.tsx";
import {
  FormError,
  fieldError,
  formatMonth,
  formatRate,
  notifyDone,
  orgNameOf,
  useRequest,
} from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { get, post, qs } from "../../../lib/api-client.ts";
import type {
  Earnings,
  Organization,
  PayoutLine,
  PayoutStatement,
  PayoutStatus,
} from "../../../lib/hand-types.ts";
import { useUser } from "../../../lib/session.tsx";
import "../../../i18n/admin-texts.ts";

const STATUS_COLORS: Record<PayoutStatus, string> = { calculated: "blue", approved: "indigo", paid: "green" };

function currentMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`adminUi.payouts.status.${status}`)}
    </Badge>
  );
}

/** Organisation names, for the program admin who sees every organisation's money. */
function useOrgNames() {
  const { user, organization } = useUser();
  const program = user.role === "program_admin";
  const orgs = useLoad<{ id: string; name: string }[]>(
    () =>
      program
        ? get<{ items: Organization[] }>("/api/v1/admin/organizations").then((r) => r.items)
        : Promise.resolve(organization ? [organization] : []),
    [program],
  );
  return { orgs: orgs.data ?? [], orgName: orgNameOf(orgs.data ?? []) };
}

/** A product's name from the catalog (its code until the catalog is loaded). */
function useProductName() {
  const { products } = useCatalog();
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
function useLineColumns() {
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

function ClaimCell({ line }: { line: { claimId: string; claimNumber: string } }) {
  return (
    <Table.Td>
      <Anchor component={Link} to={`/claims/${line.claimId}`} size="sm">
        {line.claimNumber}
      </Anchor>
    </Table.Td>
  );
}

/** Tenant, subscription and product of an earnings or statement line. */
function SubscriptionCells({
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
function AmountCells({
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

function MonthPicker({ month, onChange }: { month: string; onChange(month: string): void }) {
  const { t, lang } = useT();
  return (
    <DatesProvider settings={{ locale: lang }}>
      <MonthPickerInput
        label={t("adminUi.payouts.month")}
        value={`${month}-01`}
        onChange={(v) => v && onChange(v.slice(0, 7))}
        w={220}
      />
    </DatesProvider>
  );
}

function StatementsTable({
  items,
  month,
  onChanged,
}: {
  items: PayoutStatement[];
  month: string;
  onChanged(): void;
}) {
  const { t, money, dateTime, lang } = useT();
  const { user } = useUser();
  const program = user.role === "program_admin";
  const { orgName } = useOrgNames();
  const req = useRequest();
  const move = async (s: PayoutStatement, step: "approve" | "paid") => {
    const r = await req.run(() => post<PayoutStatement>(`/api/v1/admin/payouts/${s.id}/${step}`));
    if (r) {
      notifyDone(
        t(step === "approve" ? "adminUi.payouts.approvedDone" : "adminUi.payouts.paidDone"),
        t("web.close"),
      );
      onChanged();
    }
  };
  return (
    <Stack>
      <FormError error={req.error} />
      <DataTable
        minWidth={800}
        striped
        highlightOnHover
        caption={t("adminUi.payouts.statementsCaption", { month: formatMonth(month, lang) })}
        columns={[
          program && t("adminUi.payouts.organization"),
          t("adminUi.payouts.currency"),
          t("adminUi.payouts.total"),
          t("adminUi.payouts.statusLabel"),
          t("adminUi.payouts.lines"),
          t("adminUi.payouts.calculatedAt"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(s) => {
          const disputed = s.lines.filter((l) => l.dispute).length;
          return (
            <Table.Tr key={s.id}>
              {program && <Table.Td>{orgName(s.organizationId)}</Table.Td>}
              <Table.Td>{s.currency}</Table.Td>
              <Table.Td>
                <Text fw={600}>{money(s.totalMinor, s.currency)}</Text>
              </Table.Td>
              <Table.Td>
                <PayoutStatusBadge status={s.status} />
              </Table.Td>
              <Table.Td>
                {s.lines.length}
                {disputed > 0 && (
                  <Badge ml="xs" color="orange" variant="light">
                    {t("adminUi.payouts.disputedCount", { count: disputed })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{dateTime(s.calculatedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button component={Link} to={`${s.id}?month=${month}`} size="xs" variant="light">
                    {t("adminUi.payouts.view")}
                  </Button>
                  <Button
                    component="a"
                    href={`/api/v1/payouts/${s.id}/export.csv`}
                    download
                    size="xs"
                    variant="subtle"
                  >
                    {t("adminUi.payouts.exportCsv")}
                  </Button>
                  {program && s.status === "calculated" && (
                    <Button size="xs" loading={req.busy} onClick={() => void move(s, "approve")}>
                      {t("adminUi.payouts.approve")}
                    </Button>
                  )}
                  {program && s.status === "approved" && (
                    <Button size="xs" color="green" loading={req.busy} onClick={() => void move(s, "paid")}>
                      {t("adminUi.payouts.markPaid")}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </Stack>
  );
}

function EarningsSection({ month }: { month: string }) {
  const { t, money } = useT();
  const { user } = useUser();
  const program = user.role === "program_admin";
  const { orgs, orgName } = useOrgNames();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const earnings = useLoad(
    () =>
      get<Earnings>(`/api/v1/earnings${qs({ month, organizationId: program ? organizationId : undefined })}`),
    [month, organizationId, program],
  );
  const lineColumns = useLineColumns();
  const items = earnings.data?.items ?? [];
  return (
    <section aria-labelledby="earnings">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={2} id="earnings">
          {t("adminUi.payouts.earnings")}
        </Title>
        {program && (
          <Select
            label={t("adminUi.payouts.organization")}
            placeholder={t("adminUi.payouts.allOrganizations")}
            clearable
            searchable
            value={organizationId}
            onChange={setOrganizationId}
            data={orgs.map((o) => ({ value: o.id, label: o.name }))}
            w={260}
          />
        )}
      </Group>
      <ErrorAlert error={earnings.error} />
      {earnings.data && items.length === 0 && <Text c="dimmed">{t("adminUi.payouts.noEarnings")}</Text>}
      {earnings.data && earnings.data.totals.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
          {earnings.data.totals.map((tot) => (
            <Card key={tot.currency} withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.totalIn", { currency: tot.currency })}
              </Text>
              <Text size="lg" fw={700}>
                {money(tot.earningsMinor, tot.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.ofRevenue", { amount: money(tot.revenueMinor, tot.currency) })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {items.length > 0 && (
        <DataTable
          minWidth={1000}
          mah={600}
          striped
          stickyHeader
          verticalSpacing={4}
          caption={t("adminUi.payouts.earningsCaption", { count: items.length })}
          columns={[
            t("adminUi.payouts.claim"),
            program && t("adminUi.payouts.organization"),
            ...lineColumns.subscription,
            t("adminUi.payouts.program"),
            ...lineColumns.amounts,
          ]}
          items={items}
          row={(l) => (
            <Table.Tr key={`${l.claimId}-${l.subscriptionId}-${l.program}-${l.currency}`}>
              <ClaimCell line={l} />
              {program && <Table.Td>{orgName(l.organizationId)}</Table.Td>}
              <SubscriptionCells line={l} />
              <Table.Td>{l.program}</Table.Td>
              <AmountCells line={l} currency={l.currency} />
            </Table.Tr>
          )}
        />
      )}
    </section>
  );
}

function MonthView() {
  const { t, lang } = useT();
  const { user } = useUser();
  const program = user.role === "program_admin";
  const [params, setParams] = useSearchParams();
  const month = params.get("month") ?? currentMonth();
  const statements = useLoad(
    () => get<{ items: PayoutStatement[] }>(`/api/v1/payouts${qs({ month })}`),
    [month],
  );
  const calc = useRequest();

  const calculate = async () => {
    const r = await calc.run(() =>
      post<{ statements: number; lines: number; kept: number }>("/api/v1/admin/payouts/calculate", { month }),
    );
    if (r) {
      notifyDone(t("adminUi.payouts.calculated", r), t("web.close"));
      void statements.reload();
    }
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t("adminUi.payouts.title")}</Title>
      <Group align="end">
        <MonthPicker month={month} onChange={(m) => setParams({ month: m }, { replace: true })} />
        {program && (
          <Button variant="light" loading={calc.busy} onClick={() => void calculate()}>
            {t("adminUi.payouts.calculate", { month: formatMonth(month, lang) })}
          </Button>
        )}
      </Group>
      <FormError error={calc.error} />

      <section aria-labelledby="statements">
        <Title order={2} id="statements" mb="sm">
          {t("adminUi.payouts.statements")}
        </Title>
        <ErrorAlert error={statements.error} />
        {statements.data?.items.length === 0 && <Text c="dimmed">{t("adminUi.payouts.noStatements")}</Text>}
        {statements.data && statements.data.items.length > 0 && (
          <StatementsTable
            items={statements.data.items}
            month={month}
            onChanged={() => void statements.reload()}
          />
        )}
      </section>

      <EarningsSection month={month} />
    </Stack>
  );
}

function DisputeModal({
  statementId,
  line,
  onClose,
  onDone,
}: {
  statementId: string;
  line: PayoutLine;
  onClose(): void;
  onDone(line: PayoutLine): void;
}) {
  const { t } = useT();
  const [comment, setComment] = useState(line.dispute?.comment ?? "");
  const req = useRequest();
  const submit = async () => {
    const r = await req.run(() =>
      post<PayoutLine>(`/api/v1/payouts/${statementId}/lines/${line.id}/dispute`, {
        comment: comment.trim(),
      }),
    );
    if (r) {
      notifyDone(t("adminUi.payouts.disputeSent"), t("web.close"));
      onDone(r);
    }
  };
  return (
    <FormModal
      withCloseLabel={false}
      onClose={onClose}
      title={t("adminUi.payouts.disputeTitle", { claim: line.claimNumber })}
      intro={
        <Text size="sm" c="dimmed">
          {t("adminUi.payouts.disputeIntro")}
        </Text>
      }
      onSubmit={() => void submit()}
      busy={req.busy}
      error={req.error}
      submitLabel={t("adminUi.payouts.disputeSubmit")}
      submitColor="orange"
      submitDisabled={!comment.trim()}
    >
      <Textarea
        label={t("adminUi.payouts.disputeComment")}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={fieldError(req.error, "comment")}
      />
    </FormModal>
  );
}

function StatementView() {
  const { t, money, dateTime, lang } = useT();
  const { user } = useUser();
  const program = user.role === "program_admin";
  const mayDispute = user.role === "billing_admin" || user.role === "global_admin";
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const statement = useLoad(() => get<PayoutStatement>(`/api/v1/payouts/${id}`), [id]);
  const { orgName } = useOrgNames();
  const lineColumns = useLineColumns();
  const [disputing, setDisputing] = useState<PayoutLine | null>(null);
  const req = useRequest();
  const s = statement.data;
  const back = `/payouts${qs({ month: params.get("month") ?? s?.month })}`;

  const move = async (step: "approve" | "paid") => {
    const r = await req.run(() => post<PayoutStatement>(`/api/v1/admin/payouts/${id}/${step}`));
    if (r) {
      notifyDone(
        t(step === "approve" ? "adminUi.payouts.approvedDone" : "adminUi.payouts.paidDone"),
        t("web.close"),
      );
      statement.setData(r);
    }
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        {t("adminUi.payouts.back")}
      </Anchor>
      <ErrorAlert error={statement.error} />
      {s && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1}>
                {t("adminUi.payouts.statementTitle", {
                  month: formatMonth(s.month, lang),
                  currency: s.currency,
                })}
              </Title>
              <Text c="dimmed">{orgName(s.organizationId)}</Text>
            </Stack>
            <Group>
              <Button component="a" href={`/api/v1/payouts/${s.id}/export.csv`} download variant="light">
                {t("adminUi.payouts.exportCsv")}
              </Button>
              {program && s.status === "calculated" && (
                <Button loading={req.busy} onClick={() => void move("approve")}>
                  {t("adminUi.payouts.approve")}
                </Button>
              )}
              {program && s.status === "approved" && (
                <Button color="green" loading={req.busy} onClick={() => void move("paid")}>
                  {t("adminUi.payouts.markPaid")}
                </Button>
              )}
            </Group>
          </Group>
          <FormError error={req.error} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.total")}
              </Text>
              <Text size="xl" fw={700}>
                {money(s.totalMinor, s.currency)}
              </Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.statusLabel")}
              </Text>
              <PayoutStatusBadge status={s.status} />
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t("adminUi.payouts.calculatedAt")}
              </Text>
              <Text size="sm">{dateTime(s.calculatedAt)}</Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {s.paidAt ? t("adminUi.payouts.paidAt") : t("adminUi.payouts.approvedAt")}
              </Text>
              <Text size="sm">
                {s.paidAt ? dateTime(s.paidAt) : s.approvedAt ? dateTime(s.approvedAt) : "—"}
              </Text>
            </Card>
          </SimpleGrid>
          {mayDispute && s.status !== "paid" && (
            <Alert color="blue" variant="light">
              {t("adminUi.payouts.disputeHelp")}
            </Alert>
          )}
          <ListTable
            loaded
            empty={t("adminUi.payouts.noLines")}
            minWidth={1100}
            striped
            verticalSpacing={4}
            caption={t("adminUi.payouts.linesCaption", { count: s.lines.length })}
            columns={[
              t("adminUi.payouts.claim"),
              t("adminUi.payouts.program"),
              ...lineColumns.subscription,
              ...lineColumns.amounts,
              t("adminUi.payouts.dispute"),
            ]}
            items={s.lines}
            row={(l) => (
              <Table.Tr key={l.id} bg={l.dispute ? "orange.0" : undefined}>
                <ClaimCell line={l} />
                <Table.Td>{l.program}</Table.Td>
                <SubscriptionCells line={l} />
                <AmountCells line={l} currency={s.currency} />
                <Table.Td>
                  {l.dispute && (
                    <Stack gap={2}>
                      <Badge color="orange" variant="light">
                        {t("adminUi.payouts.disputed")}
                      </Badge>
                      <Text size="xs">{l.dispute.comment}</Text>
                      <Text size="xs" c="dimmed">
                        {dateTime(l.dispute.at)}
                      </Text>
                    </Stack>
                  )}
                  {mayDispute && s.status !== "paid" && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="orange"
                      onClick={() => setDisputing(l)}
                      aria-label={t("adminUi.payouts.disputeTitle", { claim: l.claimNumber })}
                    >
                      {l.dispute ? t("adminUi.payouts.changeDispute") : t("adminUi.payouts.disputeLine")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
          {disputing && (
            <DisputeModal
              statementId={s.id}
              line={disputing}
              onClose={() => setDisputing(null)}
              onDone={(line) => {
                setDisputing(null);
                statement.setData((old) =>
                  old ? { ...old, lines: old.lines.map((x) => (x.id === line.id ? line : x)) } : old,
                );
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}

export default function Payouts() {
  return (
    <Routes>
      <Route index element={<MonthView />} />
      <Route path=":id" element={<StatementView />} />
    </Routes>
  );
}
