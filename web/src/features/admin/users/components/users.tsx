// Users: a program admin manages everyone, a global admin its organisation's partner users
// (GET/POST /api/v1/admin/users, PATCH /api/v1/admin/users/:id). A role moves within its side only
// (partner or operator); nobody demotes or disables themselves. Disabled users leave the list.
import { Badge, Button, PasswordInput, Select, Stack, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import { OPERATOR_ROLES, PARTNER_ROLES } from "../../../../../../src/domain/vocabulary.ts";
import { ErrorAlert, useLoad } from "../../../../components/common.tsx";
import { FormModal, ListTable } from "../../../../components/data-table.tsx";
import {
  ConfirmModal,
  fieldError,
  notifyDone,
  orgNameOf,
  SectionHeader,
  useRequest,
} from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import { get, patch, post } from "../../../../lib/api-client.ts";
import type { Organization, User } from "../../../../lib/hand-types.ts";
import { useUser } from "../../../../lib/session.tsx";

type Role = User["role"];
const isPartnerRole = (r: string) => (PARTNER_ROLES as readonly string[]).includes(r);

function useOrganizations() {
  const { user, organization } = useUser();
  const program = user.role === "program_admin";
  const orgs = useLoad(
    () =>
      program
        ? get<{ items: Organization[] }>("/api/v1/admin/organizations").then((r) => r.items)
        : Promise.resolve(organization ? [{ ...organization, calendarId: null }] : []),
    [program],
  );
  return orgs.data ?? [];
}

function CreateUserModal({
  opened,
  onClose,
  onCreated,
  orgs,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(): void;
  orgs: Organization[];
}) {
  const { t, lang } = useT();
  const { user: me } = useUser();
  const program = me.role === "program_admin";
  const roles: readonly Role[] = program ? [...PARTNER_ROLES, ...OPERATOR_ROLES] : PARTNER_ROLES;
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("incentives_admin");
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [locale, setLocale] = useState<string>(lang);
  const req = useRequest();
  const partner = isPartnerRole(role);

  const submit = async () => {
    const body = {
      email: email.trim(),
      name: name.trim(),
      password,
      role,
      locale,
      ...(program ? { organizationId: partner ? organizationId : null } : {}),
    };
    const created = await req.run(() => post<User>("/api/v1/admin/users", body));
    if (created) {
      notifyDone(t("adminUi.users.created", { email: created.email }), t("web.close"));
      setEmail("");
      setName("");
      setPassword("");
      onCreated();
    }
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("adminUi.users.create")}
      onSubmit={() => void submit()}
      busy={req.busy}
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
        onChange={(v) => v && setRole(v as Role)}
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

function EditUserModal({ target, onClose, onSaved }: { target: User; onClose(): void; onSaved(): void }) {
  const { t } = useT();
  const { user: me } = useUser();
  const self = me.id === target.id;
  // A role stays on its side; a global admin hands out partner roles only.
  const roles: readonly Role[] = isPartnerRole(target.role) ? PARTNER_ROLES : OPERATOR_ROLES;
  const [name, setName] = useState(target.name);
  const [role, setRole] = useState<Role>(target.role);
  const [locale, setLocale] = useState(target.locale);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const req = useRequest();
  const disableReq = useRequest();

  const save = async () => {
    const body = {
      ...(name.trim() !== target.name ? { name: name.trim() } : {}),
      ...(role !== target.role ? { role } : {}),
      ...(locale !== target.locale ? { locale } : {}),
    };
    if (Object.keys(body).length === 0) return onClose();
    const saved = await req.run(() => patch<User>(`/api/v1/admin/users/${target.id}`, body));
    if (saved) {
      notifyDone(t("adminUi.common.saved"), t("web.close"));
      onSaved();
    }
  };
  const disable = async () => {
    const saved = await disableReq.run(() =>
      patch<User>(`/api/v1/admin/users/${target.id}`, { disabled: true }),
    );
    if (saved) {
      notifyDone(t("adminUi.users.disabled", { email: target.email }), t("web.close"));
      setConfirmDisable(false);
      onSaved();
    }
  };

  return (
    <>
      <FormModal
        onClose={onClose}
        title={t("adminUi.users.edit", { email: target.email })}
        onSubmit={() => void save()}
        busy={req.busy}
        error={req.error}
        submitLabel={t("adminUi.common.save")}
        leading={
          self ? (
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
          disabled={self}
          description={self ? t("adminUi.users.selfRole") : undefined}
          value={role}
          onChange={(v) => v && setRole(v as Role)}
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
        busy={disableReq.busy}
        error={disableReq.error}
        onConfirm={() => void disable()}
        onClose={() => setConfirmDisable(false)}
      />
    </>
  );
}

export default function Users() {
  const { t } = useT();
  const { user: me } = useUser();
  const list = useLoad(() => get<{ items: User[] }>("/api/v1/admin/users"), []);
  const orgs = useOrganizations();
  const orgName = orgNameOf(orgs);
  const [filter, setFilter] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const q = filter.trim().toLowerCase();
  const items = (list.data?.items ?? []).filter(
    (u) => !q || u.email.toLowerCase().includes(q) || u.name.toLowerCase().includes(q),
  );

  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.users.title")}
        text={t(me.role === "program_admin" ? "adminUi.users.introProgram" : "adminUi.users.introGlobal")}
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
        loaded={list.data !== null}
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
              <Button
                size="xs"
                variant="light"
                onClick={() => setEditing(u)}
                aria-label={t("adminUi.users.edit", { email: u.email })}
              >
                {t("adminUi.common.edit")}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <CreateUserModal
        opened={creating}
        orgs={orgs}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void list.reload();
        }}
      />
      {editing && (
        <EditUserModal
          key={editing.id}
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </Stack>
  );
}
