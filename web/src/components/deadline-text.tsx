// One open deadline, as every screen shows it: "Respond by Mon 7 Dec, 23:59 UTC · 3 business days
// left". Everything comes from the server's deadline object (the inclusive last moment, the
// calendar's zone, the business days the server counted with its clock): nothing is computed here.
import { Stack, Text } from "@mantine/core";
import { useT } from "../i18n/index.tsx";
import { type ApiDeadline, formatLastMoment, formatTimeLeft, urgency } from "../lib/dates.ts";

export interface DeadlineTextProps {
  deadline: ApiDeadline;
  /** Two short lines for a table cell: what is due, then when and how long is left. */
  compact?: boolean;
}

export function DeadlineText({ deadline, compact = false }: DeadlineTextProps) {
  const { t, lang } = useT();
  const when = formatLastMoment(deadline, lang);
  const moment = <time dateTime={deadline.lastMomentToAct}>{when}</time>;
  const left = formatTimeLeft(deadline, t);
  const look = urgency(deadline);
  if (compact)
    return (
      <Stack gap={0} data-deadline={deadline.kind}>
        <Text size="sm">{t(`deadline.${deadline.kind}`)}</Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {moment}
        </Text>
        <Text size="xs" {...look}>
          {left}
        </Text>
      </Stack>
    );
  // The moment and the time left each wrap as a whole, never mid-phrase.
  return (
    <Text size="sm" data-deadline={deadline.kind}>
      {t(`web.deadline.by.${deadline.kind}`)}{" "}
      <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
        {moment}
      </Text>
      {" · "}
      <Text span size="sm" style={{ whiteSpace: "nowrap" }} {...look}>
        {left}
      </Text>
    </Text>
  );
}
