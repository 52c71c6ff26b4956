// Define a programme (POST /api/v1/admin/programs) or change one (PATCH /api/v1/admin/programs/:code):
// name, dates, the activities it pays for, and per product either a rate of the revenue or a flat
// amount per active subscription and month. Claims already assessed keep their result until the
// next re-assessment.
import { Button, Card, Group, MultiSelect, NumberInput, Radio, Select, Text, TextInput } from "@mantine/core";
import { DateInput, DatesProvider } from "@mantine/dates";
import "@mantine/dates/styles.css";
import "dayjs/locale/es";
import { useState } from "react";
import { FormModal } from "../../../../components/data-table.tsx";
import { fieldError, notifyDone } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { useCatalog } from "../../../../lib/catalog.ts";
import {
  bpsAsPercent,
  currencyDigits,
  formatMinor,
  parseAmountIn,
  parseRateBps,
} from "../../../../lib/money.ts";
import { isOneOf } from "../../../../lib/one-of.ts";
import { type Program, type ProgramProduct, useCreateProgram, useUpdateProgram } from "../api/programs.ts";

interface Row {
  key: number;
  code: string | null;
  kind: "rate" | "flat";
  /** As typed: a percentage with up to 2 decimals (basis points), an amount in the currency's digits. */
  percent: string;
  amount: string;
  currency: string;
}

const KINDS = ["rate", "flat"] as const;
let nextKey = 1;

function toRow(p: ProgramProduct): Row {
  const flat = p.flatMinor !== null;
  return {
    key: nextKey++,
    code: p.code,
    kind: flat ? "flat" : "rate",
    // Basis points are hundredths of a percent: 525 -> "5.25".
    percent: p.rateBps === null ? "" : bpsAsPercent(p.rateBps),
    amount:
      p.flatMinor === null || p.flatMinor === undefined ? "" : formatMinor(p.flatMinor, p.currency ?? "USD"),
    currency: p.currency ?? "USD",
  };
}

function toProduct(r: Row): ProgramProduct {
  if (r.kind === "rate")
    return {
      code: r.code ?? "",
      // An amount that does not parse goes as null: the server names the field that is missing.
      rateBps: parseRateBps(r.percent),
      flatMinor: null,
      currency: null,
    };
  const currency = r.currency.trim().toUpperCase();
  return {
    code: r.code ?? "",
    rateBps: null,
    flatMinor: parseAmountIn(r.amount, currency),
    currency,
  };
}

export function ProgramForm({
  program,
  onClose,
  onSaved,
}: {
  /** null: a new programme. */
  program: Program | null;
  onClose(): void;
  onSaved(p: Program): void;
}) {
  const { t, lang } = useT();
  const { products, activities } = useCatalog();
  const [code, setCode] = useState("");
  const [name, setName] = useState(program?.name ?? "");
  const [startsOn, setStartsOn] = useState<string | null>(program?.startsOn ?? null);
  const [endsOn, setEndsOn] = useState<string | null>(program?.endsOn ?? null);
  const [acts, setActs] = useState<string[]>(program?.activities ?? []);
  const [rows, setRows] = useState<Row[]>(() => (program?.products ?? []).map(toRow));
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.code ?? "");
  const req = program ? update : create;

  const setRow = (key: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = () => {
    const body = {
      name: name.trim(),
      startsOn: startsOn ?? "",
      endsOn: endsOn || null,
      activities: acts,
      products: rows.map(toProduct),
    };
    const onSuccess = (saved: Program) => {
      notifyDone(t("adminUi.programs.saved", { code: saved.code }), t("web.close"));
      onSaved(saved);
    };
    if (program) update.mutate(body, { onSuccess });
    else create.mutate({ code: code.trim().toUpperCase(), ...body }, { onSuccess });
  };

  const productOptions = products.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  const used = new Set(rows.map((r) => r.code));

  return (
    // Context reaches through the modal's portal, so the date inputs still read the language.
    <DatesProvider settings={{ locale: lang }}>
      <FormModal
        onClose={onClose}
        size="xl"
        title={
          program ? t("adminUi.programs.editTitle", { code: program.code }) : t("adminUi.programs.create")
        }
        onSubmit={submit}
        busy={req.isPending}
        error={req.error}
        submitLabel={t("adminUi.common.save")}
      >
        {!program && (
          <TextInput
            label={t("adminUi.programs.code")}
            description={t("adminUi.programs.codeHint")}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError(req.error, "code")}
          />
        )}
        <TextInput
          label={t("adminUi.programs.name")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(req.error, "name")}
        />
        <Group grow>
          <DateInput
            label={t("adminUi.programs.startsOn")}
            required
            valueFormat="YYYY-MM-DD"
            value={startsOn}
            onChange={setStartsOn}
            error={fieldError(req.error, "startsOn")}
          />
          <DateInput
            label={t("adminUi.programs.endsOn")}
            description={t("adminUi.programs.endsOnHint")}
            clearable
            valueFormat="YYYY-MM-DD"
            value={endsOn}
            onChange={setEndsOn}
            error={fieldError(req.error, "endsOn")}
          />
        </Group>
        <MultiSelect
          label={t("adminUi.programs.activities")}
          value={acts}
          onChange={setActs}
          data={activities.map((a) => ({
            value: a.code,
            label: t(`activity.${a.code}`, { defaultValue: a.name }),
          }))}
          error={fieldError(req.error, "activities")}
        />
        <Text fw={500} size="sm">
          {t("adminUi.programs.products")}
        </Text>
        {fieldError(req.error, "products") && (
          <Text c="red" size="sm">
            {fieldError(req.error, "products")}
          </Text>
        )}
        {rows.map((r, i) => (
          <Card key={r.key} withBorder padding="sm">
            <Group align="end" wrap="wrap">
              <Select
                label={t("adminUi.programs.product")}
                required
                searchable
                value={r.code}
                onChange={(v) => setRow(r.key, { code: v })}
                data={productOptions.filter((o) => o.value === r.code || !used.has(o.value))}
                error={fieldError(req.error, `products.${i}.code`)}
                w={260}
              />
              <Radio.Group
                label={t("adminUi.programs.kind")}
                value={r.kind}
                onChange={(v) => isOneOf(KINDS, v) && setRow(r.key, { kind: v })}
              >
                <Group gap="sm" h={36}>
                  <Radio value="rate" label={t("adminUi.programs.kindRate")} />
                  <Radio value="flat" label={t("adminUi.programs.kindFlat")} />
                </Group>
              </Radio.Group>
              {r.kind === "rate" ? (
                <NumberInput
                  label={t("adminUi.programs.ratePercent")}
                  required
                  min={0}
                  max={100}
                  decimalScale={2}
                  suffix=" %"
                  value={r.percent}
                  onChange={(v) => setRow(r.key, { percent: String(v) })}
                  error={fieldError(req.error, `products.${i}`)}
                  w={140}
                />
              ) : (
                <>
                  <NumberInput
                    label={t("adminUi.programs.flatAmount")}
                    required
                    min={0}
                    decimalScale={currencyDigits(r.currency) ?? 2}
                    value={r.amount}
                    onChange={(v) => setRow(r.key, { amount: String(v) })}
                    error={fieldError(req.error, `products.${i}`)}
                    w={160}
                  />
                  <TextInput
                    label={t("adminUi.programs.currency")}
                    required
                    maxLength={3}
                    value={r.currency}
                    onChange={(e) => setRow(r.key, { currency: e.currentTarget.value.toUpperCase() })}
                    error={fieldError(req.error, `products.${i}.currency`)}
                    w={100}
                  />
                </>
              )}
              <Button
                variant="subtle"
                color="red"
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                aria-label={t("adminUi.programs.removeProductNamed", { code: r.code ?? "" })}
              >
                {t("adminUi.programs.removeProduct")}
              </Button>
            </Group>
          </Card>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              setRows((rs) => [
                ...rs,
                { key: nextKey++, code: null, kind: "rate", percent: "5", amount: "", currency: "USD" },
              ])
            }
          >
            {t("adminUi.programs.addProduct")}
          </Button>
        </Group>
      </FormModal>
    </DatesProvider>
  );
}
