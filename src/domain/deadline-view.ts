// What a screen, a mail or an integration needs to say about one open deadline (RULES.md §4a),
// computed once on the server from the stored exclusive end, the claim's calendar and the
// server's clock, so that no client does date arithmetic of its own. Pure: `now` is injected.
import { type BusinessCalendar, isBusinessDay, type LocalDate, localDateOf } from "./calendar.ts";
import { isoDateOfDay } from "./iso-instant.ts";
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

const DAY = 86_400_000;
const dayNumber = (date: LocalDate): number => Date.parse(`${date}T00:00:00Z`) / DAY;

// A list page asks the same few (today, last day) pairs again and again: remembered per calendar
// object (a reloaded calendar is a new object, so an edit is never answered from an old count).
const counted = new WeakMap<BusinessCalendar, Map<string, number>>();

/** Business days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
function businessDaysBetween(cal: BusinessCalendar, from: LocalDate, to: LocalDate): number {
  if (to <= from) return 0;
  let memo = counted.get(cal);
  if (!memo) {
    memo = new Map();
    counted.set(cal, memo);
  }
  const key = `${from}|${to}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let n = 0;
  // Whole days as numbers (day 0, 1970-01-01, was a Thursday); a date string only for weekdays.
  for (let d = dayNumber(from) + 1, end = dayNumber(to); d <= end; d++) {
    if (cal.weekend.includes((d + 4) % 7)) continue;
    if (!cal.isHoliday(isoDateOfDay(d))) n++;
  }
  if (memo.size > 10_000) memo.clear();
  memo.set(key, n);
  return n;
}

// A page of rows is viewed at one `now`: its local date is worked out once, not once per deadline.
let lastToday: { calendar: BusinessCalendar; now: number; date: LocalDate } | null = null;
function todayIn(calendar: BusinessCalendar, now: number): LocalDate {
  if (lastToday?.calendar === calendar && lastToday.now === now) return lastToday.date;
  const date = localDateOf(now, calendar.timeZone);
  lastToday = { calendar, now, date };
  return date;
}

export function deadlineView(
  d: { kind: DeadlineKind; dueAt: number; warnAt: number | null },
  calendar: BusinessCalendar,
  now: number,
): DeadlineView {
  const last = lastMomentToAct(d.dueAt);
  const today = todayIn(calendar, now);
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
