// Business-day arithmetic (RULES.md §4). Pure: the holiday source is injected, so the
// domain never reaches for a library or a clock. `holidays.ts` supplies the real source.
import { TZDate } from "@date-fns/tz";
import { isoDate } from "./iso-instant.ts";

/** A calendar date as `YYYY-MM-DD`, in the calendar's time zone. */
export type LocalDate = string;

export interface BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** Weekend days as JavaScript day numbers (0 = Sunday). */
  readonly weekend: readonly number[];
  isHoliday(date: LocalDate): boolean;
}

const HOUR = 3_600_000;
export const hours = (n: number): number => n * HOUR;
export const days = (n: number): number => n * 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  if (timeZone === "UTC") return isoDate(instant);
  // Deadlines end at local midnights, so a list page asks for the same few instants again and
  // again; Intl formatting is ~1 µs each, a map lookup a few ns.
  let dates = localDates.get(timeZone);
  if (!dates) {
    dates = new Map();
    localDates.set(timeZone, dates);
  }
  let date = dates.get(instant);
  if (date === undefined) {
    // en-CA formats as YYYY-MM-DD.
    date = formatterFor(timeZone).format(new Date(instant));
    if (dates.size > 50_000) dates.clear();
    dates.set(instant, date);
  }
  return date;
}

const localDates = new Map<string, Map<number, LocalDate>>();

function parts(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** The next calendar date; plain date arithmetic in UTC, free of any time zone. */
export function nextDate(date: LocalDate): LocalDate {
  const [y, m, d] = parts(date);
  return isoDate(Date.UTC(y, m - 1, d + 1));
}

function weekday(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant at which a local date begins (00:00 in the calendar's zone, DST-aware). */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  const [y, m, d] = parts(date);
  // UTC needs no zone rules; the others ask the zone database (slow enough to be worth a cache).
  if (timeZone === "UTC") return Date.UTC(y, m - 1, d);
  const key = `${timeZone}|${date}`;
  let start = midnights.get(key);
  if (start === undefined) {
    start = new TZDate(y, m - 1, d, timeZone).getTime();
    if (midnights.size > 50_000) midnights.clear();
    midnights.set(key, start);
  }
  return start;
}

const midnights = new Map<string, number>();

export function isBusinessDay(cal: BusinessCalendar, date: LocalDate): boolean {
  return !cal.weekend.includes(weekday(date)) && !cal.isHoliday(date);
}

/**
 * "+N business days" from an event: 00:00 (calendar zone) of the day after the Nth business day
 * that follows the event's local date. The event's own day never counts.
 */
export function addBusinessDays(cal: BusinessCalendar, from: number, n: number): number {
  let date = localDateOf(from, cal.timeZone);
  let counted = 0;
  while (counted < n) {
    date = nextDate(date);
    if (isBusinessDay(cal, date)) counted++;
  }
  return startOfLocalDate(nextDate(date), cal.timeZone);
}

/**
 * Business days still left before `due`, seen at `at`: business days after `at`'s local date whose
 * day begins before `due`. Used to pause the reviewer's decision clock (the day of the request
 * never counts, as it would not count when the clock restarts).
 */
export function businessDaysLeft(cal: BusinessCalendar, at: number, due: number): number {
  let date = localDateOf(at, cal.timeZone);
  let left = 0;
  for (;;) {
    date = nextDate(date);
    if (startOfLocalDate(date, cal.timeZone) >= due) return left;
    if (isBusinessDay(cal, date)) left++;
  }
}
