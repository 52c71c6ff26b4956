// Filing a claim: details (the customer looked up in the registry), then the proof of execution
// (the draft is saved first so that files attach to it), then a review step and submit.
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ACTIVITIES } from "../../../../../src/domain/vocabulary.ts";
import { useErrorText } from "../../../components/error-alert.tsx";
import { useFieldErrors, verdict } from "../../../components/use-field-errors.ts";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/problem-texts.ts";
import type { Claim, ClaimDocument } from "../../../lib/api-types.ts";
import { useCatalog, useProductNames } from "../../../lib/catalog.ts";
import { isOneOf } from "../../../lib/one-of.ts";
import { useUser } from "../../../lib/session.tsx";
import { useCreateClaim } from "../api/claim-mutations.ts";
import { useCustomerLookup } from "../api/claim-queries.ts";
import { CustomerSuggestions } from "./customer-suggestions.tsx";
import { DocumentList, DocumentUpload } from "./documents.tsx";
import { SubmitButton } from "./submit-draft-button.tsx";

const PreflightPanel = lazy(() => import("./preflight-panel.tsx"));

export default function NewClaim() {
  const { t } = useT();
  const navigate = useNavigate();
  const { organization } = useUser();
  const { products, activities } = useCatalog();
  const productNames = useProductNames();
  const [step, setStep] = useState(0);
  const [lookup, setLookup] = useState("");
  // The term looked up last (on the button or Enter), not each keystroke.
  const [term, setTerm] = useState("");
  const found = useCustomerLookup(term);
  const customer = found.data?.items[0] ?? null;
  const notFound = found.data?.items.length === 0;
  const [subscriptionId, setSubscriptionId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(organization?.partnerIds[0] ?? null);
  const [activity, setActivity] = useState<string | null>(null);
  const [productCodes, setProducts] = useState<string[]>([]);
  const [cc, setCc] = useState({ name: "", title: "", email: "", phone: "", locale: "" });
  const [pc, setPc] = useState({ name: "", email: "", phone: "" });
  const [claim, setClaim] = useState<Claim | null>(null);
  const [documents, setDocuments] = useState<ClaimDocument[]>([]);
  const create = useCreateClaim();
  const busy = create.isPending;
  const failure = create.error ?? found.error;
  const failureText = useErrorText(failure);
  const fields = useFieldErrors(create.error);
  const [lookupEmpty, setLookupEmpty] = useState(false);

  const find = () => {
    setLookupEmpty(lookup.trim() === "");
    setTerm(lookup);
  };

  // Required fields are checked here, before a round trip; each error goes once its field is edited.
  const createDraft = () => {
    const fine = fields.check({
      partnerId: verdict(partnerId),
      activity: verdict(activity),
      products: verdict(productCodes),
      "customerContact.name": verdict(cc.name),
      "customerContact.email": verdict(cc.email, "email"),
      "partnerContact.name": verdict(pc.name),
      "partnerContact.email": verdict(pc.email, "email"),
    });
    if (!fine || !customer || !isOneOf(ACTIVITIES, activity)) return;
    create.mutate(
      {
        partnerId: partnerId ?? "",
        customer: {
          tenantId: customer.tenantId,
          domain: customer.domain,
          name: customer.name,
          subscriptionId,
        },
        activity,
        products: productCodes,
        customerContact: {
          name: cc.name,
          email: cc.email,
          title: cc.title || null,
          phone: cc.phone || null,
          locale: cc.locale === "en" || cc.locale === "es" ? cc.locale : null,
        },
        partnerContact: { name: pc.name, email: pc.email, phone: pc.phone || null },
      },
      {
        onSuccess: (created) => {
          setClaim(created);
          setStep(1);
        },
      },
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("web.newClaim.title")}</Title>
        <Button component={Link} to="/claims/bulk" variant="default">
          {t("web.nav.bulk")}
        </Button>
      </Group>
      {failureText && (
        <Alert color="red" role="alert">
          {failureText}
        </Alert>
      )}
      <Stepper active={step} onStepClick={(s) => claim && setStep(s)}>
        <Stepper.Step label={t("web.newClaim.stepDetails")}>
          <Stack mt="md">
            <Card withBorder>
              <Title order={2} size="h5" mb="xs">
                {t("web.newClaim.findCustomer")}
              </Title>
              <Group align="end">
                <TextInput
                  label={t("web.newClaim.lookupBy")}
                  value={lookup}
                  onChange={(e) => {
                    setLookup(e.currentTarget.value);
                    setLookupEmpty(false);
                  }}
                  error={lookupEmpty ? t("problems.kind.required") : undefined}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") find();
                  }}
                  w={380}
                  disabled={!!claim}
                />
                <Button variant="light" onClick={find} loading={found.isFetching} disabled={!!claim}>
                  {t("web.newClaim.lookup")}
                </Button>
              </Group>
              {!claim && !customer && (
                <CustomerSuggestions
                  text={lookup}
                  onPick={(tenantId) => {
                    setLookup(tenantId);
                    setTerm(tenantId);
                  }}
                />
              )}
              {notFound && (
                <Alert color="yellow" mt="sm">
                  {t("web.newClaim.notInRegistry")}
                </Alert>
              )}
              {customer && (
                <Stack mt="sm" gap={4}>
                  <Text fw={600}>
                    {customer.name} · {customer.domain}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {customer.tenantId}
                  </Text>
                  <Select
                    label={t("web.newClaim.pickSubscription")}
                    clearable
                    placeholder={t("web.newClaim.noSubscription")}
                    value={subscriptionId}
                    onChange={(v) => {
                      setSubscriptionId(v);
                      const s = customer.subscriptions.find((x) => x.id === v);
                      if (s) setProducts([s.product]);
                    }}
                    data={customer.subscriptions.map((s) => ({
                      value: s.id,
                      label: `${productNames([s.product])} · ${s.id} (${t(`problems.subscription.${s.status}`)})`,
                    }))}
                    disabled={!!claim}
                  />
                </Stack>
              )}
            </Card>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("web.claim.partnerId")}
                withAsterisk
                allowDeselect={false}
                value={partnerId}
                onChange={(v) => {
                  setPartnerId(v);
                  fields.clear("partnerId");
                }}
                data={organization?.partnerIds ?? []}
                error={fields.of("partnerId")}
              />
              <Select
                label={t("web.claim.activity")}
                withAsterisk
                allowDeselect={false}
                value={activity}
                onChange={(v) => {
                  setActivity(v);
                  fields.clear("activity");
                }}
                data={activities.map((a) => ({ value: a.code, label: t(`activity.${a.code}`) }))}
                error={fields.of("activity")}
              />
            </SimpleGrid>
            <MultiSelect
              label={t("web.claim.products")}
              withAsterisk
              searchable
              value={productCodes}
              onChange={(v) => {
                setProducts(v);
                fields.clear("products");
              }}
              data={products.map((p) => ({ value: p.code, label: p.name }))}
              error={fields.of("products")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={`${t("web.claim.customerContact")}: ${t("web.claim.name")}`}
                withAsterisk
                value={cc.name}
                onChange={(e) => {
                  setCc({ ...cc, name: e.currentTarget.value });
                  fields.clear("customerContact.name");
                }}
                error={fields.of("customerContact.name")}
              />
              <TextInput
                label={`${t("web.claim.customerContact")}: ${t("web.claim.email")}`}
                withAsterisk
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
                value={cc.title}
                onChange={(e) => setCc({ ...cc, title: e.currentTarget.value })}
              />
              <Select
                label={t("web.claim.contactLocale")}
                clearable
                value={cc.locale || null}
                onChange={(v) => setCc({ ...cc, locale: v ?? "" })}
                data={[
                  { value: "en", label: "English" },
                  { value: "es", label: "Español" },
                ]}
              />
              <TextInput
                label={`${t("web.claim.partnerContact")}: ${t("web.claim.name")}`}
                withAsterisk
                value={pc.name}
                onChange={(e) => {
                  setPc({ ...pc, name: e.currentTarget.value });
                  fields.clear("partnerContact.name");
                }}
                error={fields.of("partnerContact.name")}
              />
              <TextInput
                label={`${t("web.claim.partnerContact")}: ${t("web.claim.email")}`}
                withAsterisk
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
              <Button onClick={() => void createDraft()} loading={busy} disabled={!customer || !!claim}>
                {t("web.newClaim.createDraft")}
              </Button>
              {claim && <Button onClick={() => setStep(1)}>{t("web.next")}</Button>}
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t("web.newClaim.stepDocuments")}>
          {claim && (
            <Stack mt="md">
              <DocumentList claimId={claim.id} documents={documents} />
              <DocumentUpload claimId={claim.id} onUploaded={(d) => setDocuments((all) => [...all, d])} />
              <Suspense fallback={null}>
                <PreflightPanel claimId={claim.id} />
              </Suspense>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setStep(0)}>
                  {t("web.back")}
                </Button>
                <Button onClick={() => setStep(2)} disabled={documents.length === 0}>
                  {t("web.next")}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t("web.newClaim.stepReview")}>
          {claim && (
            <Stack mt="md">
              <Card withBorder>
                <Text fw={600}>{claim.number}</Text>
                <Text size="sm">
                  {claim.customer.name} · {claim.customer.tenantId}
                </Text>
                <Text size="sm">
                  {t(`activity.${claim.activity}`)} · {productNames(claim.products)}
                </Text>
                <Text size="sm">
                  {t("web.claim.documents")}: {documents.map((d) => d.filename).join(", ")}
                </Text>
              </Card>
              {documents.length === 0 && <Alert color="yellow">{t("web.newClaim.needDocument")}</Alert>}
              <Suspense fallback={null}>
                <PreflightPanel claimId={claim.id} />
              </Suspense>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => navigate(`/claims/${claim.id}`)}>
                  {t("web.newClaim.saveForLater")}
                </Button>
                <SubmitButton claim={claim} disabled={documents.length === 0} />
              </Group>
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
