// The month's page: the month picker, calculating the month (for whoever runs payouts), its
// statements and its earnings. /payouts?month=YYYY-MM.
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { DatesProvider, MonthPickerInput } from "@mantine/dates";
import "@mantine/dates/styles.css";
import "dayjs/locale/es";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { FormError, formatMonth, notifyDone } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { useAbilities } from "../../../lib/session.tsx";
import { useCalculatePayouts, useStatements } from "../api/payouts.ts";
import { EarningsSection } from "./earnings-section.tsx";
import { currentMonth } from "./line-cells.tsx";
import { StatementsTable } from "./statements-table.tsx";

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

export function MonthView() {
  const { t, lang } = useT();
  const can = useAbilities();
  const [params, setParams] = useSearchParams();
  const month = params.get("month") ?? currentMonth();
  const statements = useStatements(month);
  const calc = useCalculatePayouts();
  const calculate = () =>
    calc.mutate(month, { onSuccess: (r) => notifyDone(t("adminUi.payouts.calculated", r), t("web.close")) });

  return (
    <Stack gap="lg">
      <Title order={1}>{t("adminUi.payouts.title")}</Title>
      <Group align="end">
        <MonthPicker month={month} onChange={(m) => setParams({ month: m }, { replace: true })} />
        {can.runPayouts && (
          <Button variant="light" loading={calc.isPending} onClick={calculate}>
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
          <StatementsTable items={statements.data.items} month={month} />
        )}
      </section>

      <EarningsSection month={month} />
    </Stack>
  );
}
