// The Customer Associations Dashboard (RULES.md §14): counts per status, what needs the
// caller's action first, then every visible claim with filters, search, sort, keyset pages and a
// CSV export of the same selection. The URL holds the filters and is the one truth: the rows and
// the export link read it, and the text boxes follow it (search as you type: use-url-text.ts).
import {
  Button,
  Card,
  Group,
  NativeSelect,
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
import { useNarrow } from "../../../components/use-narrow.ts";
import { useUrlText } from "../../../components/use-url-text.ts";
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

// Full width on a phone, side by side from the small breakpoint up.
const width = (px: number) => ({ base: "100%", xs: px });

/** A text filter that follows the URL as it is typed. */
function UrlTextInput({ name, label, w }: { name: string; label: string; w: number }) {
  const { text, setText } = useUrlText(name);
  return (
    <TextInput
      label={label}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      w={width(w)}
      type={name === "q" ? "search" : "text"}
    />
  );
}

export default function Dashboard() {
  const { t } = useT();
  const can = useAbilities();
  const { products, activities } = useCatalog();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])), [params]);
  const selection = exportQuery(filters);
  // Pages walked so far, for this selection only: another selection starts at its first page.
  const [paging, setPaging] = useState<{ of: string; cursors: string[] }>({ of: selection, cursors: [] });
  const cursors = paging.of === selection ? paging.cursors : [];
  const summary = useClaimsSummary();
  const needs = useClaims({ needsAction: true, limit: 20, sort: "updatedAt" });
  const list = useClaims(listQuery(filters, cursors.at(-1)));
  // On a phone the filters other than the search fold away behind one button.
  const narrow = useNarrow();
  const [unfolded, setUnfolded] = useState(false);
  const folded = narrow && !unfolded;
  const setCount = FILTERS.filter((f) => f !== "q" && filters[f] !== "").length;

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const select = (name: string, value: string) => setFilter(name, value === "" ? null : value);
  const any = (label: string) => ({ value: "", label });

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
              <Card withBorder padding="sm" bg={filters.status === s ? "blue.0" : undefined} h="100%">
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
            <UrlTextInput name="q" label={t("web.dashboard.search")} w={280} />
            {narrow && (
              <Button variant="default" onClick={() => setUnfolded(!unfolded)} aria-expanded={!folded}>
                {setCount ? `${t("web.dashboard.filters")} (${setCount})` : t("web.dashboard.filters")}
              </Button>
            )}
            {!folded && (
              <>
                {/* Native selects: a phone's own picker, and no pop-over library in the first load. */}
                <NativeSelect
                  label={t("web.dashboard.status")}
                  value={filters.status}
                  onChange={(e) => select("status", e.currentTarget.value)}
                  data={[
                    any(t("web.dashboard.any")),
                    ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
                  ]}
                  w={width(220)}
                />
                <NativeSelect
                  label={t("web.dashboard.product")}
                  value={filters.product}
                  onChange={(e) => select("product", e.currentTarget.value)}
                  data={[
                    any(t("web.dashboard.any")),
                    ...products.map((p) => ({ value: p.code, label: p.name })),
                  ]}
                  w={width(220)}
                />
                <NativeSelect
                  label={t("web.dashboard.activity")}
                  value={filters.activity}
                  onChange={(e) => select("activity", e.currentTarget.value)}
                  data={[
                    any(t("web.dashboard.any")),
                    ...activities.map((a) => ({ value: a.code, label: t(`activity.${a.code}`) })),
                  ]}
                  w={width(180)}
                />
                <UrlTextInput name="partnerId" label={t("web.dashboard.partnerId")} w={120} />
                <UrlTextInput name="tenantId" label={t("web.dashboard.tenantId")} w={300} />
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
                  w={width(160)}
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
                  w={width(160)}
                />
                <NativeSelect
                  label={t("web.dashboard.sort")}
                  value={filters.sort || "-updatedAt"}
                  onChange={(e) =>
                    select("sort", e.currentTarget.value === "-updatedAt" ? "" : e.currentTarget.value)
                  }
                  data={[
                    { value: "-updatedAt", label: t("web.dashboard.sortUpdated") },
                    { value: "-createdAt", label: t("web.dashboard.sortCreated") },
                    { value: "createdAt", label: t("web.dashboard.sortOldest") },
                    { value: "number", label: t("web.dashboard.sortNumber") },
                  ]}
                  w={width(220)}
                />
                <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
                  {t("web.dashboard.clear")}
                </Button>
              </>
            )}
            <Button
              component="a"
              variant="light"
              href={`/api/v1/claims/export.csv${selection}`}
              download
              data-testid="claims-export"
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
            <Button variant="default" onClick={() => setPaging({ of: selection, cursors: [] })}>
              {t("web.dashboard.firstPage")}
            </Button>
          )}
          {list.data?.nextCursor && (
            <Button
              variant="default"
              onClick={() => setPaging({ of: selection, cursors: [...cursors, list.data?.nextCursor ?? ""] })}
            >
              {t("web.dashboard.moreResults")}
            </Button>
          )}
        </Group>
      </section>
    </Stack>
  );
}
