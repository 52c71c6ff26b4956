// Partner organisations and their partner IDs (program admin): list and create
// (GET/POST /api/v1/admin/organizations), add a partner ID (POST .../:id/partner-ids), choose the
// business-day calendar of new deadlines (PUT .../:id/calendar).
import { Badge, Button, Group, Modal, Select, Stack, Table, TagsInput, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormModal, ListTable, ModalActions } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { FormError, notifyDone, SectionHeader } from "../../../../components/forms.tsx";
import { useFieldErrors } from "../../../../components/use-field-errors.ts";
import { useT } from "../../../../i18n/index.tsx";
import { type Organization, useOrganizations } from "../../../../lib/organizations.ts";
import { type Calendar, useCalendars } from "../../calendars/api/calendars.ts";
import { useAddPartnerId, useCreateOrganization, useSetCalendar } from "../api/organizations.ts";

const PARTNER_ID = /^[0-9]{6,7}$/;
const DEFAULT_CALENDAR = "__default__";

function calendarOptions(calendars: Calendar[], defaultLabel: string) {
  return [
    { value: DEFAULT_CALENDAR, label: defaultLabel },
    ...calendars.map((c) => ({ value: c.id, label: `${c.name} (${c.region}, ${c.timeZone})` })),
  ];
}

function CreateOrganizationModal({
  opened,
  calendars,
  onClose,
  onCreated,
}: {
  opened: boolean;
  calendars: Calendar[];
  onClose(): void;
  onCreated(): void;
}) {
  const { t } = useT();
  const [name, setName] = useState("");
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [calendarId, setCalendarId] = useState(DEFAULT_CALENDAR);
  const req = useCreateOrganization();
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const badIds = partnerIds.filter((p) => !PARTNER_ID.test(p));

  const submit = () => {
    const body = {
      name: name.trim(),
      partnerIds,
      ...(calendarId !== DEFAULT_CALENDAR ? { calendarId } : {}),
    };
    req.mutate(body, {
      onSuccess: (created) => {
        notifyDone(t("adminUi.orgs.created", { name: created.name }), t("web.close"));
        setName("");
        setPartnerIds([]);
        setCalendarId(DEFAULT_CALENDAR);
        onCreated();
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("adminUi.orgs.create")}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.orgs.createSubmit")}
      submitDisabled={badIds.length > 0 || partnerIds.length === 0}
    >
      <TextInput
        label={t("adminUi.orgs.name")}
        required
        value={name}
        onChange={(e) => {
          fields.clear("name");
          setName(e.currentTarget.value);
        }}
        error={fields.of("name")}
      />
      <TagsInput
        label={t("adminUi.orgs.partnerIds")}
        description={t("adminUi.orgs.partnerIdsHint")}
        required
        value={partnerIds}
        onChange={(v) => {
          fields.clear("partnerIds");
          setPartnerIds(v);
        }}
        splitChars={[",", " "]}
        error={
          badIds.length > 0
            ? t("adminUi.orgs.partnerIdInvalid", { ids: badIds.join(", ") })
            : fields.of("partnerIds")
        }
      />
      <Select
        label={t("adminUi.orgs.calendar")}
        allowDeselect={false}
        value={calendarId}
        onChange={(v) => {
          fields.clear("calendarId");
          v && setCalendarId(v);
        }}
        data={calendarOptions(calendars, t("adminUi.orgs.defaultCalendar"))}
        error={fields.of("calendarId")}
      />
    </FormModal>
  );
}

function PartnerIdModal({ org, onClose, onDone }: { org: Organization; onClose(): void; onDone(): void }) {
  const { t } = useT();
  const [partnerId, setPartnerId] = useState("");
  const req = useAddPartnerId(org.id);
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const invalid = partnerId !== "" && !PARTNER_ID.test(partnerId.trim());
  const submit = () =>
    req.mutate(partnerId.trim(), {
      onSuccess: () => {
        notifyDone(
          t("adminUi.orgs.partnerIdAdded", { id: partnerId.trim(), name: org.name }),
          t("web.close"),
        );
        onDone();
      },
    });
  return (
    <FormModal
      onClose={onClose}
      title={t("adminUi.orgs.addPartnerIdTo", { name: org.name })}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.orgs.addPartnerId")}
      submitDisabled={invalid || !partnerId}
    >
      <TextInput
        label={t("adminUi.orgs.partnerId")}
        description={t("adminUi.orgs.partnerIdHint")}
        required
        value={partnerId}
        onChange={(e) => {
          fields.clear("partnerId");
          setPartnerId(e.currentTarget.value);
        }}
        error={invalid ? t("adminUi.orgs.partnerIdFormat") : fields.of("partnerId")}
      />
    </FormModal>
  );
}

function CalendarModal({
  org,
  calendars,
  onClose,
  onDone,
}: {
  org: Organization;
  calendars: Calendar[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useT();
  const [calendarId, setCalendarId] = useState(org.calendarId ?? DEFAULT_CALENDAR);
  const req = useSetCalendar(org.id);
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const submit = () =>
    req.mutate(calendarId === DEFAULT_CALENDAR ? null : calendarId, {
      onSuccess: () => {
        notifyDone(t("adminUi.common.saved"), t("web.close"));
        onDone();
      },
    });
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("web.close") }}
      opened
      onClose={onClose}
      title={t("adminUi.orgs.setCalendarFor", { name: org.name })}
    >
      <Stack>
        <FormError error={req.error} />
        <Select
          label={t("adminUi.orgs.calendar")}
          description={t("adminUi.orgs.calendarHint")}
          allowDeselect={false}
          value={calendarId}
          onChange={(v) => {
            fields.clear("calendarId");
            v && setCalendarId(v);
          }}
          data={calendarOptions(calendars, t("adminUi.orgs.defaultCalendar"))}
          error={fields.of("calendarId")}
        />
        <ModalActions
          onCancel={onClose}
          label={t("adminUi.common.save")}
          busy={req.isPending}
          onClick={submit}
        />
      </Stack>
    </Modal>
  );
}

export default function Organizations() {
  const { t } = useT();
  const list = useOrganizations();
  const cals = useCalendars();
  const calendars = cals.data?.items ?? [];
  const items = list.data?.items ?? [];
  const calendarName = (id: string | null) =>
    id ? (calendars.find((c) => c.id === id)?.name ?? id) : t("adminUi.orgs.defaultCalendar");
  const [creating, setCreating] = useState(false);
  const [addingTo, setAddingTo] = useState<Organization | null>(null);
  const [calendarFor, setCalendarFor] = useState<Organization | null>(null);
  const done = () => {
    setAddingTo(null);
    setCalendarFor(null);
  };

  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.orgs.title")}
        text={t("adminUi.orgs.intro")}
        actions={<Button onClick={() => setCreating(true)}>{t("adminUi.orgs.create")}</Button>}
      />
      <ErrorAlert error={list.error ?? cals.error} />
      <ListTable
        loaded={list.data !== undefined}
        empty={t("adminUi.orgs.empty")}
        minWidth={700}
        striped
        highlightOnHover
        caption={t("adminUi.orgs.caption", { count: items.length })}
        columns={[
          t("adminUi.orgs.name"),
          t("adminUi.orgs.partnerIds"),
          t("adminUi.orgs.calendar"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {o.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {o.id}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {o.partnerIds.map((p) => (
                  <Badge key={p} variant="light" ff="monospace">
                    {p}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{calendarName(o.calendarId)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                {o.abilities.addPartnerId && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setAddingTo(o)}
                    aria-label={t("adminUi.orgs.addPartnerIdTo", { name: o.name })}
                  >
                    {t("adminUi.orgs.addPartnerId")}
                  </Button>
                )}
                {o.abilities.edit && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setCalendarFor(o)}
                    aria-label={t("adminUi.orgs.setCalendarFor", { name: o.name })}
                  >
                    {t("adminUi.orgs.setCalendar")}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <CreateOrganizationModal
        opened={creating}
        calendars={calendars}
        onClose={() => setCreating(false)}
        onCreated={() => setCreating(false)}
      />
      {addingTo && <PartnerIdModal org={addingTo} onClose={() => setAddingTo(null)} onDone={done} />}
      {calendarFor && (
        <CalendarModal
          org={calendarFor}
          calendars={calendars}
          onClose={() => setCalendarFor(null)}
          onDone={done}
        />
      )}
    </Stack>
  );
}
