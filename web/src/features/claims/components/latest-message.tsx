// The latest message of a claim, as the action panel quotes it: who said it and when, their words,
// the reasons (a checklist to work through for an information request) and a dispute's documents.
import { Blockquote, Checkbox, List, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/claim-page-texts.ts";
import type { Claim, ClaimDocument } from "../../../lib/api-types.ts";
import { DocumentLink } from "./document-link.tsx";
import { isRequest } from "./next-step.ts";

type Message = NonNullable<Claim["latestMessage"]>;

export function LatestMessage({
  claimId,
  message,
  documents,
  checklist,
}: {
  claimId: string;
  message: Message;
  documents: ClaimDocument[];
  /** The reasons as boxes to tick off: for whoever must address them. */
  checklist: boolean;
}) {
  const { t, dateTime } = useT();
  const [ticked, setTicked] = useState<string[]>([]);
  const byName = message.actor.kind === "system" ? "" : message.actor.name;
  const heading =
    message.kind === "rejection" && message.actor.kind === "system"
      ? t("claimPage.panel.messageFrom.rejectionSystem")
      : t(`claimPage.panel.messageFrom.${message.kind}`, { name: byName });
  const reasonsTitle = isRequest(message.kind)
    ? t("claimPage.panel.reasonsToAddress")
    : t("claimPage.panel.reasonsGiven");
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {heading}{" "}
        <Text span size="xs" c="dimmed" fw={400}>
          · {dateTime(message.at)}
        </Text>
      </Text>
      {message.text ? (
        <Blockquote p="xs" style={{ whiteSpace: "pre-wrap" }} data-testid="latest-message-text">
          {message.text}
        </Blockquote>
      ) : (
        message.documentIds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("claimPage.panel.noText")}
          </Text>
        )
      )}
      {message.reasons.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`reasons-${claimId}`}>
            {reasonsTitle}
          </Text>
          {checklist && isRequest(message.kind) ? (
            // A checklist to work through: ticks are the reader's own notes, kept in this page only.
            <Checkbox.Group aria-labelledby={`reasons-${claimId}`} value={ticked} onChange={setTicked}>
              <Stack gap={4}>
                {message.reasons.map((r) => (
                  <Checkbox key={r} value={r} label={t(`reason.${r}`)} size="sm" />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <List size="sm" spacing={2} aria-labelledby={`reasons-${claimId}`}>
              {message.reasons.map((r) => (
                <List.Item key={r}>{t(`reason.${r}`)}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
      {message.documentIds.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("claimPage.panel.documents")}
          </Text>
          {message.documentIds.map((id) => (
            <DocumentLink key={id} claimId={claimId} documentId={id} documents={documents} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
