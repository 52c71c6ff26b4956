// Suggestions under the new-claim look-up as the user types (a pause of 300 ms): picking one looks
// that customer up by its tenant ID, the exact look-up every user may make.
import { Button, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useT } from "../../../i18n/index.tsx";
import { useAbilities } from "../../../lib/session.tsx";
import { useCustomerSuggestions } from "../api/customer-suggestions.ts";

export function CustomerSuggestions({ text, onPick }: { text: string; onPick(tenantId: string): void }) {
  const { t } = useT();
  const can = useAbilities();
  const [settled] = useDebouncedValue(text, 300);
  const suggestions = useCustomerSuggestions(settled, can.manageCustomerRegistry);
  const items = settled.trim().length >= 2 ? (suggestions.data ?? []) : [];
  if (items.length === 0) return null;
  const label = can.manageCustomerRegistry ? t("web.newClaim.suggestions") : t("web.newClaim.suggestionsOwn");
  return (
    <Stack gap={2} mt="xs">
      <Text size="xs" c="dimmed" id="customer-suggestions">
        {label}
      </Text>
      <Stack
        component="ul"
        gap={0}
        p={0}
        m={0}
        aria-labelledby="customer-suggestions"
        style={{ listStyle: "none" }}
      >
        {items.map((s) => (
          <li key={s.tenantId}>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onPick(s.tenantId)}
              styles={{ label: { whiteSpace: "normal" } }}
            >
              {s.name} · {s.domain}
            </Button>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
