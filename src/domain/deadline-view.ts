// What a screen, a mail or an integration needs to say about one open deadline (RULES.md §4a),
// computed once on the server from the stored exclusive end, the claim's calendar and the
// server's clock, so that no client does date arithmetic of its own. Pure: `now` is injected.
import { type BusinessCalendar, isBusinessDay, type LocalDate, localDateOf, nextDate } from "./calendar.ts";
import type { DeadlineKind } from "./vocabulary.ts";

export type DeadlineState = "on_time" | "due_soon" | "breached";

export interface DeadlineView {
  kind: DeadlineKind;
  /** The stored exclusive end: the deadline fires at this instant. */
  dueAt: number;
  /** The last instant at which acting is still in time: dueAt − 1 ms (inclusive). */
  lastMomentToAct: number;
  /** The calendar's IANA zone, in which screens and mails write the last moment. */
  timeZone: string;
  /**
   * Business days after today (local date of `now`) up to and including the local date of the last
   * moment. Today never counts, as the event's own day never counts in "+N business days": right
   * after "+5 business days" it says 5; on the last day it says 0 (see `hoursLeft`).
   */
  businessDaysLeft: number;
  /** Whole hours from now to the end (0 in the last hour, and once overdue). */
  hoursLeft: number;
  overdue: boolean;
  /**
   * Once passed: whole business days elapsed between the last moment's date and today (both
   * excluded), and whole hours since the end. Null while in time.
   */
  overdueBy: { businessDays: number; hours: number } | null;
  /** breached once passed; due_soon once the early warning is due (SLA: one business day left). */
  state: DeadlineState;
}

const HOUR = 3_600_000;

/** The inclusive last moment of a deadline whose exclusive end is `dueAt`. */
export const lastMomentToAct = (dueAt: number): number => dueAt - 1;

export function deadlineState(d: { dueAt: number; warnAt: number | null }, now: number): DeadlineState {
  if (now >= d.dueAt) return "breached";
  return d.warnAt !== null && now >= d.warnAt ? "due_soon" : "on_time";
}

/** Business days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
function businessDaysBetween(cal: BusinessCalendar, from: LocalDate, to: LocalDate): number {
  let n = 0;
  // Dates as YYYY-MM-DD compare as strings; nextDate is plain arithmetic (no zone lookups).
  for (let date = nextDate(from); date <= to; date = nextDate(date)) if (isBusinessDay(cal, date)) n++;
  return n;
}

export function deadlineView(
  d: { kind: DeadlineKind; dueAt: number; warnAt: number | null },
  calendar: BusinessCalendar,
  now: number,
): DeadlineView {
  const last = lastMomentToAct(d.dueAt);
  const today = localDateOf(now, calendar.timeZone);
  const lastDay = localDateOf(last, calendar.timeZone);
  const overdue = now >= d.dueAt;
  return {
    kind: d.kind,
    dueAt: d.dueAt,
    lastMomentToAct: last,
    timeZone: calendar.timeZone,
    businessDaysLeft: overdue ? 0 : businessDaysBetween(calendar, today, lastDay),
    hoursLeft: overdue ? 0 : Math.floor((d.dueAt - now) / HOUR),
    overdue,
    overdueBy: overdue
      ? {
          // Days after the last day and before today: a day counts once it has wholly passed.
          businessDays:
            today > lastDay
              ? businessDaysBetween(calendar, lastDay, today) - (isBusinessDay(calendar, today) ? 1 : 0)
              : 0,
          hours: Math.floor((now - d.dueAt) / HOUR),
        }
      : null,
    state: deadlineState(d, now),
  };
}
