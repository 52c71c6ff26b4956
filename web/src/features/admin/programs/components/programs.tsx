// Incentive programmes (program admin): GET /api/v1/programs; define or change one (program-form.tsx);
// enrol an organisation (POST /api/v1/admin/programs/:code/enrollments) or end its enrolment
// (DELETE .../enrollments/:organizationId); re-assess claims after a change (reassess.tsx).
import { Badge, Button, Card, CloseButton, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import {
  FormError,
  formatDay,
  formatRate,
  notifyDone,
  SectionHeader,
} from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { useCatalog } from "../../../../lib/catalog.ts";
import { type Organization, orgNameOf, useOrganizations } from "../../../../lib/organizations.ts";
import { type Program, useEnrollment, usePrograms } from "../api/programs.ts";
import { ProgramForm } from "./program-form.tsx";
import { Reassess } from "./reassess.tsx";

function ProgramCard({ program, orgs, onEdit }: { program: Program; orgs: Organization[]; onEdit(): void }) {
  const { t, money, lang } = useT();
  const day = (d: string) => formatDay(d, lang);
  const { products } = useCatalog();
  const productName = (code: string) => products.find((p) => p.code === code)?.name ?? code;
  const orgName = orgNameOf(orgs);
  const [org, setOrg] = useState<string | null>(null);
  const req = useEnrollment(program.code);

  const enroll = () => {
    if (!org) return;
    req.mutate(
      { organizationId: org, enrolled: true },
      {
        onSuccess: () => {
          notifyDone(
            t("adminUi.programs.enrolled", { name: orgName(org), code: program.code }),
            t("web.close"),
          );
          setOrg(null);
        },
      },
    );
  };
  const unenroll = (organizationId: string) =>
    req.mutate(
      { organizationId, enrolled: false },
      {
        onSuccess: () =>
          notifyDone(
            t("adminUi.programs.unenrolled", { name: orgName(organizationId), code: program.code }),
            t("web.close"),
          ),
      },
    );

  const candidates = orgs.filter((o) => !program.enrolledOrganizations.includes(o.id));

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>
              {program.name}{" "}
              <Badge variant="light" ff="monospace">
                {program.code}
              </Badge>
            </Title>
            <Text size="sm" c="dimmed">
              {program.endsOn
                ? t("adminUi.programs.period", { from: day(program.startsOn), to: day(program.endsOn) })
                : t("adminUi.programs.since", { from: day(program.startsOn) })}
            </Text>
          </div>
          <Button
            variant="light"
            onClick={onEdit}
            aria-label={t("adminUi.programs.editTitle", { code: program.code })}
          >
            {t("adminUi.common.edit")}
          </Button>
        </Group>

        <Group gap={4}>
          <Text size="sm" fw={500}>
            {t("adminUi.programs.activities")}:
          </Text>
          {program.activities.length === 0 && <Text size="sm">—</Text>}
          {program.activities.map((a) => (
            <Badge key={a} variant="outline">
              {t(`activity.${a}`, { defaultValue: a })}
            </Badge>
          ))}
        </Group>

        <Table.ScrollContainer minWidth={400}>
          <Table striped verticalSpacing={4}>
            <Table.Caption>{t("adminUi.programs.productsCaption", { code: program.code })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("adminUi.programs.product")}</Table.Th>
                <Table.Th scope="col">{t("adminUi.programs.earns")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {program.products.map((p) => (
                <Table.Tr key={p.code}>
                  <Table.Td>{productName(p.code)}</Table.Td>
                  <Table.Td>
                    {p.rateBps !== null
                      ? t("adminUi.programs.rateOfRevenue", { rate: formatRate(p.rateBps, lang) })
                      : t("adminUi.programs.flatPerSubscription", {
                          amount: money(p.flatMinor ?? 0, p.currency ?? "USD"),
                        })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t("adminUi.programs.enrolledOrganizations")}
          </Text>
          <Group gap={6}>
            {program.enrolledOrganizations.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("adminUi.programs.noneEnrolled")}
              </Text>
            )}
            {program.enrolledOrganizations.map((id) => (
              <Badge
                key={id}
                variant="light"
                pr={3}
                rightSection={
                  <CloseButton
                    size="xs"
                    onClick={() => unenroll(id)}
                    aria-label={t("adminUi.programs.unenroll", { name: orgName(id) })}
                  />
                }
              >
                {orgName(id)}
              </Badge>
            ))}
          </Group>
          <Group align="end">
            <Select
              label={t("adminUi.programs.enrollLabel")}
              searchable
              value={org}
              onChange={setOrg}
              data={candidates.map((o) => ({ value: o.id, label: o.name }))}
              w={280}
            />
            <Button onClick={enroll} disabled={!org} loading={req.isPending}>
              {t("adminUi.programs.enroll")}
            </Button>
          </Group>
          <FormError error={req.error} />
        </Stack>
      </Stack>
    </Card>
  );
}

export default function Programs() {
  const { t } = useT();
  const list = usePrograms();
  const orgs = useOrganizations();
  // undefined: no form; null: a new programme.
  const [editing, setEditing] = useState<Program | null | undefined>(undefined);

  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.programs.title")}
        text={t("adminUi.programs.intro")}
        actions={<Button onClick={() => setEditing(null)}>{t("adminUi.programs.create")}</Button>}
      />
      <ErrorAlert error={list.error ?? orgs.error} />
      {list.data?.items.map((p) => (
        <ProgramCard key={p.code} program={p} orgs={orgs.data?.items ?? []} onEdit={() => setEditing(p)} />
      ))}
      <Reassess />
      {editing !== undefined && (
        <ProgramForm
          program={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
}
