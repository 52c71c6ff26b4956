// Adding or changing an identity provider: where it signs people in (a program admin picks the
// organisation or the operator; a global admin configures its own), the IdP's issuer and client,
// the write-only secret, the e-mail domains it may sign in, the claim -> role rows, and whether
// local passwords stay allowed. The redirect URI to register at the IdP is shown to copy.
import {
  Button,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { FormModal } from "../../../../components/data-table.tsx";
import { fieldError, notifyDone } from "../../../../components/forms.tsx";
import { useT } from "../../../../i18n/index.tsx";
import type { Role } from "../../../../lib/api-types.ts";
import { useJoinableOrganizations } from "../../users/components/user-form-parts.ts";
import {
  type IdentityProvider,
  type ProviderList,
  useCreateProvider,
  useUpdateProvider,
} from "../api/identity-providers.ts";
import { DiscoveryCheck } from "./discovery-check.tsx";
import { type MappingRow, newRow, RoleMappingRows } from "./role-mapping-rows.tsx";
import { type SecretChange, SecretField } from "./secret-field.tsx";

const OPERATOR = "operator";

export function ProviderForm({
  target,
  list,
  onClose,
}: {
  /** null: a new provider. */
  target: IdentityProvider | null;
  list: ProviderList;
  onClose(): void;
}) {
  const { t } = useT();
  const { pickOrganization, orgs } = useJoinableOrganizations();
  const [org, setOrg] = useState<string>(
    target ? (target.organizationId ?? OPERATOR) : pickOrganization ? OPERATOR : (orgs[0]?.id ?? OPERATOR),
  );
  const [name, setName] = useState(target?.name ?? "");
  const [issuer, setIssuer] = useState(target?.issuer ?? "");
  const [clientId, setClientId] = useState(target?.clientId ?? "");
  const [secret, setSecret] = useState<SecretChange>(undefined);
  const [domains, setDomains] = useState<string[]>(target?.allowedDomains ?? []);
  const [claim, setClaim] = useState(target?.roleMapping.claim ?? "groups");
  const [rows, setRows] = useState<MappingRow[]>(() =>
    target ? Object.entries(target.roleMapping.values).map(([v, r]) => newRow(v, r)) : [newRow()],
  );
  const [fallback, setFallback] = useState<Role | null>(target?.roleMapping.default ?? null);
  const [passwords, setPasswords] = useState(target?.passwordsAllowed ?? true);
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const req = target ? update : create;
  const organizationId = org === OPERATOR ? null : org;
  const roles = organizationId === null ? list.mappableRoles.operator : list.mappableRoles.organization;

  const submit = () => {
    const roleMapping = {
      claim: claim.trim(),
      values: Object.fromEntries(
        rows.flatMap((r): [string, Role][] => (r.value.trim() && r.role ? [[r.value.trim(), r.role]] : [])),
      ),
      ...(fallback ? { default: fallback } : {}),
    };
    const fields = {
      name: name.trim(),
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      allowedDomains: domains,
      roleMapping,
      passwordsAllowed: passwords,
    };
    const done = (p: IdentityProvider) => {
      notifyDone(t("idpUi.saved", { name: p.name }), t("web.close"));
      onClose();
    };
    if (target) {
      // An empty "replace" field keeps the secret: replacing means typing a new one.
      const secretChange = secret === null ? { clientSecret: null } : secret ? { clientSecret: secret } : {};
      update.mutate({ id: target.id, body: { ...fields, ...secretChange } }, { onSuccess: done });
    } else {
      create.mutate(
        { organizationId, ...fields, ...(secret ? { clientSecret: secret } : {}) },
        { onSuccess: done },
      );
    }
  };

  return (
    <FormModal
      title={target ? t("idpUi.editTitle", { name: target.name }) : t("idpUi.create")}
      onClose={onClose}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={target ? t("adminUi.common.save") : t("idpUi.createSubmit")}
      size="xl"
    >
      {target === null && pickOrganization && (
        <Select
          label={t("idpUi.organization")}
          data={[
            { value: OPERATOR, label: t("idpUi.operator") },
            ...orgs.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={org}
          onChange={(v) => {
            setOrg(v ?? OPERATOR);
            // The other side's roles do not fit: the rows keep their values, not their roles.
            setRows((rs) => rs.map((r) => ({ ...r, role: null })));
            setFallback(null);
          }}
          allowDeselect={false}
          searchable
        />
      )}
      <TextInput
        label={t("idpUi.name")}
        description={t("idpUi.nameHint")}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(req.error, "name")}
      />
      <Stack gap={6}>
        <TextInput
          label={t("idpUi.issuer")}
          description={t("idpUi.issuerHint")}
          type="url"
          required
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          error={fieldError(req.error, "issuer")}
        />
        <DiscoveryCheck issuer={issuer} />
      </Stack>
      <TextInput
        label={t("idpUi.clientId")}
        required
        value={clientId}
        onChange={(e) => setClientId(e.currentTarget.value)}
        error={fieldError(req.error, "clientId")}
      />
      <SecretField
        hasSecret={target ? target.hasSecret : null}
        change={secret}
        onChange={setSecret}
        error={fieldError(req.error, "clientSecret")}
      />
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("idpUi.redirectUri")}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: "break-all" }}>{list.redirectUri}</Code>
          <CopyButton value={list.redirectUri}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? "green" : undefined} onClick={copy}>
                {copied ? t("idpUi.copied") : t("idpUi.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <TagsInput
        label={t("idpUi.domains")}
        description={t("idpUi.domainsHint")}
        required
        value={domains}
        onChange={(v) => setDomains(v.map((d) => d.trim().toLowerCase()).filter(Boolean))}
        splitChars={[",", " ", ";"]}
        acceptValueOnBlur
        error={fieldError(req.error, "allowedDomains")}
      />
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("idpUi.mapping")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("idpUi.mappingHint")}
        </Text>
        <TextInput
          label={t("idpUi.claim")}
          required
          value={claim}
          onChange={(e) => setClaim(e.currentTarget.value)}
          error={fieldError(req.error, "roleMapping")}
        />
        <RoleMappingRows
          rows={rows}
          onChange={setRows}
          roles={roles}
          fallback={fallback}
          onFallback={setFallback}
        />
      </Stack>
      <Switch
        label={t("idpUi.passwordsAllowed")}
        description={t("idpUi.passwordsAllowedHint")}
        checked={passwords}
        onChange={(e) => setPasswords(e.currentTarget.checked)}
      />
    </FormModal>
  );
}
