// The top of every claim page: for whoever must act next, what the other side last said (with its
// reasons and documents), what to do, by when and what happens if nobody acts, and the one primary
// action (then the other moves the server allows); for everyone else, a plain account of whose turn
// it is. Everything here is read from the claim (allowedActions, deadlines, latestMessage).
import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/claim-page-texts.ts";
import type { Action, Claim, ClaimDocument } from "../../../lib/api-types.ts";
import { useDueText } from "./due-date.tsx";
import { LatestMessage } from "./latest-message.tsx";
import { nextStep } from "./next-step.ts";

const DESTRUCTIVE: readonly Action[] = ["reject", "uphold-dispute"];

export function ActionPanel({
  claim,
  documents,
  onAction,
}: {
  claim: Claim;
  documents: ClaimDocument[];
  onAction(action: Action): void;
}) {
  const { t } = useT();
  const due = useDueText();
  const step = nextStep(claim);
  const acting = step.actions.length > 0;
  const side = acting ? "act" : "wait";
  const message = claim.latestMessage ?? null;
  // An information request answered or overtaken (a deadline fired, not yet swept) is not news.
  const shown =
    message && !(message.kind === "information_request" && step.situation !== "partner_action_required");
  const [primary, ...others] = step.actions;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="next-step-title"
      bg={acting ? "blue.0" : undefined}
      padding="md"
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="next-step-title">
            {t("claimPage.panel.title")}
          </Title>
          <Badge variant={acting ? "filled" : "light"} color={acting ? "blue" : "gray"}>
            {acting ? t("claimPage.panel.yourTurn") : t("claimPage.panel.notYourTurn")}
          </Badge>
        </Group>
        {shown && (
          <LatestMessage claimId={claim.id} message={message} documents={documents} checklist={acting} />
        )}
        <Text size="sm">{t(`claimPage.panel.situation.${side}.${step.situation}`)}</Text>
        {step.deadline && (
          <Text size="sm" fw={600}>
            {t(`claimPage.panel.due.${step.deadline.kind}.${side}`, { due: due(step.deadline) })}
          </Text>
        )}
        {primary && (
          <Group gap="xs">
            <Button
              onClick={() => onAction(primary)}
              color={DESTRUCTIVE.includes(primary) ? "red" : undefined}
            >
              {t(`web.action.${primary}`)}
            </Button>
            {others.map((a) => (
              <Button
                key={a}
                variant="default"
                c={DESTRUCTIVE.includes(a) ? "red.8" : undefined}
                onClick={() => onAction(a)}
              >
                {t(`web.action.${a}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
