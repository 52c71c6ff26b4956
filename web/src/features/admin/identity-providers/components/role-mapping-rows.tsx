// The claim/group -> role rows of a provider's mapping: a value the IdP sends (a group id, an app
// role) and the Claimdesk role it gives, in order (the first the user holds wins), and the role of
// everyone else (or nobody). The roles offered are those the server says this side may map.
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useT } from "../../../../i18n/index.tsx";
import type { Role } from "../../../../lib/api-types.ts";
import { isOneOf } from "../../../../lib/one-of.ts";

export interface MappingRow {
  key: number;
  value: string;
  role: Role | null;
}

let nextKey = 1;
export const newRow = (value = "", role: Role | null = null): MappingRow => ({ key: nextKey++, value, role });

export function RoleMappingRows({
  rows,
  onChange,
  roles,
  fallback,
  onFallback,
}: {
  rows: MappingRow[];
  onChange(rows: MappingRow[]): void;
  roles: Role[];
  fallback: Role | null;
  onFallback(role: Role | null): void;
}) {
  const { t } = useT();
  const options = roles.map((r) => ({ value: r, label: t(`adminUi.roles.${r}`) }));
  const set = (key: number, change: Partial<MappingRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <Stack gap="xs">
      {rows.map((row, i) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t("idpUi.claimValue")}
            value={row.value}
            onChange={(e) => set(row.key, { value: e.currentTarget.value })}
          />
          <Select
            style={{ flex: 1 }}
            label={t("idpUi.role")}
            data={options}
            value={row.role}
            onChange={(v) => set(row.key, { role: isOneOf(roles, v) ? v : null })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t("idpUi.removeRow", { n: i + 1 })}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            <Text aria-hidden>×</Text>
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...rows, newRow()])}>
          {t("idpUi.addRow")}
        </Button>
      </Group>
      <Select
        label={t("idpUi.defaultRole")}
        data={[{ value: "", label: t("idpUi.defaultNone") }, ...options]}
        value={fallback ?? ""}
        onChange={(v) => onFallback(isOneOf(roles, v) ? v : null)}
        allowDeselect={false}
      />
    </Stack>
  );
}
