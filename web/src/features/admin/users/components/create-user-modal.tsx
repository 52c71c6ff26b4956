// Creating a user: a role among those the caller may give, and for a partner role its organisation.
import { PasswordInput, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { roleBelongsToOrganization } from "../../../../../../src/domain/policies/admin.ts";
import { ROLES } from "../../../../../../src/domain/vocabulary.ts";
import { FormModal } from "../../../../components/data-table.tsx";
import { notifyDone } from "../../../../components/forms.tsx";
import { useFieldErrors } from "../../../../components/use-field-errors.ts";
import { useT } from "../../../../i18n/index.tsx";
import type { Role } from "../../../../lib/api-types.ts";
import { isOneOf } from "../../../../lib/one-of.ts";
import { useCreateUser } from "../api/users.ts";
import { LOCALES, useJoinableOrganizations } from "./user-form-parts.ts";

export function CreateUserModal({
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
  // The server's verdict on a field goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);

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
        onChange={(e) => {
          setEmail(e.currentTarget.value);
          fields.clear("email");
        }}
        error={fields.of("email")}
      />
      <TextInput
        label={t("adminUi.users.name")}
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          fields.clear("name");
        }}
        error={fields.of("name")}
      />
      <PasswordInput
        label={t("adminUi.users.password")}
        description={t("adminUi.users.passwordHint")}
        required
        minLength={12}
        value={password}
        onChange={(e) => {
          setPassword(e.currentTarget.value);
          fields.clear("password");
        }}
        error={fields.of("password")}
      />
      <Select
        label={t("adminUi.users.role")}
        required
        allowDeselect={false}
        value={role}
        onChange={(v) => {
          if (isOneOf(ROLES, v)) setRole(v);
          fields.clear("role");
        }}
        data={roles.map((r) => ({ value: r, label: t(`adminUi.roles.${r}`) }))}
        error={fields.of("role")}
      />
      {program && partner && (
        <Select
          label={t("adminUi.users.organization")}
          required
          searchable
          value={organizationId}
          onChange={(v) => {
            setOrganizationId(v);
            fields.clear("organizationId");
          }}
          data={orgs.map((o) => ({ value: o.id, label: o.name }))}
          error={fields.of("organizationId")}
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
        error={fields.of("locale")}
      />
    </FormModal>
  );
}
