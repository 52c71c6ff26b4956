// The programme's customer registry (issue 11): searched as typed by name, domain or tenant ID
// (the search is in the URL, ?q=), in pages of 25 walked with the server's cursor, each customer
// with its subscriptions. Phones get a card per customer instead of the table.
import { Badge, Button, Card, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { DataTable } from "../../../../components/data-table.tsx";
import { FormError } from "../../../../components/forms.tsx";
import { useNarrow } from "../../../../components/use-narrow.ts";
import { useUrlText } from "../../../../components/use-url-text.ts";
import { useT } from "../../../../i18n/index.tsx";
import { useProductNames } from "../../../../lib/catalog.ts";
import { type CustomerPage, useCustomerRegistry } from "../api/customers.ts";

type Customer = CustomerPage["items"][number];

// Filled, with the theme's auto contrast: the light variant's green and yellow text fall below 4.5:1.
const SUBSCRIPTION_COLORS = { active: "teal.9", suspended: "yellow.4", cancelled: "gray.7" } as const;

function Subscriptions({ customer }: { customer: Customer }) {
  const { t } = useT();
  const productNames = useProductNames();
  if (customer.subscriptions.length === 0)
    return <Text size="sm">{t("adminUi.registry.noSubscriptions")}</Text>;
  return (
    <Stack gap={2}>
      {customer.subscriptions.map((s) => (
        <Group key={s.id} gap={6} wrap="nowrap">
          <Text size="sm">{productNames([s.product])}</Text>
          <Badge size="sm" variant="filled" autoContrast color={SUBSCRIPTION_COLORS[s.status]}>
            {t(`problems.subscription.${s.status}`)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

export function CustomerRegistry() {
  const { t } = useT();
  const narrow = useNarrow();
  const search = useUrlText("q");
  const q = search.value;
  // Pages walked so far for this search; another search starts at its first page.
  const [paging, setPaging] = useState<{ of: string; cursors: string[] }>({ of: q, cursors: [] });
  const cursors = paging.of === q ? paging.cursors : [];
  const page = useCustomerRegistry(q, cursors.at(-1) ?? null);
  const items = page.data?.items ?? [];
  const caption = t("adminUi.registry.caption", { page: cursors.length + 1 });
  return (
    <Stack>
      <TextInput
        type="search"
        label={t("adminUi.registry.search")}
        value={search.text}
        onChange={(e) => search.setText(e.currentTarget.value)}
        maw={420}
      />
      <FormError error={page.error} />
      {page.data && items.length === 0 && <Text c="dimmed">{t("adminUi.registry.empty")}</Text>}
      {items.length > 0 &&
        (narrow ? (
          <Stack component="ul" gap="xs" p={0} m={0} aria-label={caption} style={{ listStyle: "none" }}>
            {items.map((c) => (
              <Card component="li" key={c.tenantId} withBorder padding="sm">
                <Text fw={600}>{c.name}</Text>
                <Text size="sm">{c.domain}</Text>
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                  {c.tenantId}
                </Text>
                <Stack mt={4} gap={2}>
                  <Subscriptions customer={c} />
                </Stack>
              </Card>
            ))}
          </Stack>
        ) : (
          <DataTable
            caption={caption}
            columns={[
              t("adminUi.registry.name"),
              t("adminUi.registry.domain"),
              t("adminUi.registry.tenantId"),
              t("adminUi.registry.subscriptions"),
            ]}
            items={items}
            minWidth={720}
            striped
            row={(c) => (
              <Table.Tr key={c.tenantId}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.domain}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                    {c.tenantId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Subscriptions customer={c} />
                </Table.Td>
              </Table.Tr>
            )}
          />
        ))}
      <Group>
        {cursors.length > 0 && (
          <Button variant="default" onClick={() => setPaging({ of: q, cursors: [] })}>
            {t("adminUi.registry.firstPage")}
          </Button>
        )}
        {page.data?.nextCursor && (
          <Button
            variant="default"
            onClick={() => setPaging({ of: q, cursors: [...cursors, page.data?.nextCursor ?? ""] })}
          >
            {t("adminUi.registry.nextPage")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
