// The signed-in user's personal access tokens: create one (read-only or read-write; the secret is
// shown this once), list them (never the secret), revoke one.
import { Alert, Button, CopyButton, Group, Modal, Radio, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormModal, ListTable } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { ConfirmModal, fieldError, notifyDone, SectionHeader } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/admin-texts.ts";
import "../../../i18n/tokens-texts.ts";
import { isOneOf } from "../../../lib/one-of.ts";
import {
  type AccessToken,
  type TokenScope,
  useAccessTokens,
  useCreateToken,
  useRevokeToken,
} from "../api/access-tokens.ts";

const SCOPES: TokenScope[] = ["read", "write"];

function CreateTokenModal({ onClose, onCreated }: { onClose(): void; onCreated(token: string): void }) {
  const { t } = useT();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenScope>("read");
  const req = useCreateToken();
  return (
    <FormModal
      title={t("tokensUi.create")}
      onClose={onClose}
      onSubmit={() => req.mutate({ name: name.trim(), scope }, { onSuccess: (r) => onCreated(r.token) })}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("tokensUi.createSubmit")}
    >
      <TextInput
        label={t("tokensUi.name")}
        description={t("tokensUi.nameHint")}
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(req.error, "name")}
      />
      <Radio.Group
        label={t("tokensUi.scope")}
        value={scope}
        onChange={(v) => isOneOf(SCOPES, v) && setScope(v)}
      >
        <Stack gap="xs" mt={4}>
          <Radio value="read" label={t("tokensUi.read")} description={t("tokensUi.readHint")} />
          <Radio value="write" label={t("tokensUi.write")} description={t("tokensUi.writeHint")} />
        </Stack>
      </Radio.Group>
    </FormModal>
  );
}

function TokenOnce({ token, onClose }: { token: string; onClose(): void }) {
  const { t } = useT();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("tokensUi.tokenTitle")}
      size="lg"
      closeButtonProps={{ "aria-label": t("web.close") }}
    >
      <Stack>
        <Alert color="yellow">{t("tokensUi.shownOnce")}</Alert>
        <TextInput label={t("tokensUi.token")} value={token} readOnly ff="monospace" />
        <Group justify="flex-end">
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? "green" : undefined} onClick={copy}>
                {copied ? t("tokensUi.copied") : t("tokensUi.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t("tokensUi.saved")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export default function AccessTokens() {
  const { t, dateTime } = useT();
  const list = useAccessTokens();
  const revokeReq = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const items = list.data?.items ?? [];
  const revoke = (tk: AccessToken) =>
    revokeReq.mutate(tk.id, {
      onSuccess: () => {
        notifyDone(t("tokensUi.revokedDone", { name: tk.name }), t("web.close"));
        setRevoking(null);
      },
    });
  return (
    <Stack>
      <SectionHeader
        title={t("tokensUi.title")}
        text={t("tokensUi.intro")}
        actions={<Button onClick={() => setCreating(true)}>{t("tokensUi.create")}</Button>}
      />
      <ErrorAlert error={list.error} />
      <ListTable
        loaded={list.data !== undefined}
        empty={t("tokensUi.empty")}
        minWidth={640}
        striped
        caption={t("tokensUi.caption", { count: items.length })}
        columns={[
          t("tokensUi.name"),
          t("tokensUi.scope"),
          t("tokensUi.createdAt"),
          t("tokensUi.lastUsedAt"),
          t("tokensUi.status"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(tk) => (
          <Table.Tr key={tk.id}>
            <Table.Td>{tk.name}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {tk.scope === "read" ? t("tokensUi.read") : t("tokensUi.write")}
              </Text>
            </Table.Td>
            <Table.Td>{dateTime(tk.createdAt)}</Table.Td>
            <Table.Td>{tk.lastUsedAt ? dateTime(tk.lastUsedAt) : t("tokensUi.never")}</Table.Td>
            <Table.Td>
              {tk.revokedAt ? t("tokensUi.revoked", { at: dateTime(tk.revokedAt) }) : t("tokensUi.active")}
            </Table.Td>
            <Table.Td>
              {!tk.revokedAt && (
                <Button size="xs" variant="light" color="red" onClick={() => setRevoking(tk)}>
                  {t("tokensUi.revoke")}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {creating && (
        <CreateTokenModal
          onClose={() => setCreating(false)}
          onCreated={(secret) => {
            setCreating(false);
            setToken(secret);
          }}
        />
      )}
      {token && <TokenOnce token={token} onClose={() => setToken(null)} />}
      <ConfirmModal
        opened={revoking !== null}
        title={t("tokensUi.revokeTitle", { name: revoking?.name ?? "" })}
        text={t("tokensUi.revokeText")}
        confirm={t("tokensUi.revoke")}
        busy={revokeReq.isPending}
        error={revokeReq.error}
        onConfirm={() => revoking && revoke(revoking)}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
