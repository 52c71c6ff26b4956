// How the claim page names a due date, in ONE place: the deadline helper's <DeadlineText> (the
// inclusive last moment in the claim calendar's zone, business days left from the server's clock)
// replaces this at merge. Until then: the last minute before the exclusive end the API gives, so a
// deadline never reads one day late.
import { useT } from "../../../i18n/index.tsx";

export interface DueDeadline {
  kind: string;
  dueAt: string;
}

const LAST_MINUTE = 60_000;

export function useDueText(): (deadline: DueDeadline) => string {
  const { dateTime } = useT();
  return (deadline) => dateTime(Date.parse(deadline.dueAt) - LAST_MINUTE);
}

export function DueDate({ deadline }: { deadline: DueDeadline }) {
  const due = useDueText();
  return <time dateTime={deadline.dueAt}>{due(deadline)}</time>;
}
