// Business-day arithmetic of RULES.md §3 (calendars) and §4 (time), on the real holiday source.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  type BusinessCalendar,
  businessDaysLeft,
  type LocalDate,
  localDateOf,
  startOfLocalDate,
} from "../../src/domain/calendar.ts";
import { type ClaimState, initialState } from "../../src/domain/claim-state.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../src/domain/holidays.ts";
import { DEFAULT_POLICY } from "../../src/domain/policy.ts";
import { fireDue } from "../../src/domain/timers.ts";
import { decide } from "../../src/domain/transitions.ts";

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

const us = businessCalendar(DEFAULT_CALENDAR);
const newYork = businessCalendar({ id: "ny", region: "US", timeZone: "America/New_York" });
const madrid = businessCalendar({ id: "madrid", region: "ES-MD", timeZone: "Europe/Madrid" });
const madridUtc = businessCalendar({ id: "madrid-utc", region: "ES-MD", timeZone: "UTC" });
const germany = businessCalendar({ id: "de", region: "DE", timeZone: "Europe/Berlin" });
const germanyUtc = businessCalendar({ id: "de-utc", region: "DE", timeZone: "UTC" });

/** `YYYY-MM-DD` plus `n` days, with no time zone involved (independent of the code under test). */
function plusDays(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function isWorkingDay(cal: BusinessCalendar, date: LocalDate): boolean {
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6 && !cal.isHoliday(date);
}

/** Wall-clock time of an instant in a zone, `HH:mm:ss`, via Intl (not via the code under test). */
function localTimeOf(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
}

describe("addBusinessDays on the default calendar (US holidays, UTC)", () => {
  it("follows the worked example of RULES.md §4: Fri 2026-03-06 15:00Z + 5 business days -> 2026-03-14T00:00:00.000Z", () => {
    expect(DEFAULT_CALENDAR).toMatchObject({ region: "US", timeZone: "UTC" });
    expect(iso(addBusinessDays(us, at("2026-03-06T15:00:00Z"), 5))).toBe("2026-03-14T00:00:00.000Z");
  });

  it("skips weekends", () => {
    // Fri + 1 -> the 1st business day is Mon 9, due at the start of Tue 10.
    expect(iso(addBusinessDays(us, at("2026-03-06T10:00:00Z"), 1))).toBe("2026-03-10T00:00:00.000Z");
    // Thu + 1 -> Fri 6, due at the start of Sat 7: the due day itself may be a weekend day.
    expect(iso(addBusinessDays(us, at("2026-03-05T10:00:00Z"), 1))).toBe("2026-03-07T00:00:00.000Z");
    // Mon 2 + 10 -> two full weeks of working days: Mon 16 is the 10th, due Tue 17.
    expect(iso(addBusinessDays(us, at("2026-03-02T09:00:00Z"), 10))).toBe("2026-03-17T00:00:00.000Z");
  });

  it("never counts the event's own day, whatever its time", () => {
    const dayStart = addBusinessDays(us, at("2026-03-09T00:00:00.000Z"), 1);
    const dayEnd = addBusinessDays(us, at("2026-03-09T23:59:59.999Z"), 1);
    expect(iso(dayStart)).toBe("2026-03-11T00:00:00.000Z");
    expect(dayEnd).toBe(dayStart);
    // The next day begins a new count.
    expect(iso(addBusinessDays(us, at("2026-03-10T00:00:00.000Z"), 1))).toBe("2026-03-12T00:00:00.000Z");
  });

  it("never counts the event's own day when the event is on a Saturday or Sunday", () => {
    expect(iso(addBusinessDays(us, at("2026-03-07T10:00:00Z"), 1))).toBe("2026-03-10T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-03-08T23:00:00Z"), 1))).toBe("2026-03-10T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-03-07T10:00:00Z"), 5))).toBe("2026-03-14T00:00:00.000Z");
  });

  it("never counts the event's own day when the event is on a holiday", () => {
    // Thanksgiving Thu 2026-11-26: +1 -> Fri 27 (the day after is not a federal holiday).
    expect(iso(addBusinessDays(us, at("2026-11-26T12:00:00Z"), 1))).toBe("2026-11-28T00:00:00.000Z");
    // Christmas Fri 2026-12-25: +1 -> Mon 28.
    expect(iso(addBusinessDays(us, at("2026-12-25T12:00:00Z"), 1))).toBe("2026-12-29T00:00:00.000Z");
  });

  it("knows the US public holidays, including observed days", () => {
    expect(us.isHoliday("2026-11-26")).toBe(true); // Thanksgiving
    expect(us.isHoliday("2026-07-03")).toBe(true); // Independence Day, observed (July 4 is a Saturday)
    expect(us.isHoliday("2026-07-04")).toBe(true);
    expect(us.isHoliday("2026-12-25")).toBe(true);
    expect(us.isHoliday("2026-01-01")).toBe(true);
    expect(us.isHoliday("2027-12-31")).toBe(true); // New Year's Day 2028 (a Saturday), observed the year before
    // Observances are not holidays.
    expect(us.isHoliday("2026-11-27")).toBe(false); // day after Thanksgiving
    expect(us.isHoliday("2026-12-24")).toBe(false); // Christmas Eve
    expect(us.isHoliday("2026-03-17")).toBe(false); // St. Patrick's Day
    expect(us.isHoliday("2026-03-10")).toBe(false);
  });

  it("skips US holidays", () => {
    // Wed 2026-11-25: Thanksgiving Thu 26 is skipped; +1 -> Fri 27, +2 -> Mon 30.
    expect(iso(addBusinessDays(us, at("2026-11-25T12:00:00Z"), 1))).toBe("2026-11-28T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-11-25T12:00:00Z"), 2))).toBe("2026-12-01T00:00:00.000Z");
    // Thu 2026-07-02: Fri 3 is the observed Independence Day; +1 -> Mon 6.
    expect(iso(addBusinessDays(us, at("2026-07-02T12:00:00Z"), 1))).toBe("2026-07-07T00:00:00.000Z");
    // Thu 2026-12-24: Christmas Fri 25 is skipped; +1 -> Mon 28.
    expect(iso(addBusinessDays(us, at("2026-12-24T12:00:00Z"), 1))).toBe("2026-12-29T00:00:00.000Z");
    // Across the year boundary: Thu 2027-12-30 + 1 skips the observed New Year's Day Fri 31 -> Mon 2028-01-03.
    expect(iso(addBusinessDays(us, at("2027-12-30T12:00:00Z"), 1))).toBe("2028-01-04T00:00:00.000Z");
  });

  it("counts a day that is a holiday elsewhere but not in the US", () => {
    expect(us.isHoliday("2026-05-01")).toBe(false);
    // Thu 2026-04-30 + 1 -> Fri 1 May is a US business day.
    expect(iso(addBusinessDays(us, at("2026-04-30T12:00:00Z"), 1))).toBe("2026-05-02T00:00:00.000Z");
    // Wed 2026-05-13 + 1 -> Thu 14 (Ascension Day in Germany) is a US business day.
    expect(iso(addBusinessDays(us, at("2026-05-13T12:00:00Z"), 1))).toBe("2026-05-15T00:00:00.000Z");
  });
});

describe("addBusinessDays in other regions", () => {
  it("knows the holidays of Madrid (ES-MD) and not the US ones", () => {
    expect(madrid.isHoliday("2026-05-01")).toBe(true); // Labour Day
    expect(madrid.isHoliday("2026-05-02")).toBe(true); // Día de la Comunidad de Madrid
    expect(madrid.isHoliday("2026-04-02")).toBe(true); // Holy Thursday
    expect(madrid.isHoliday("2026-04-03")).toBe(true); // Good Friday
    expect(madrid.isHoliday("2026-11-02")).toBe(true); // All Saints, moved from Sunday 1st
    expect(madrid.isHoliday("2026-11-26")).toBe(false); // US Thanksgiving
    expect(madrid.isHoliday("2026-07-03")).toBe(false);
  });

  it("skips Madrid's holidays in Madrid but not in the US", () => {
    // Thu 2026-04-30 + 1: Fri 1 May is a holiday, Sat 2 May (Madrid day) a weekend -> Mon 4, due Tue 5.
    expect(iso(addBusinessDays(madridUtc, at("2026-04-30T12:00:00Z"), 1))).toBe("2026-05-05T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-04-30T12:00:00Z"), 1))).toBe("2026-05-02T00:00:00.000Z");
    // Wed 2026-04-01 + 2: Holy Thursday and Good Friday are skipped -> Mon 6, Tue 7; due Wed 8.
    expect(iso(addBusinessDays(madridUtc, at("2026-04-01T12:00:00Z"), 2))).toBe("2026-04-08T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-04-01T12:00:00Z"), 2))).toBe("2026-04-04T00:00:00.000Z");
    // Fri 2026-10-30 + 1: Mon 2 Nov is a Madrid holiday -> Tue 3, due Wed 4; in the US Mon 2 counts.
    expect(iso(addBusinessDays(madridUtc, at("2026-10-30T12:00:00Z"), 1))).toBe("2026-11-04T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-10-30T12:00:00Z"), 1))).toBe("2026-11-03T00:00:00.000Z");
  });

  it("does not skip US holidays in Madrid", () => {
    // Wed 2026-11-25 + 1 -> Thu 26 (Thanksgiving) counts in Madrid.
    expect(iso(addBusinessDays(madridUtc, at("2026-11-25T12:00:00Z"), 1))).toBe("2026-11-27T00:00:00.000Z");
  });

  it("skips German holidays in Germany but not in the US", () => {
    expect(germany.isHoliday("2026-05-14")).toBe(true); // Ascension Day
    expect(germany.isHoliday("2026-10-03")).toBe(true); // German Unity Day
    expect(germany.isHoliday("2026-11-26")).toBe(false);
    // Wed 2026-05-13 + 1 -> Thu 14 is skipped -> Fri 15, due Sat 16.
    expect(iso(addBusinessDays(germanyUtc, at("2026-05-13T12:00:00Z"), 1))).toBe("2026-05-16T00:00:00.000Z");
    expect(iso(addBusinessDays(us, at("2026-05-13T12:00:00Z"), 1))).toBe("2026-05-15T00:00:00.000Z");
    // Easter: Thu 2026-04-02 + 1 skips Good Friday and Easter Monday -> Tue 7, due Wed 8.
    expect(iso(addBusinessDays(germanyUtc, at("2026-04-02T12:00:00Z"), 1))).toBe("2026-04-08T00:00:00.000Z");
  });
});

describe("addBusinessDays in time zones other than UTC", () => {
  it("counts from the event's local date, which can differ from its UTC date (New York)", () => {
    // Thu 2026-03-05 23:30 in New York is Fri 2026-03-06 04:30Z.
    const lateThursday = at("2026-03-06T04:30:00Z");
    expect(localDateOf(lateThursday, "America/New_York")).toBe("2026-03-05");
    expect(localDateOf(lateThursday, "UTC")).toBe("2026-03-06");
    // New York: Fri 6, Mon 9 .. Thu 12 -> due Fri 13 00:00 EDT = 04:00Z.
    expect(iso(addBusinessDays(newYork, lateThursday, 5))).toBe("2026-03-13T04:00:00.000Z");
    // UTC: the event is on Friday -> due Sat 14 00:00Z.
    expect(iso(addBusinessDays(us, lateThursday, 5))).toBe("2026-03-14T00:00:00.000Z");
  });

  it("counts from the event's local date, which can differ from its UTC date (Madrid)", () => {
    // Thu 2026-04-30 22:30Z is already Fri 1 May 00:30 in Madrid, a holiday that does not count.
    const event = at("2026-04-30T22:30:00Z");
    expect(localDateOf(event, "Europe/Madrid")).toBe("2026-05-01");
    // +1 -> Mon 4 May, due Tue 5 May 00:00 CEST = Mon 22:00Z.
    expect(iso(addBusinessDays(madrid, event, 1))).toBe("2026-05-04T22:00:00.000Z");
    // The same region in UTC sees a Thursday event: Fri 1 is skipped, so +1 is also Mon 4, due Tue 00:00Z.
    expect(iso(addBusinessDays(madridUtc, event, 1))).toBe("2026-05-05T00:00:00.000Z");
    // +2 -> Mon 4, Tue 5; due Wed 6 May 00:00 CEST.
    expect(iso(addBusinessDays(madrid, event, 2))).toBe("2026-05-05T22:00:00.000Z");
  });

  it("returns 00:00 local converted to UTC", () => {
    const due = addBusinessDays(newYork, at("2026-01-14T15:00:00Z"), 3);
    // Wed Jan 14 + 3 -> Thu 15, Fri 16, (Mon 19 is MLK day) Tue 20; due Wed 21 00:00 EST = 05:00Z.
    expect(iso(due)).toBe("2026-01-21T05:00:00.000Z");
    expect(localTimeOf(due, "America/New_York")).toBe("00:00:00");
    expect(localDateOf(due, "America/New_York")).toBe("2026-01-21");
    expect(startOfLocalDate("2026-01-21", "America/New_York")).toBe(due);
    expect(iso(startOfLocalDate("2026-07-01", "Europe/Madrid"))).toBe("2026-06-30T22:00:00.000Z");
    expect(iso(startOfLocalDate("2026-01-01", "Europe/Madrid"))).toBe("2025-12-31T23:00:00.000Z");
  });

  it("lands on local midnight with the right offset when US daylight saving starts inside the span", () => {
    // DST starts Sun 2026-03-08 in New York (EST -05:00 -> EDT -04:00).
    expect(iso(addBusinessDays(newYork, at("2026-03-05T15:00:00Z"), 1))).toBe("2026-03-07T05:00:00.000Z");
    expect(iso(addBusinessDays(newYork, at("2026-03-06T15:00:00Z"), 1))).toBe("2026-03-10T04:00:00.000Z");
    expect(iso(addBusinessDays(newYork, at("2026-03-06T15:00:00Z"), 5))).toBe("2026-03-14T04:00:00.000Z");
    expect(iso(startOfLocalDate("2026-03-08", "America/New_York"))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfLocalDate("2026-03-09", "America/New_York"))).toBe("2026-03-09T04:00:00.000Z");
  });

  it("lands on local midnight with the right offset when US daylight saving ends inside the span", () => {
    // DST ends Sun 2026-11-01 in New York: Fri Oct 30 + 1 -> Mon Nov 2, due Tue Nov 3 00:00 EST = 05:00Z.
    expect(iso(addBusinessDays(newYork, at("2026-10-30T15:00:00Z"), 1))).toBe("2026-11-03T05:00:00.000Z");
    expect(iso(addBusinessDays(newYork, at("2026-10-28T15:00:00Z"), 1))).toBe("2026-10-30T04:00:00.000Z");
  });

  it("lands on local midnight with the right offset when EU daylight saving starts inside the span", () => {
    // DST starts Sun 2026-03-29 in Madrid (CET +01:00 -> CEST +02:00).
    expect(iso(addBusinessDays(madrid, at("2026-03-20T10:00:00Z"), 5))).toBe("2026-03-27T23:00:00.000Z");
    expect(iso(addBusinessDays(madrid, at("2026-03-20T10:00:00Z"), 6))).toBe("2026-03-30T22:00:00.000Z");
    expect(iso(addBusinessDays(germany, at("2026-03-26T10:00:00Z"), 2))).toBe("2026-03-30T22:00:00.000Z");
  });
});

describe("businessDaysLeft", () => {
  const submittedMonday = at("2026-03-02T09:00:00Z");
  const due = addBusinessDays(us, submittedMonday, 5); // Tue 2026-03-10T00:00Z

  it("counts the business days after the local date of `at` that begin before the due time", () => {
    expect(iso(due)).toBe("2026-03-10T00:00:00.000Z");
    expect(businessDaysLeft(us, submittedMonday, due)).toBe(5);
    expect(businessDaysLeft(us, at("2026-03-03T23:59:59.999Z"), due)).toBe(4);
    expect(businessDaysLeft(us, at("2026-03-06T12:00:00Z"), due)).toBe(1); // Fri: Mon 9 is left
    expect(businessDaysLeft(us, at("2026-03-07T12:00:00Z"), due)).toBe(1); // Sat: Mon 9 is left
    expect(businessDaysLeft(us, at("2026-03-09T12:00:00Z"), due)).toBe(0); // the last day is under way
  });

  it("is 0 at and after the due time", () => {
    expect(businessDaysLeft(us, due, due)).toBe(0);
    expect(businessDaysLeft(us, due + 3_600_000, due)).toBe(0);
    expect(businessDaysLeft(us, at("2026-04-01T00:00:00Z"), due)).toBe(0);
  });

  it("does not count holidays", () => {
    const wednesday = at("2026-11-25T12:00:00Z");
    const thanksgivingDue = addBusinessDays(us, wednesday, 3);
    expect(iso(thanksgivingDue)).toBe("2026-12-02T00:00:00.000Z");
    expect(businessDaysLeft(us, wednesday, thanksgivingDue)).toBe(3);
    // The same span in Madrid, where Thanksgiving is a working day.
    expect(businessDaysLeft(madridUtc, wednesday, thanksgivingDue)).toBe(4);
  });

  it("reads days in the calendar's time zone", () => {
    const event = at("2026-03-06T04:30:00Z"); // Thu 23:30 in New York
    const nyDue = addBusinessDays(newYork, event, 5);
    expect(businessDaysLeft(newYork, event, nyDue)).toBe(5);
    // At 00:30 New York time on Friday, Friday is under way: 4 are left.
    expect(businessDaysLeft(newYork, at("2026-03-06T05:30:00Z"), nyDue)).toBe(4);
  });
});

describe("a deadline never fires early (property)", () => {
  const calendars: BusinessCalendar[] = [us, newYork, madrid, germany];
  const context = (calendar: BusinessCalendar) => ({ calendar, policy: DEFAULT_POLICY });
  const from = fc.integer({ min: at("2024-01-01T00:00:00Z"), max: at("2030-12-31T23:59:59.999Z") });
  const n = fc.integer({ min: 1, max: 10 });
  const calendar = fc.constantFrom(...calendars);

  it("addBusinessDays lands on the local midnight after exactly n business days", () => {
    fc.assert(
      fc.property(from, n, calendar, (event, count, cal) => {
        const due = addBusinessDays(cal, event, count);
        const tz = cal.timeZone;
        expect(due).toBeGreaterThan(event);
        // A local midnight: 00:00:00.000 on the wall clock, and the instant before is the previous day.
        expect(due % 1000).toBe(0);
        expect(localTimeOf(due, tz)).toBe("00:00:00");
        const dueDate = localDateOf(due, tz);
        expect(localDateOf(due - 1, tz)).toBe(plusDays(dueDate, -1));
        expect(startOfLocalDate(dueDate, tz)).toBe(due);
        // The local day before the due time is a business day.
        expect(isWorkingDay(cal, plusDays(dueDate, -1))).toBe(true);
        // Exactly n business days lie strictly between the event's local date and the due date.
        const eventDate = localDateOf(event, tz);
        let counted = 0;
        for (let d = plusDays(eventDate, 1); d < dueDate; d = plusDays(d, 1)) {
          if (isWorkingDay(cal, d)) counted++;
        }
        expect(counted).toBe(count);
        // Seen from the event, all n business days are left.
        expect(businessDaysLeft(cal, event, due)).toBe(count);
      }),
      { numRuns: 400 },
    );
  });

  it("fireDue fires a deadline not at due - 1 ms, and at its due time", () => {
    fc.assert(
      fc.property(from, n, calendar, (event, count, cal) => {
        const due = addBusinessDays(cal, event, count);
        const waiting: ClaimState = {
          ...initialState(),
          status: "partner_action_required",
          deadlines: [{ kind: "partner_response", dueAt: due, warnAt: null, warned: false, fired: false }],
        };
        const early = fireDue(waiting, due - 1, context(cal));
        expect(early.fired).toEqual([]);
        expect(early.state).toEqual(waiting);
        const onTime = fireDue(waiting, due, context(cal));
        expect(onTime.fired).toEqual([{ kind: "partner_response", warn: false, at: due }]);
        expect(onTime.state.status).toBe("rejected");
        expect(onTime.state.reasons).toEqual(["no_partner_response"]);
      }),
      { numRuns: 200 },
    );
  });

  it("a review-start deadline set by submit breaches exactly at its due time", () => {
    fc.assert(
      fc.property(from, n, calendar, (event, count, cal) => {
        const policy = { ...DEFAULT_POLICY, reviewStartBusinessDays: count };
        const editing: ClaimState = { ...initialState(), documentCount: 1 };
        const submitted = decide(
          editing,
          { type: "submit" },
          { kind: "user", role: "incentives_admin" },
          { now: event, calendar: cal, policy },
        );
        if (!submitted.ok) throw new Error(submitted.refusal.detail);
        const due = addBusinessDays(cal, event, count);
        expect(submitted.state.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([["review_start", due]]);
        const early = fireDue(submitted.state, due - 1, { calendar: cal, policy });
        expect(early.fired.filter((t) => !t.warn)).toEqual([]);
        expect(early.events.map((e) => e.type)).not.toContain("sla_breached");
        const onTime = fireDue(submitted.state, due, { calendar: cal, policy });
        expect(onTime.fired.filter((t) => !t.warn)).toEqual([{ kind: "review_start", warn: false, at: due }]);
        expect(onTime.events.map((e) => e.type)).toContain("sla_breached");
        expect(onTime.state.status).toBe("submitted");
      }),
      { numRuns: 200 },
    );
  });
});
