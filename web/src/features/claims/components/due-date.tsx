// How the action panel's sentences name a due date: the one deadline model's words (lib/dates.ts,
// the same as <DeadlineText>): the inclusive last moment in the claim calendar's zone, and the time
// left as the server counted it with its clock ("Wed 9 Dec, 23:59 UTC (5 business days left)").
import { useT } from "../../../i18n/index.tsx";
import { type ApiDeadline, formatLastMoment, formatTimeLeft } from "../../../lib/dates.ts";

export function useDueText(): (deadline: ApiDeadline) => string {
  const { t, lang } = useT();
  return (deadline) => `${formatLastMoment(deadline, lang)} (${formatTimeLeft(deadline, t)})`;
}
