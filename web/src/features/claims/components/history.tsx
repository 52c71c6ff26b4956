// A claim's full history, oldest first, each entry with its data in words (HistoryDetails) and its
// actor by name. Notification records ("Notifications sent", reminders) are folded away by default
// behind one toggle: they say who was told, not what happened.
import { Button, Stack, Text, Timeline } from "@mantine/core";
import { useState } from "react";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/claim-page-texts.ts";
import type { ClaimDocument, HistoryEntry } from "../../../lib/api-types.ts";
import { HistoryDetails } from "./history-details.tsx";

const NOTIFICATION_EVENTS = new Set(["notified", "reminder"]);

export function History({
  entries,
  claimId,
  timeZone,
  documents,
}: {
  entries: HistoryEntry[];
  claimId: string;
  /** The claim calendar's zone: deadlines named in the history are written in it. */
  timeZone?: string;
  documents: ClaimDocument[];
}) {
  const { t, dateTime } = useT();
  const [showNotifications, setShowNotifications] = useState(false);
  const folded = entries.filter((h) => NOTIFICATION_EVENTS.has(h.event)).length;
  const shown = showNotifications ? entries : entries.filter((h) => !NOTIFICATION_EVENTS.has(h.event));
  if (entries.length === 0) return <Text c="dimmed">{t("claimPage.history.empty")}</Text>;
  return (
    <Stack gap="sm">
      {folded > 0 && (
        <Button
          variant="default"
          size="compact-sm"
          style={{ alignSelf: "flex-start" }}
          aria-pressed={showNotifications}
          onClick={() => setShowNotifications((v) => !v)}
        >
          {showNotifications
            ? t("claimPage.history.hideNotifications")
            : t("claimPage.history.showNotifications", { count: folded })}
        </Button>
      )}
      <Timeline bulletSize={14} lineWidth={2}>
        {shown.map((h) => (
          <Timeline.Item key={h.seq} title={t(`web.event.${h.event}`, { defaultValue: h.event })}>
            <Text size="xs" c="dimmed">
              {dateTime(h.at)} · {h.actor.kind === "system" ? t("web.claim.system") : h.actor.name}
            </Text>
            <HistoryDetails entry={h} claimId={claimId} timeZone={timeZone} documents={documents} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
