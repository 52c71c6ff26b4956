// Business-day calendars (program admin): a region's public holidays, the weekend days, and the
// time zone a business day ends in (GET/POST /api/v1/admin/calendars). Organisations choose one
// under Organisations.
import { Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { FormModal, ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { notifyDone, SectionHeader } from "../../../../components/forms.tsx";
import { useFieldErrors } from "../../../../components/use-field-errors.ts";
import { useT } from "../../../../i18n/index.tsx";
import { useCalendars, useCreateCalendar } from "../api/calendars.ts";

const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** Day names in the reader's language; 0 is Sunday (1 January 2023 was one). */
function useDayNames() {
  const { lang } = useT();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(lang, { weekday: "long", timeZone: "UTC" });
    return (d: number) => f.format(new Date(Date.UTC(2023, 0, 1 + d)));
  }, [lang]);
}

function timeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

function CreateCalendarModal({
  opened,
  onClose,
  onDone,
}: {
  opened: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useT();
  const dayName = useDayNames();
  const zones = useMemo(timeZones, []);
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [region, setRegion] = useState("");
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [weekend, setWeekend] = useState<string[]>(["6", "0"]);
  const req = useCreateCalendar();
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const badId = id !== "" && !/^[a-z0-9-]{1,40}$/.test(id);
  const submit = () =>
    req.mutate(
      {
        id,
        name: name.trim(),
        region: region.trim().toUpperCase(),
        timeZone: timeZone ?? "",
        weekend: weekend.map(Number),
      },
      {
        onSuccess: (r) => {
          notifyDone(t("adminUi.calendars.created", { name: r.name }), t("web.close"));
          setId("");
          setName("");
          setRegion("");
          setTimeZone(null);
          onDone();
        },
      },
    );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("adminUi.calendars.create")}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.calendars.createSubmit")}
      submitDisabled={badId || !id || !timeZone}
    >
      <TextInput
        label={t("adminUi.calendars.id")}
        description={t("adminUi.calendars.idHint")}
        required
        value={id}
        onChange={(e) => {
          fields.clear("id");
          setId(e.currentTarget.value);
        }}
        error={badId ? t("adminUi.calendars.idFormat") : fields.of("id")}
      />
      <TextInput
        label={t("adminUi.calendars.name")}
        required
        value={name}
        onChange={(e) => {
          fields.clear("name");
          setName(e.currentTarget.value);
        }}
        error={fields.of("name")}
      />
      <TextInput
        label={t("adminUi.calendars.region")}
        description={t("adminUi.calendars.regionHint")}
        required
        value={region}
        onChange={(e) => {
          fields.clear("region");
          setRegion(e.currentTarget.value);
        }}
        error={fields.of("region")}
      />
      <Select
        label={t("adminUi.calendars.timeZone")}
        required
        searchable
        value={timeZone}
        onChange={(v) => {
          fields.clear("timeZone");
          setTimeZone(v);
        }}
        data={zones}
        limit={50}
        error={fields.of("timeZone")}
      />
      <Checkbox.Group
        label={t("adminUi.calendars.weekend")}
        value={weekend}
        onChange={(v) => {
          fields.clear("weekend");
          setWeekend(v);
        }}
        error={fields.of("weekend")}
      >
        <Group mt={6}>
          {DAYS.map((d) => (
            <Checkbox key={d} value={String(d)} label={dayName(d)} />
          ))}
        </Group>
      </Checkbox.Group>
    </FormModal>
  );
}

export default function Calendars() {
  const { t } = useT();
  const dayName = useDayNames();
  const list = useCalendars();
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.calendars.title")}
        text={t("adminUi.calendars.intro")}
        actions={<Button onClick={() => setCreating(true)}>{t("adminUi.calendars.create")}</Button>}
      />
      <ErrorAlert error={list.error} />
      <ListTable
        loaded={list.data !== undefined}
        empty={t("adminUi.calendars.empty")}
        minWidth={600}
        striped
        caption={t("adminUi.calendars.caption", { count: items.length })}
        columns={[
          t("adminUi.calendars.id"),
          t("adminUi.calendars.name"),
          t("adminUi.calendars.region"),
          t("adminUi.calendars.timeZone"),
          t("adminUi.calendars.weekend"),
        ]}
        items={items}
        row={(c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {c.id}
              </Text>
            </Table.Td>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td>{c.region}</Table.Td>
            <Table.Td>{c.timeZone}</Table.Td>
            <Table.Td>{c.weekend.map(dayName).join(", ") || t("adminUi.calendars.noWeekend")}</Table.Td>
          </Table.Tr>
        )}
      />
      <CreateCalendarModal
        opened={creating}
        onClose={() => setCreating(false)}
        onDone={() => setCreating(false)}
      />
    </Stack>
  );
}
