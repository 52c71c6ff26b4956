// Editing a claim (DOMAIN.md section 6): everything while Editing; afterwards only the partner ID,
// products and contacts. Sent as a JSON merge patch with the version as If-Match.
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useCatalog } from "../../../components/common.tsx";
import { useT } from "../../../i18n/index.tsx";
import { ApiError, patch } from "../../../lib/api-client.ts";
import type { Claim } from "../../../lib/api-types.ts";
import { useUser } from "../../../lib/session.tsx";

export function EditModal({
  claim,
  onClose,
  onSaved,
}: {
  claim: Claim;
  onClose(): void;
  onSaved(c: Claim): void;
}) {
  const { t } = useT();
  const { organization } = useUser();
  const { products, activities } = useCatalog();
  const free = claim.status === "editing";
  const [partnerId, setPartnerId] = useState(claim.partnerId);
  const [productCodes, setProducts] = useState<string[]>(claim.products);
  const [activity, setActivity] = useState(claim.activity);
  const [cc, setCc] = useState(claim.customerContact);
  const [pc, setPc] = useState(claim.partnerContact);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = {
        partnerId,
        products: productCodes,
        customerContact: cc,
        partnerContact: pc,
      };
      if (free) body.activity = activity;
      onSaved(await patch<Claim>(`/api/v1/claims/${claim.id}`, body, { "if-match": `"${claim.version}"` }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const fields = error instanceof ApiError ? error.fields : {};
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": t("web.close") }}
      title={t("web.claim.editTitle")}
      size="xl"
    >
      <Stack>
        <Alert color="gray">{t("web.claim.editHint")}</Alert>
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <Select
            label={t("web.claim.partnerId")}
            value={partnerId}
            onChange={(v) => setPartnerId(v ?? partnerId)}
            data={[...new Set([claim.partnerId, ...(organization?.partnerIds ?? [])])]}
            error={fields.partnerId}
          />
          <Select
            label={t("web.claim.activity")}
            value={activity}
            disabled={!free}
            onChange={(v) => setActivity(v ?? activity)}
            data={activities.map((a) => ({ value: a.code, label: t(`activity.${a.code}`) }))}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("web.claim.products")}
          searchable
          value={productCodes}
          onChange={setProducts}
          data={products.map((p) => ({ value: p.code, label: p.name }))}
          error={fields.products}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={`${t("web.claim.customerContact")}: ${t("web.claim.name")}`}
            value={cc.name}
            onChange={(e) => setCc({ ...cc, name: e.currentTarget.value })}
            error={fields["customerContact.name"]}
          />
          <TextInput
            label={`${t("web.claim.customerContact")}: ${t("web.claim.email")}`}
            type="email"
            value={cc.email}
            onChange={(e) => setCc({ ...cc, email: e.currentTarget.value })}
            error={fields["customerContact.email"]}
          />
          <TextInput
            label={`${t("web.claim.customerContact")}: ${t("web.claim.title")}`}
            value={cc.title ?? ""}
            onChange={(e) => setCc({ ...cc, title: e.currentTarget.value || null })}
          />
          <Select
            label={t("web.claim.contactLocale")}
            value={cc.locale ?? null}
            clearable
            onChange={(v) => setCc({ ...cc, locale: (v as "en" | "es" | null) ?? null })}
            data={[
              { value: "en", label: "English" },
              { value: "es", label: "Español" },
            ]}
          />
          <TextInput
            label={`${t("web.claim.partnerContact")}: ${t("web.claim.name")}`}
            value={pc.name}
            onChange={(e) => setPc({ ...pc, name: e.currentTarget.value })}
            error={fields["partnerContact.name"]}
          />
          <TextInput
            label={`${t("web.claim.partnerContact")}: ${t("web.claim.email")}`}
            type="email"
            value={pc.email}
            onChange={(e) => setPc({ ...pc, email: e.currentTarget.value })}
            error={fields["partnerContact.email"]}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("web.cancel")}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t("web.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
