// Users: a program admin manages everyone, a global admin its organisation's partner users
// (GET/POST /api/v1/admin/users, PATCH /api/v1/admin/users/:id). A role moves within its side only
// (partner or operator); nobody demotes or disables themselves. Disabled users leave the list.
import { Badge, Button, PasswordInput, Select, Stack, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import {
  isRoleChange,
  mayMoveBetweenRoles,
  roleBelongsToOrganization,
} from "../../../../../../src/domain/policies/admin.ts";
import { ROLES } from "../../../../../../src/domain/vocabulary.ts";
import { FormModal, ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { ConfirmModal, fieldError, notifyDone, SectionHeader } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import type { Role } from "../../../../lib/api-types.ts";
import { isOneOf } from "../../../../lib/one-of.ts";
import { orgNameOf, useOrganizations } from "../../../../lib/organizations.ts";
import { useUser } from "../../../../lib/session.tsx";
import { type AdminUser, useCreateUser, useUpdateUser, useUsers } from "../api/users.ts";

const LOCALES = ["en", "es"] as const;

/**
 * The organisations a new partner user can join: every one for a caller of no organisation (the
 * operator), else the caller's own.
 */
function useJoinableOrganizations() {
  const { organization } = useUser();
  const all = useOrganizations(!organization);
  return { pickOrganization: !organization, orgs: organization ? [organization] : (all.data?.items ?? []) };
}

function CreateUserModal({
  opened,
  onClose,
  onCreated,
  roles,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(): void;
  /** The roles the caller may hand out (the server's assignableRoles). */
  roles: Role[];
}) {
  const { t, lang } = useT();
  const { pickOrganization: program, orgs } = useJoinableOrganizations();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>(
    roles.includes("incentives_admin") ? "incentives_admin" : (roles[0] ?? "incentives_admin"),
  );
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [locale, setLocale] = useState<string>(lang);
  const req = useCreateUser();
  const partner = roleBelongsToOrganization(role);

  const submit = () => {
    const body = {
      email: email.trim(),
      name: name.trim(),
      password,
      role,
      ...(isOneOf(LOCALES, locale) ? { locale } : {}),
      ...(program ? { organizationId: partner ? organizationId : null } : {}),
    };
    req.mutate(body, {
      onSuccess: (created) => {
        notifyDone(t("adminUi.users.created", { email: created.email }), t("web.close"));
        setEmail("");
        setName("");
        setPassword("");
        onCreated();
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("adminUi.users.create")}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.users.createSubmit")}
    >
      <TextInput
        label={t("adminUi.users.email")}
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={fieldError(req.error, "email")}
      />
      <TextInput
        label={t("adminUi.users.name")}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(req.error, "name")}
      />
      <PasswordInput
        label={t("adminUi.users.password")}
        description={t("adminUi.users.passwordHint")}
        required
        minLength={12}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={fieldError(req.error, "password")}
      />
      <Select
        label={t("adminUi.users.role")}
        required
        allowDeselect={false}
        value={role}
        onChange={(v) => isOneOf(ROLES, v) && setRole(v)}
        data={roles.map((r) => ({ value: r, label: t(`adminUi.roles.${r}`) }))}
        error={fieldError(req.error, "role")}
      />
      {program && partner && (
        <Select
          label={t("adminUi.users.organization")}
          required
          searchable
          value={organizationId}
          onChange={setOrganizationId}
          data={orgs.map((o) => ({ value: o.id, label: o.name }))}
          error={fieldError(req.error, "organizationId")}
        />
      )}
      <Select
        label={t("adminUi.users.locale")}
        allowDeselect={false}
        value={locale}
        onChange={(v) => v && setLocale(v)}
        data={[
          { value: "en", label: t("adminUi.locales.en") },
          { value: "es", label: t("adminUi.locales.es") },
        ]}
        error={fieldError(req.error, "locale")}
      />
    </FormModal>
  );
}

function EditUserModal({
  target,
  assignable,
  onClose,
  onSaved,
}: {
  target: AdminUser;
  assignable: Role[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useT();
  // Nobody changes their own role or disables themselves: the server says so per user.
  const fixedRole = !target.abilities.changeRole;
  // A role stays on its side (partner or operator), among those the caller may hand out.
  const roles = [
    target.role,
    ...assignable.filter((r) => isRoleChange(target.role, r) && mayMoveBetweenRoles(target.role, r)),
  ];
  const [name, setName] = useState(target.name);
  const [role, setRole] = useState<Role>(target.role);
  const [locale, setLocale] = useState(target.locale);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const req = useUpdateUser(target.id);
  const disableReq = useUpdateUser(target.id);

  const save = () => {
    const body = {
      ...(name.trim() !== target.name ? { name: name.trim() } : {}),
      ...(isRoleChange(target.role, role) ? { role } : {}),
      ...(locale !== target.locale && isOneOf(LOCALES, locale) ? { locale } : {}),
    };
    if (Object.keys(body).length === 0) return onClose();
    req.mutate(body, {
      onSuccess: () => {
        notifyDone(t("adminUi.common.saved"), t("web.close"));
        onSaved();
      },
    });
  };
  const disable = () =>
    disableReq.mutate(
      { disabled: true },
      {
        onSuccess: () => {
          notifyDone(t("adminUi.users.disabled", { email: target.email }), t("web.close"));
          setConfirmDisable(false);
          onSaved();
        },
      },
    );

  return (
    <>
      <FormModal
        onClose={onClose}
        title={t("adminUi.users.edit", { email: target.email })}
        onSubmit={save}
        busy={req.isPending}
        error={req.error}
        submitLabel={t("adminUi.common.save")}
        leading={
          !target.abilities.disable ? (
            <span />
          ) : (
            <Button color="red" variant="light" onClick={() => setConfirmDisable(true)}>
              {t("adminUi.users.disable")}
            </Button>
          )
        }
      >
        <TextInput
          label={t("adminUi.users.name")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(req.error, "name")}
        />
        <Select
          label={t("adminUi.users.role")}
          allowDeselect={false}
          disabled={fixedRole}
          description={fixedRole ? t("adminUi.users.selfRole") : undefined}
          value={role}
          onChange={(v) => isOneOf(ROLES, v) && setRole(v)}
          data={roles.map((r) => ({ value: r, label: t(`adminUi.roles.${r}`) }))}
          error={fieldError(req.error, "role")}
        />
        <Select
          label={t("adminUi.users.locale")}
          allowDeselect={false}
          value={locale}
          onChange={(v) => v && setLocale(v)}
          data={[
            { value: "en", label: t("adminUi.locales.en") },
            { value: "es", label: t("adminUi.locales.es") },
          ]}
          error={fieldError(req.error, "locale")}
        />
      </FormModal>
      <ConfirmModal
        opened={confirmDisable}
        title={t("adminUi.users.disable")}
        text={t("adminUi.users.disableConfirm", { email: target.email })}
        confirm={t("adminUi.users.disable")}
        busy={disableReq.isPending}
        error={disableReq.error}
        onConfirm={disable}
        onClose={() => setConfirmDisable(false)}
      />
    </>
  );
}

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
