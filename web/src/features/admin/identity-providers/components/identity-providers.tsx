// Identity providers: a program admin configures the operator's and every organisation's, a global
// admin its own organisation's. Each button follows the provider's abilities (edit, disable,
// enable, delete); the section itself the session's manageIdentityProviders.
import { Button, Code, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { ConfirmModal, notifyDone, SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import "../../../../i18n/idp-texts.ts";
import { orgNameOf } from "../../../../lib/organizations.ts";
import { useUser } from "../../../../lib/session.tsx";
import { useJoinableOrganizations } from "../../users/components/user-form-parts.ts";
import {
  type IdentityProvider,
  useDeleteProvider,
  useIdentityProviders,
  useUpdateProvider,
} from "../api/identity-providers.ts";
import { ProviderForm } from "./provider-form.tsx";

export default function IdentityProviders() {
  const { t } = useT();
  const { organization } = useUser();
  const { pickOrganization, orgs } = useJoinableOrganizations();
  const orgName = orgNameOf(orgs);
  const list = useIdentityProviders();
  const [editing, setEditing] = useState<IdentityProvider | "new" | null>(null);
  const [deleting, setDeleting] = useState<IdentityProvider | null>(null);
  const [disabling, setDisabling] = useState<IdentityProvider | null>(null);
  const deleteReq = useDeleteProvider();
  const switchReq = useUpdateProvider();
  const items = list.data?.items ?? [];

  const remove = (p: IdentityProvider) =>
    deleteReq.mutate(p.id, {
      onSuccess: () => {
        notifyDone(t("idpUi.deleted", { name: p.name }), t("web.close"));
        setDeleting(null);
      },
    });
  const setEnabled = (p: IdentityProvider, enabled: boolean) =>
    switchReq.mutate(
      { id: p.id, body: { enabled } },
      {
        onSuccess: () => {
          notifyDone(t(enabled ? "idpUi.switchedOn" : "idpUi.switchedOff", { name: p.name }), t("web.close"));
          setDisabling(null);
        },
      },
    );

  return (
    <Stack>
      <SectionHeader
        title={t("idpUi.title")}
        text={
          organization ? t("idpUi.introOrganization", { name: organization.name }) : t("idpUi.introProgram")
        }
        actions={list.data && <Button onClick={() => setEditing("new")}>{t("idpUi.create")}</Button>}
      />
      <ErrorAlert error={list.error ?? (disabling ? null : switchReq.error)} />
      <ListTable
        loaded={list.data !== undefined}
        empty={t("idpUi.empty")}
        minWidth={900}
        striped
        highlightOnHover
        caption={t("idpUi.caption", { count: items.length })}
        columns={[
          t("idpUi.name"),
          pickOrganization && t("idpUi.organization"),
          t("idpUi.issuer"),
          t("idpUi.domains"),
          t("idpUi.status"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.name}</Table.Td>
            {pickOrganization && (
              <Table.Td>{p.organizationId ? orgName(p.organizationId) : t("idpUi.operator")}</Table.Td>
            )}
            <Table.Td>
              <Code style={{ wordBreak: "break-all" }}>{p.issuer}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{p.allowedDomains.join(", ")}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm" fw={600} c={p.enabled ? undefined : "dimmed"}>
                  {p.enabled ? t("idpUi.enabled") : t("idpUi.disabled")}
                </Text>
                {!p.passwordsAllowed && <Text size="xs">{t("idpUi.passwordsOff")}</Text>}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                {p.abilities.edit && (
                  <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                    {t("adminUi.common.edit")}
                  </Button>
                )}
                {p.abilities.disable && (
                  <Button size="xs" variant="default" onClick={() => setDisabling(p)}>
                    {t("idpUi.disable")}
                  </Button>
                )}
                {p.abilities.enable && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={switchReq.isPending}
                    onClick={() => setEnabled(p, true)}
                  >
                    {t("idpUi.enable")}
                  </Button>
                )}
                {p.abilities.delete && (
                  <Button size="xs" variant="light" color="red" onClick={() => setDeleting(p)}>
                    {t("idpUi.delete")}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && list.data && (
        <ProviderForm
          target={editing === "new" ? null : editing}
          list={list.data}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={disabling !== null}
        title={t("idpUi.disableTitle", { name: disabling?.name ?? "" })}
        text={t("idpUi.disableText")}
        confirm={t("idpUi.disable")}
        busy={switchReq.isPending}
        error={disabling ? switchReq.error : null}
        onConfirm={() => disabling && setEnabled(disabling, false)}
        onClose={() => setDisabling(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t("idpUi.deleteTitle", { name: deleting?.name ?? "" })}
        text={t("idpUi.deleteText")}
        confirm={t("idpUi.delete")}
        busy={deleteReq.isPending}
        error={deleteReq.error}
        onConfirm={() => deleting && remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
