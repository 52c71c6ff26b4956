// Editing a claim (RULES.md §7): everything while Editing; afterwards only the partner ID,
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
import { editableFields } from "../../../../../src/domain/editing.ts";
import { ACTIVITIES } from "../../../../../src/domain/vocabulary.ts";
import { useErrorText } from "../../../components/error-alert.tsx";
import { useFieldErrors, verdict } from "../../../components/use-field-errors.ts";
import { useT } from "../../../i18n/index.tsx";
import type { Claim } from "../../../lib/api-types.ts";
import { useCatalog } from "../../../lib/catalog.ts";
import { isOneOf } from "../../../lib/one-of.ts";
import { useUser } from "../../../lib/session.tsx";
import { useEditClaim } from "../api/claim-mutations.ts";

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
  // The activity is fixed after submission (RULES.md §7): the domain says so, not this screen.
  const free = editableFields(claim.status).includes("activity");
  const [partnerId, setPartnerId] = useState(claim.partnerId);
  const [productCodes, setProducts] = useState<string[]>(claim.products);
  const [activity, setActivity] = useState(claim.activity);
  const [cc, setCc] = useState(claim.customerContact);
  const [pc, setPc] = useState(claim.partnerContact);
  const editClaim = useEditClaim(claim);
  const { error } = editClaim;
  const busy = editClaim.isPending;
  const errorText = useErrorText(error);
  const fields = useFieldErrors(error);
  const save = () =>
    fields.check({
      products: verdict(productCodes),
      "customerContact.name": verdict(cc.name),
      "customerContact.email": verdict(cc.email, "email"),
      "partnerContact.name": verdict(pc.name),
      "partnerContact.email": verdict(pc.email, "email"),
    }) &&
    editClaim.mutate(
      {
        partnerId,
        products: productCodes,
        customerContact: { ...cc, locale: cc.locale === "en" || cc.locale === "es" ? cc.locale : null },
        partnerContact: pc,
        // The activity is fixed once submitted.
        ...(free && isOneOf(ACTIVITIES, activity) ? { activity } : {}),
      },
      { onSuccess: onSaved },
    );
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
        {errorText && (
          <Alert color="red" role="alert">
            {errorText}
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <Select
            label={t("web.claim.partnerId")}
            value={partnerId}
            onChange={(v) => setPartnerId(v ?? partnerId)}
            data={[...new Set([claim.partnerId, ...(organization?.partnerIds ?? [])])]}
            error={fields.of("partnerId")}
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
          onChange={(v) => {
            setProducts(v);
            fields.clear("products");
          }}
          data={products.map((p) => ({ value: p.code, label: p.name }))}
          error={fields.of("products")}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={`${t("web.claim.customerContact")}: ${t("web.claim.name")}`}
            value={cc.name}
            onChange={(e) => {
              setCc({ ...cc, name: e.currentTarget.value });
              fields.clear("customerContact.name");
            }}
            error={fields.of("customerContact.name")}
          />
          <TextInput
            label={`${t("web.claim.customerContact")}: ${t("web.claim.email")}`}
            type="email"
            value={cc.email}
            onChange={(e) => {
              setCc({ ...cc, email: e.currentTarget.value });
              fields.clear("customerContact.email");
            }}
            error={fields.of("customerContact.email")}
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
            onChange={(e) => {
              setPc({ ...pc, name: e.currentTarget.value });
              fields.clear("partnerContact.name");
            }}
            error={fields.of("partnerContact.name")}
          />
          <TextInput
            label={`${t("web.claim.partnerContact")}: ${t("web.claim.email")}`}
            type="email"
            value={pc.email}
            onChange={(e) => {
              setPc({ ...pc, email: e.currentTarget.value });
              fields.clear("partnerContact.email");
            }}
            error={fields.of("partnerContact.email")}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("web.cancel")}
          </Button>
          <Button onClick={save} loading={busy}>
            {t("web.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
