// Deadlines as the server describes them (RULES.md §4a): the inclusive last moment written in the
// claim calendar's time zone, and the time left or overdue as the server counted it with its own
// clock. Nothing here reads the browser's clock.
import type { TFunction } from "i18next";
import type { Claim } from "./api-types.ts";

export type ApiDeadline = Claim["deadlines"][number];

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl's locale for a language: English in day-month order with a 24-hour clock ("Mon 7 Dec, 23:59"). */
const intlLocale = (lang: string) => (lang === "en" ? "en-GB" : lang);

/** "Mon 7 Dec, 23:59 UTC" / "lun, 7 dic, 23:59 UTC": the last moment, in the calendar's zone. */
export function formatLastMoment(d: Pick<ApiDeadline, "lastMomentToAct" | "timeZone">, lang: string): string {
  const key = `${lang}|${d.timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(lang), {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: d.timeZone,
      timeZoneName: "short",
    });
    formats.set(key, f);
  }
  return f.format(new Date(d.lastMomentToAct));
}

/** "3 business days left", "5 hours left", "Overdue by 2 business days": from the server's counts. */
export function formatTimeLeft(d: ApiDeadline, t: TFunction): string {
  if (d.overdueBy) {
    const { businessDays, hours } = d.overdueBy;
    if (businessDays > 0) return t("web.deadline.overdueDays", { count: businessDays });
    if (hours > 0) return t("web.deadline.overdueHours", { count: hours });
    return t("web.deadline.overdueNow");
  }
  if (d.businessDaysLeft > 0) return t("web.deadline.daysLeft", { count: d.businessDaysLeft });
  if (d.hoursLeft > 0) return t("web.deadline.hoursLeft", { count: d.hoursLeft });
  return t("web.deadline.lastHour");
}

/** How urgent it looks: red once passed, bold once due soon (colours that keep axe's contrast). */
export function urgency(d: Pick<ApiDeadline, "state" | "overdue">): { c?: string; fw?: number } {
  if (d.overdue || d.state === "breached") return { c: "red", fw: 600 };
  return d.state === "due_soon" ? { fw: 700 } : { c: "dimmed" };
}
