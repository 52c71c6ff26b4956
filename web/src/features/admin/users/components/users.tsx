// Users: a program admin manages everyone, a global admin its organisation's partner users
// (GET/POST /api/v1/admin/users, PATCH /api/v1/admin/users/:id). A role moves within its side only
// (partner or operator); nobody demotes or disables themselves. Disabled users leave the list.
import { Badge, Button, Stack, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import { ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { orgNameOf } from "../../../../lib/organizations.ts";
import { useUser } from "../../../../lib/session.tsx";
import { type AdminUser, useUsers } from "../api/users.ts";
import { CreateUserModal } from "./create-user-modal.tsx";
import { EditUserModal } from "./edit-user-modal.tsx";
import { useJoinableOrganizations } from "./user-form-parts.ts";

export default function Users() {
  const { t } = useT();
  const { user: me } = useUser();
  const list = useUsers();
  const { pickOrganization, orgs } = useJoinableOrganizations();
  const orgName = orgNameOf(orgs);
  const assignable = list.data?.assignableRoles ?? [];
  const [filter, setFilter] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);

  const q = filter.trim().toLowerCase();
  const items = (list.data?.items ?? []).filter(
    (u) => !q || u.email.toLowerCase().includes(q) || u.name.toLowerCase().includes(q),
  );

  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.users.title")}
        text={t(pickOrganization ? "adminUi.users.introProgram" : "adminUi.users.introGlobal")}
        actions={<Button onClick={() => setCreating(true)}>{t("adminUi.users.create")}</Button>}
      />
      <TextInput
        label={t("adminUi.users.filter")}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={360}
      />
      <ErrorAlert error={list.error} />
      <ListTable
        loaded={list.data !== undefined}
        empty={t("adminUi.users.empty")}
        minWidth={700}
        striped
        highlightOnHover
        caption={t("adminUi.users.caption", { count: items.length })}
        columns={[
          t("adminUi.users.name"),
          t("adminUi.users.email"),
          t("adminUi.users.role"),
          t("adminUi.users.organization"),
          t("adminUi.users.locale"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              {u.name}
              {u.id === me.id && (
                <Badge ml="xs" size="xs" variant="light">
                  {t("adminUi.users.you")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{u.email}</Table.Td>
            <Table.Td>{t(`adminUi.roles.${u.role}`)}</Table.Td>
            <Table.Td>{u.organizationId ? orgName(u.organizationId) : t("adminUi.users.operator")}</Table.Td>
            <Table.Td>{t(`adminUi.locales.${u.locale}`, { defaultValue: u.locale })}</Table.Td>
            <Table.Td>
              {u.abilities.edit && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setEditing(u)}
                  aria-label={t("adminUi.users.edit", { email: u.email })}
                >
                  {t("adminUi.common.edit")}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <CreateUserModal
        // Remounted once the roles are known, so that its first role is one the caller may give.
        key={assignable.join()}
        opened={creating}
        roles={assignable}
        onClose={() => setCreating(false)}
        onCreated={() => setCreating(false)}
      />
      {editing && (
        <EditUserModal
          key={editing.id}
          target={editing}
          assignable={assignable}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
