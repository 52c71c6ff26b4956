// One claim: status with its lifecycle timeline and open deadlines, the action panel (what to do
// next, with what the other side said), only the actions the server allows the caller, editing,
// documents, comments, history, and (for reviewers) competing claims side by side.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Tabs,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { lazy, Suspense, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { DeadlineText } from "../../../components/deadline-text.tsx";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/problem-texts.ts";
import { ApiError } from "../../../lib/api-client.ts";
import type { Action, Claim } from "../../../lib/api-types.ts";
import { humanError } from "../../../lib/human-error.ts";
import { useClaim, useClaimComments, useClaimDocuments, useClaimHistory } from "../api/claim-queries.ts";
import "../../../i18n/claim-page-texts.ts";
import { ActionModal, TRANSITIONS } from "./action-modal.tsx";
import { ActionPanel } from "./action-panel.tsx";
import { Facts, StateChips } from "./claim-facts.tsx";
import { CompetingClaims } from "./competing-claims.tsx";
import { DocumentList, DocumentUpload } from "./documents.tsx";
import { EditModal } from "./edit-modal.tsx";
import { History } from "./history.tsx";
import { PANEL_ACTIONS } from "./next-step.ts";
import { SimilarClaimsSection } from "./similar-claims-section.tsx";
import { Comments } from "./thread.tsx";

const PreflightPanel = lazy(() => import("./preflight-panel.tsx"));

const LIFECYCLE = new Set([
  "created",
  "submitted",
  "review_started",
  "information_requested",
  "resubmitted",
  "approved",
  "rejected",
  "withdrawn",
  "dispute_opened",
  "dispute_upheld",
  "dispute_overturned",
  "customer_denied",
  "customer_confirmed",
  "consent_passed",
  "competing_claim_lost",
]);

export default function ClaimPage() {
  const { id = "" } = useParams();
  const { t, dateTime } = useT();
  const navigate = useNavigate();
  const claim = useClaim(id);
  const docs = useClaimDocuments(id);
  const comments = useClaimComments(id);
  const history = useClaimHistory(id);
  const [action, setAction] = useState<Action | null>(null);
  const [editing, setEditing] = useState(false);
  const [prefill, setPrefill] = useState<{ reasons: string[]; comment: string }>();
  if (claim.error)
    return (
      <Alert color="red" role="alert">
        {claim.error instanceof ApiError && claim.error.status === 404
          ? t("web.claim.notFound")
          : humanError(claim.error, t)}
      </Alert>
    );
  const c = claim.data;
  if (!c) return <Text>{t("web.loading")}</Text>;
  const allowed = new Set(c.allowedActions);
  // The next steps are the panel's; beside the title stay the moves that are not (withdraw).
  const transitions = TRANSITIONS.filter((a) => allowed.has(a) && !PANEL_ACTIONS.includes(a));
  const lifecycle = (history.data?.items ?? []).filter((h) => LIFECYCLE.has(h.event));
  const firstSubmitted = lifecycle.find((h) => h.event === "submitted")?.at ?? null;

  const done = (result: Claim, a: Action) => {
    setAction(null);
    notifications.show({
      closeButtonProps: { "aria-label": t("web.close") },
      message: t("web.action.done", { action: t(`web.action.${a}`) }),
      color: "green",
    });
    // Everything the action changed is refreshed by the mutation; a copy is a new claim to open.
    if (a === "copy") navigate(`/claims/${result.id}`);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{c.number}</Title>
          <StateChips claim={c} />
          {c.organization && (
            <Text size="sm">
              {t("claimPage.organization")}: <strong>{c.organization.name}</strong>
            </Text>
          )}
          {c.copiedFrom && (
            <Anchor component={Link} to={`/claims/${c.copiedFrom}`} size="sm">
              {t("web.claim.copiedFrom", { number: c.copiedFrom.slice(0, 8) })}
            </Anchor>
          )}
          {c.reasons.length > 0 && (
            <Text size="sm">
              {t("web.claim.reasons")}: {c.reasons.map((r) => t(`reason.${r}`)).join(", ")}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {allowed.has("edit") && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t("web.claim.edit")}
            </Button>
          )}
          {transitions.map((a) => (
            <Button
              key={a}
              onClick={() => setAction(a)}
              color={["reject", "withdraw", "uphold-dispute"].includes(a) ? "red" : undefined}
              variant={a === "withdraw" || a === "copy" ? "light" : "filled"}
            >
              {t(`web.action.${a}`)}
            </Button>
          ))}
        </Group>
      </Group>

      <ActionPanel claim={c} documents={docs.data?.items ?? []} onAction={setAction} />
      {(allowed.has("submit") || allowed.has("resubmit")) && (
        <Suspense fallback={null}>
          <PreflightPanel claimId={c.id} />
        </Suspense>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue="details" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="details">{t("web.claim.details")}</Tabs.Tab>
              <Tabs.Tab value="documents">
                {t("web.claim.documents")} ({docs.data?.items.length ?? 0})
              </Tabs.Tab>
              <Tabs.Tab value="comments">
                {t("web.claim.comments")} ({comments.data?.items.length ?? 0})
              </Tabs.Tab>
              <Tabs.Tab value="history">{t("web.claim.history")}</Tabs.Tab>
              {c.competingClaims && (
                <Tabs.Tab value="competing">
                  {t("web.claim.competing")} ({c.competingClaims.length})
                </Tabs.Tab>
              )}
            </Tabs.List>
            <Tabs.Panel value="details" pt="md">
              <Facts claim={c} />
              {c.eligibility && (
                <Card withBorder mt="md">
                  <Title order={2} size="h5" mb="xs">
                    {t("web.claim.eligibility")}
                  </Title>
                  {c.eligibility.map((e) => (
                    <Group key={e.program} gap="xs">
                      <Badge
                        color={
                          e.status === "eligible" ? "green" : e.status === "ineligible" ? "gray" : "yellow"
                        }
                      >
                        {e.program}
                      </Badge>
                      <Text size="sm">{t(`web.claim.${e.status}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {e.reasons.map((r) => t(`problems.ineligible.${r}`, { defaultValue: r })).join("; ")}
                      </Text>
                    </Group>
                  ))}
                </Card>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="md">
              <Stack>
                <DocumentList claimId={c.id} documents={docs.data?.items ?? []} />
                {allowed.has("request-information") && (
                  <Suspense fallback={null}>
                    <PreflightPanel
                      claimId={c.id}
                      onAskInformation={(reasons, comment) => {
                        setPrefill({ reasons, comment });
                        setAction("request-information");
                      }}
                    />
                  </Suspense>
                )}
                {allowed.has("upload") && <DocumentUpload claimId={c.id} />}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="comments" pt="md">
              <Comments
                claimId={c.id}
                comments={comments.data?.items ?? []}
                canComment={allowed.has("comment")}
              />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <History
                entries={history.data?.items ?? []}
                claimId={c.id}
                timeZone={c.timeZone}
                documents={docs.data?.items ?? []}
              />
            </Tabs.Panel>
            {c.competingClaims && (
              <Tabs.Panel value="competing" pt="md">
                <CompetingClaims claim={c} submittedAt={firstSubmitted} />
                <SimilarClaimsSection similar={c.similar} />
              </Tabs.Panel>
            )}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Title order={2} size="h5" mb="sm">
              {t("web.claim.timeline")}
            </Title>
            <Timeline active={lifecycle.length - 1} bulletSize={16}>
              {lifecycle.map((h) => (
                <Timeline.Item key={h.seq} title={t(`web.event.${h.event}`, { defaultValue: h.event })}>
                  <Text size="xs" c="dimmed">
                    {dateTime(h.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
            {c.deadlines.length > 0 && (
              <>
                <Title order={3} size="h6" mt="md" mb={4}>
                  {t("web.claim.deadlines")}
                </Title>
                {c.deadlines.map((d) => (
                  <DeadlineText key={d.kind} deadline={d} />
                ))}
              </>
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <ErrorAlert error={docs.error ?? comments.error ?? history.error} />
      {action && (
        <ActionModal
          claim={c}
          action={action}
          documents={docs.data?.items ?? []}
          initial={action === "request-information" ? prefill : undefined}
          onClose={() => {
            setAction(null);
            setPrefill(undefined);
          }}
          onDone={done}
        />
      )}
      {editing && <EditModal claim={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </Stack>
  );
}
