// Changing a user: name, locale, a role on the same side, or disabling; what may change is the
// user's own abilities.
import { Button, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { isRoleChange, mayMoveBetweenRoles } from "../../../../../../src/domain/policies/admin.ts";
import { ROLES } from "../../../../../../src/domain/vocabulary.ts";
import { FormModal } from "../../../../components/data-table.tsx";
import { ConfirmModal, notifyDone } from "../../../../components/forms.tsx";
import { useFieldErrors } from "../../../../components/use-field-errors.ts";
import { useT } from "../../../../i18n/index.tsx";
import type { Role } from "../../../../lib/api-types.ts";
import { isOneOf } from "../../../../lib/one-of.ts";
import { type AdminUser, useUpdateUser } from "../api/users.ts";
import { LOCALES } from "./user-form-parts.ts";

export function EditUserModal({
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
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
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
          onChange={(e) => {
            fields.clear("name");
            setName(e.currentTarget.value);
          }}
          error={fields.of("name")}
        />
        <Select
          label={t("adminUi.users.role")}
          allowDeselect={false}
          disabled={fixedRole}
          description={fixedRole ? t("adminUi.users.selfRole") : undefined}
          value={role}
          onChange={(v) => {
            fields.clear("role");
            isOneOf(ROLES, v) && setRole(v);
          }}
          data={roles.map((r) => ({ value: r, label: t(`adminUi.roles.${r}`) }))}
          error={fields.of("role")}
        />
        <Select
          label={t("adminUi.users.locale")}
          allowDeselect={false}
          value={locale}
          onChange={(v) => {
            fields.clear("locale");
            v && setLocale(v);
          }}
          data={[
            { value: "en", label: t("adminUi.locales.en") },
            { value: "es", label: t("adminUi.locales.es") },
          ]}
          error={fields.of("locale")}
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
