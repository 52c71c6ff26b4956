// The catalog of products and workloads (program admin): the list every user reads
// (GET /api/v1/catalog/products), adding one (POST /api/v1/admin/catalog/products), renaming one or
// stopping it for new claims (PATCH /api/v1/admin/catalog/products/:code).
import {
  Autocomplete,
  Badge,
  Button,
  Group,
  Radio,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { FormModal, ListTable } from "../../../../components/data-table.tsx";
import { ErrorAlert } from "../../../../components/error-alert.tsx";
import { notifyDone, SectionHeader } from "../../../../components/forms.tsx";
import { useFieldErrors } from "../../../../components/use-field-errors.ts";
import { useT } from "../../../../i18n/index.tsx";
import { type Product, useProducts } from "../../../../lib/catalog.ts";
import { useCreateProduct, useUpdateProduct } from "../api/catalog.ts";

const CODE = /^[a-z0-9_]{2,64}$/;

function AddProductModal({
  opened,
  areas,
  onClose,
  onDone,
}: {
  opened: boolean;
  areas: string[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useT();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [solutionArea, setSolutionArea] = useState("");
  const [basis, setBasis] = useState<"workload" | "subscription">("subscription");
  const req = useCreateProduct();
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const badCode = code !== "" && !CODE.test(code);
  const submit = () =>
    req.mutate(
      { code, name: name.trim(), solutionArea: solutionArea.trim(), basis },
      {
        onSuccess: (r) => {
          notifyDone(t("adminUi.catalog.added", { code: r.code }), t("web.close"));
          setCode("");
          setName("");
          onDone();
        },
      },
    );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("adminUi.catalog.add")}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.catalog.addSubmit")}
      submitDisabled={badCode || !code}
    >
      <TextInput
        label={t("adminUi.catalog.code")}
        description={t("adminUi.catalog.codeHint")}
        required
        value={code}
        onChange={(e) => {
          fields.clear("code");
          setCode(e.currentTarget.value);
        }}
        error={badCode ? t("adminUi.catalog.codeFormat") : fields.of("code")}
      />
      <TextInput
        label={t("adminUi.catalog.name")}
        required
        value={name}
        onChange={(e) => {
          fields.clear("name");
          setName(e.currentTarget.value);
        }}
        error={fields.of("name")}
      />
      <Autocomplete
        label={t("adminUi.catalog.solutionArea")}
        description={t("adminUi.catalog.solutionAreaHint")}
        required
        value={solutionArea}
        onChange={(v) => {
          fields.clear("solutionArea");
          setSolutionArea(v);
        }}
        data={areas}
        error={fields.of("solutionArea")}
      />
      <Radio.Group
        label={t("adminUi.catalog.basis")}
        value={basis}
        onChange={(v) => setBasis(v as "workload" | "subscription")}
      >
        <Group mt={6}>
          <Radio value="subscription" label={t("adminUi.catalog.basisSubscription")} />
          <Radio value="workload" label={t("adminUi.catalog.basisWorkload")} />
        </Group>
      </Radio.Group>
    </FormModal>
  );
}

function EditProductModal({
  product,
  onClose,
  onDone,
}: {
  product: Product;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useT();
  const [name, setName] = useState(product.name);
  const [active, setActive] = useState(product.active);
  const req = useUpdateProduct(product.code);
  // A field's error goes as soon as the field is edited.
  const fields = useFieldErrors(req.error);
  const submit = () => {
    const body = {
      ...(name.trim() !== product.name ? { name: name.trim() } : {}),
      ...(active !== product.active ? { active } : {}),
    };
    if (Object.keys(body).length === 0) return onClose();
    req.mutate(body, {
      onSuccess: () => {
        notifyDone(t("adminUi.common.saved"), t("web.close"));
        onDone();
      },
    });
  };
  return (
    <FormModal
      onClose={onClose}
      title={t("adminUi.catalog.edit", { code: product.code })}
      onSubmit={submit}
      busy={req.isPending}
      error={req.error}
      submitLabel={t("adminUi.common.save")}
    >
      <TextInput
        label={t("adminUi.catalog.name")}
        required
        value={name}
        onChange={(e) => {
          fields.clear("name");
          setName(e.currentTarget.value);
        }}
        error={fields.of("name")}
      />
      <Switch
        label={t("adminUi.catalog.activeLabel")}
        description={t("adminUi.catalog.activeHint")}
        checked={active}
        onChange={(e) => setActive(e.currentTarget.checked)}
      />
    </FormModal>
  );
}

export default function Catalog() {
  const { t } = useT();
  const list = useProducts();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Product | null>(null);
  const items = list.data?.items ?? [];
  const areas = [...new Set(items.map((p) => p.solutionArea))].sort();
  return (
    <Stack>
      <SectionHeader
        title={t("adminUi.catalog.title")}
        text={t("adminUi.catalog.intro")}
        actions={<Button onClick={() => setAdding(true)}>{t("adminUi.catalog.add")}</Button>}
      />
      <ErrorAlert error={list.error} />
      <ListTable
        loaded={list.data !== undefined}
        minWidth={700}
        striped
        highlightOnHover
        caption={t("adminUi.catalog.caption", { count: items.length })}
        columns={[
          t("adminUi.catalog.code"),
          t("adminUi.catalog.name"),
          t("adminUi.catalog.solutionArea"),
          t("adminUi.catalog.basis"),
          t("adminUi.catalog.state"),
          t("adminUi.common.actions"),
        ]}
        items={items}
        row={(p) => (
          <Table.Tr key={p.code}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {p.code}
              </Text>
            </Table.Td>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>
              {t(`adminUi.catalog.areas.${p.solutionArea}`, { defaultValue: p.solutionArea })}
            </Table.Td>
            <Table.Td>
              {t(
                p.basis === "workload"
                  ? "adminUi.catalog.basisWorkload"
                  : "adminUi.catalog.basisSubscription",
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={p.active ? "green" : "gray"} variant="light">
                {t(p.active ? "adminUi.catalog.active" : "adminUi.catalog.inactive")}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="light"
                onClick={() => setEditing(p)}
                aria-label={t("adminUi.catalog.edit", { code: p.code })}
              >
                {t("adminUi.common.edit")}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <AddProductModal
        opened={adding}
        areas={areas}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
        }}
      />
      {editing && (
        <EditProductModal
          key={editing.code}
          product={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
