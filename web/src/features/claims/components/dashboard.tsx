// The Customer Associations Dashboard (RULES.md §14): counts per status, what needs the
// caller's action first, then every visible claim with filters, search, sort, keyset pages and a
// CSV export of the same selection.
import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import type { ClaimFilters, Status } from "../../../lib/api-types.ts";
import { useCatalog } from "../../../lib/catalog.ts";
import { useAbilities } from "../../../lib/session.tsx";
import { useClaims, useClaimsSummary } from "../api/claim-queries.ts";
import { ClaimTable } from "./claim-table.tsx";

const STATUSES: Status[] = [
  "editing",
  "submitted",
  "under_review",
  "partner_action_required",
  "approved",
  "rejected",
];
const FILTERS = [
  "status",
  "product",
  "activity",
  "partnerId",
  "tenantId",
  "q",
  "createdFrom",
  "createdTo",
  "sort",
] as const;

/** The list's query: the filters set in the URL (empty ones left out), a page of 50. */
function listQuery(filters: Record<string, string>, cursor: string | undefined): ClaimFilters {
  const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ""));
  return { ...set, limit: 50, ...(cursor ? { cursor } : {}) };
}

/** The CSV export of the same selection (a download link, so not through the client). */
function exportQuery(filters: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  return q ? `?${q}` : "";
}

export default function Dashboard() {
  const { t } = useT();
  const can = useAbilities();
  const { products, activities } = useCatalog();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])), [params]);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const summary = useClaimsSummary();
  const needs = useClaims({ needsAction: true, limit: 20, sort: "updatedAt" });
  const list = useClaims(listQuery(filters, cursor));

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t("web.dashboard.title")}</Title>
        {can.createClaim && (
          <Group gap="xs">
            <Button component={Link} to="/claims/bulk" variant="default">
              {t("web.nav.bulk")}
            </Button>
            <Button component={Link} to="/claims/new">
              {t("web.nav.newClaim")}
            </Button>
          </Group>
        )}
      </Group>

      <section aria-labelledby="counts">
        <Title order={2} size="h4" id="counts" mb="xs">
          {t("web.dashboard.counts")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          {STATUSES.map((s) => (
            <UnstyledButton
              key={s}
              onClick={() => setFilter("status", filters.status === s ? null : s)}
              aria-pressed={filters.status === s}
            >
              <Card withBorder padding="sm" bg={filters.status === s ? "blue.0" : undefined}>
                <Text size="xs" c="dimmed">
                  {t(`status.${s}`)}
                </Text>
                <Text size="xl" fw={700}>
                  {summary.data?.counts[s] ?? "…"}
                </Text>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="needs">
        <Title order={2} size="h4" id="needs" mb="xs">
          {t("web.dashboard.needsAction")} {summary.data ? `(${summary.data.needsAction})` : ""}
        </Title>
        <ErrorAlert error={needs.error} />
        {needs.data && needs.data.items.length === 0 ? (
          <Text c="dimmed">{t("web.dashboard.needsActionNone")}</Text>
        ) : (
          needs.data && <ClaimTable items={needs.data.items} caption={t("web.dashboard.needsAction")} />
        )}
      </section>

      <section aria-labelledby="all">
        <Title order={2} size="h4" id="all" mb="xs">
          {t("web.dashboard.all")}
        </Title>
        <Card withBorder mb="sm">
          <Group align="end" gap="sm">
            <TextInput
              label={t("web.dashboard.search")}
              defaultValue={filters.q}
              onKeyDown={(e) => {
                if (e.key === "Enter") setFilter("q", e.currentTarget.value.trim());
              }}
              onBlur={(e) => setFilter("q", e.currentTarget.value.trim())}
              w={280}
            />
            <Select
              label={t("web.dashboard.status")}
              clearable
              value={filters.status || null}
              onChange={(v) => setFilter("status", v)}
              data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              w={200}
            />
            <Select
              label={t("web.dashboard.product")}
              clearable
              searchable
              value={filters.product || null}
              onChange={(v) => setFilter("product", v)}
              data={products.map((p) => ({ value: p.code, label: p.name }))}
              w={220}
            />
            <Select
              label={t("web.dashboard.activity")}
              clearable
              value={filters.activity || null}
              onChange={(v) => setFilter("activity", v)}
              data={activities.map((a) => ({ value: a.code, label: t(`activity.${a.code}`) }))}
              w={180}
            />
            <TextInput
              label={t("web.dashboard.partnerId")}
              defaultValue={filters.partnerId}
              onBlur={(e) => setFilter("partnerId", e.currentTarget.value.trim())}
              w={120}
            />
            <TextInput
              label={t("web.dashboard.tenantId")}
              defaultValue={filters.tenantId}
              onBlur={(e) => setFilter("tenantId", e.currentTarget.value.trim())}
              w={300}
            />
            <TextInput
              type="date"
              label={t("web.dashboard.createdFrom")}
              value={filters.createdFrom?.slice(0, 10)}
              onChange={(e) =>
                setFilter(
                  "createdFrom",
                  e.currentTarget.value ? `${e.currentTarget.value}T00:00:00.000Z` : null,
                )
              }
            />
            <TextInput
              type="date"
              label={t("web.dashboard.createdTo")}
              value={filters.createdTo?.slice(0, 10)}
              onChange={(e) =>
                setFilter(
                  "createdTo",
                  e.currentTarget.value ? `${e.currentTarget.value}T23:59:59.999Z` : null,
                )
              }
            />
            <Select
              label={t("web.dashboard.sort")}
              value={filters.sort || "-updatedAt"}
              onChange={(v) => setFilter("sort", v === "-updatedAt" ? null : v)}
              data={[
                { value: "-updatedAt", label: t("web.dashboard.sortUpdated") },
                { value: "-createdAt", label: t("web.dashboard.sortCreated") },
                { value: "createdAt", label: t("web.dashboard.sortOldest") },
                { value: "number", label: t("web.dashboard.sortNumber") },
              ]}
              w={220}
            />
            <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
              {t("web.dashboard.clear")}
            </Button>
            <Button
              component="a"
              variant="light"
              href={`/api/v1/claims/export.csv${exportQuery(filters)}`}
              download
            >
              {t("web.dashboard.export")}
            </Button>
          </Group>
        </Card>
        <ErrorAlert error={list.error} />
        {list.data && list.data.items.length === 0 && <Text c="dimmed">{t("web.dashboard.empty")}</Text>}
        {list.data && list.data.items.length > 0 && (
          <ClaimTable items={list.data.items} caption={t("web.dashboard.all")} />
        )}
        <Group mt="sm">
          {cursors.length > 0 && (
            <Button variant="default" onClick={() => setCursors([])}>
              {t("web.dashboard.firstPage")}
            </Button>
          )}
          {list.data?.nextCursor && (
            <Button variant="default" onClick={() => setCursors([...cursors, list.data?.nextCursor ?? ""])}>
              {t("web.dashboard.moreResults")}
            </Button>
          )}
        </Group>
      </section>
    </Stack>
  );
}
