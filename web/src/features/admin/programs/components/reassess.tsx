// Re-assessment against today's programmes: a preview first (POST
// /api/v1/admin/eligibility/reassess?dryRun=true: what would change, claim by claim), then, asked
// for explicitly, the same with dryRun=false.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { ConfirmModal, FormError, notifyDone } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { type ReassessChange, type ReassessResult, useReassess } from "../api/programs.ts";

const COLORS: Record<string, string> = { eligible: "green", ineligible: "red", pending: "gray" };

function Assessment({ value }: { value: { status: string; reasons: string[] } | null }) {
  const { t } = useT();
  if (!value) return <Text c="dimmed">{t("adminUi.reassess.notAssessed")}</Text>;
  return (
    <Stack gap={2}>
      <Badge color={COLORS[value.status] ?? "gray"} variant="light">
        {t(`adminUi.eligibility.${value.status}`, { defaultValue: value.status })}
      </Badge>
      {value.reasons.map((r) => (
        <Text key={r} size="xs">
          {t(`adminUi.ineligible.${r}`, { defaultValue: r })}
        </Text>
      ))}
    </Stack>
  );
}

function ChangesTable({ changes, caption }: { changes: ReassessChange[]; caption: string }) {
  const { t } = useT();
  return (
    <Table.ScrollContainer minWidth={700} mah={520}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("adminUi.reassess.claim")}</Table.Th>
            <Table.Th scope="col">{t("adminUi.reassess.program")}</Table.Th>
            <Table.Th scope="col">{t("adminUi.reassess.before")}</Table.Th>
            <Table.Th scope="col">{t("adminUi.reassess.after")}</Table.Th>
            <Table.Th scope="col">{t("adminUi.reassess.products")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={`${c.claimId}-${c.program}`}>
              <Table.Td>
                <Anchor component={Link} to={`/claims/${c.claimId}`}>
                  {c.claimNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.program}</Table.Td>
              <Table.Td>
                <Assessment value={c.before} />
              </Table.Td>
              <Table.Td>
                <Assessment value={c.after} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{c.after.products.join(", ") || "—"}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function Reassess() {
  const { t } = useT();
  const [preview, setPreview] = useState<ReassessResult | null>(null);
  const [applied, setApplied] = useState<ReassessResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const previewReq = useReassess();
  const applyReq = useReassess();

  const runPreview = () => {
    setApplied(null);
    previewReq.mutate(true, { onSuccess: setPreview });
  };
  const apply = () =>
    applyReq.mutate(false, {
      onSuccess: (r) => {
        setConfirming(false);
        setPreview(null);
        setApplied(r);
        notifyDone(t("adminUi.reassess.appliedCount", { count: r.changes.length }), t("web.close"));
      },
    });

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t("adminUi.reassess.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("adminUi.reassess.intro")}
        </Text>
        <Group>
          <Button variant="light" loading={previewReq.isPending} onClick={runPreview}>
            {t("adminUi.reassess.preview")}
          </Button>
          {preview && preview.changes.length > 0 && (
            <Button color="orange" onClick={() => setConfirming(true)}>
              {t("adminUi.reassess.apply")}
            </Button>
          )}
        </Group>
        <FormError error={previewReq.error} />
        {preview && preview.changes.length === 0 && (
          <Alert color="green" role="status">
            {t("adminUi.reassess.noChanges")}
          </Alert>
        )}
        {preview && preview.changes.length > 0 && (
          <ChangesTable
            changes={preview.changes}
            caption={t("adminUi.reassess.previewCaption", { count: preview.changes.length })}
          />
        )}
        {applied && (
          <>
            <Alert color="green" role="status">
              {t("adminUi.reassess.appliedCount", { count: applied.changes.length })}
            </Alert>
            {applied.changes.length > 0 && (
              <ChangesTable
                changes={applied.changes}
                caption={t("adminUi.reassess.appliedCaption", { count: applied.changes.length })}
              />
            )}
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t("adminUi.reassess.apply")}
        text={t("adminUi.reassess.applyConfirm", { count: preview?.changes.length ?? 0 })}
        confirm={t("adminUi.reassess.apply")}
        busy={applyReq.isPending}
        error={applyReq.error}
        onConfirm={apply}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}
