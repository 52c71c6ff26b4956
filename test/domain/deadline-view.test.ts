// The one deadline model (RULES.md §4a): what screens, mail and the API say of an open deadline,
// seen at many moments of the (injected) clock: no sleeps, only time travel.
import { describe, expect, it } from "vitest";
import { addBusinessDays, localDateOf } from "../../src/domain/calendar.ts";
import { deadlineView, lastMomentToAct } from "../../src/domain/deadline-view.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../src/domain/holidays.ts";

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

const us = businessCalendar(DEFAULT_CALENDAR);
const newYork = businessCalendar({ id: "ny", region: "US", timeZone: "America/New_York" });

const hourMinute = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    ms,
  );

describe("deadlineView", () => {
  // An information request on Mon 2 March 2026, 10:00 UTC: +5 business days.
  const requested = at("2026-03-02T10:00:00.000Z");
  const dueAt = addBusinessDays(us, requested, 5);
  const d = { kind: "partner_response" as const, dueAt, warnAt: null };
  const seen = (now: string) => deadlineView(d, us, at(now));

  it("gives the inclusive last moment: 1 ms before the exclusive end, in the calendar's zone", () => {
    expect(iso(dueAt)).toBe("2026-03-10T00:00:00.000Z");
    const v = seen("2026-03-02T10:00:00.000Z");
    expect(iso(v.lastMomentToAct)).toBe("2026-03-09T23:59:59.999Z");
    expect(v.lastMomentToAct).toBe(lastMomentToAct(dueAt));
    expect(v.timeZone).toBe("UTC");
    expect(v.dueAt).toBe(dueAt);
  });

  it("counts business days left after today, up to the last day; today never counts", () => {
    // Right after "+5 business days" it says 5, like the rule.
    expect(seen("2026-03-02T10:00:00.000Z").businessDaysLeft).toBe(5);
    expect(seen("2026-03-02T23:59:59.999Z").businessDaysLeft).toBe(5);
    expect(seen("2026-03-03T00:00:00.000Z").businessDaysLeft).toBe(4);
    expect(seen("2026-03-06T12:00:00.000Z").businessDaysLeft).toBe(1); // Fri: Mon 9 is left
    expect(seen("2026-03-07T12:00:00.000Z").businessDaysLeft).toBe(1); // Sat: still Mon 9
    expect(seen("2026-03-08T23:00:00.000Z").businessDaysLeft).toBe(1); // Sun night
  });

  it("on the last day, says the hours left instead", () => {
    const v = seen("2026-03-09T10:00:00.000Z");
    expect(v).toMatchObject({ businessDaysLeft: 0, hoursLeft: 14, overdue: false, overdueBy: null });
    expect(v.state).toBe("on_time");
    expect(seen("2026-03-09T23:30:00.000Z")).toMatchObject({
      businessDaysLeft: 0,
      hoursLeft: 0,
      overdue: false,
    });
    expect(seen("2026-03-09T23:59:59.999Z").overdue).toBe(false);
  });

  it("is overdue from the exclusive end on, by whole hours, then by business days wholly passed", () => {
    expect(seen("2026-03-10T00:00:00.000Z")).toMatchObject({
      overdue: true,
      overdueBy: { businessDays: 0, hours: 0 },
      businessDaysLeft: 0,
      hoursLeft: 0,
      state: "breached",
    });
    expect(seen("2026-03-10T10:00:00.000Z").overdueBy).toEqual({ businessDays: 0, hours: 10 });
    expect(seen("2026-03-11T10:00:00.000Z").overdueBy).toEqual({ businessDays: 1, hours: 34 });
    expect(seen("2026-03-13T10:00:00.000Z").overdueBy).toEqual({ businessDays: 3, hours: 82 });
    // The weekend adds hours, not business days.
    expect(seen("2026-03-15T10:00:00.000Z").overdueBy).toEqual({ businessDays: 4, hours: 130 });
  });

  it("says due_soon once the early warning is due", () => {
    const sla = { kind: "decision" as const, dueAt, warnAt: at("2026-03-09T00:00:00.000Z") };
    expect(deadlineView(sla, us, at("2026-03-08T23:59:59.999Z")).state).toBe("on_time");
    expect(deadlineView(sla, us, at("2026-03-09T00:00:00.000Z")).state).toBe("due_soon");
    expect(deadlineView(sla, us, dueAt).state).toBe("breached");
  });
});

describe("deadlineView with a holiday", () => {
  // 4 July 2026 is a Saturday; the US observes it on Fri 3 July: not a business day.
  it("does not count the observed holiday as a day left", () => {
    const from = at("2026-07-01T10:00:00.000Z"); // Wed
    const dueAt = addBusinessDays(us, from, 2); // Thu 2, Mon 6
    expect(iso(dueAt)).toBe("2026-07-07T00:00:00.000Z");
    const v = deadlineView({ kind: "partner_response", dueAt, warnAt: null }, us, from);
    expect(iso(v.lastMomentToAct)).toBe("2026-07-06T23:59:59.999Z");
    expect(v.businessDaysLeft).toBe(2);
    expect(
      deadlineView({ kind: "partner_response", dueAt, warnAt: null }, us, at("2026-07-02T12:00:00Z")),
    ).toMatchObject({ businessDaysLeft: 1 }); // Thu: the holiday and the weekend leave Mon 6
  });

  it("does not count it as a day overdue either", () => {
    const dueAt = at("2026-07-03T00:00:00.000Z"); // last moment Thu 2 July
    const v = deadlineView({ kind: "decision", dueAt, warnAt: null }, us, at("2026-07-07T10:00:00.000Z"));
    // Between Thu 2 and Tue 7: Fri 3 (holiday), Sat, Sun, Mon 6: one business day wholly passed.
    expect(v.overdueBy).toEqual({ businessDays: 1, hours: 106 });
  });
});

describe("deadlineView across a change to summer time", () => {
  // New York moves to EDT on Sun 8 March 2026; a business-day deadline ends at local midnight.
  const from = at("2026-03-04T15:00:00.000Z"); // Wed 10:00 EST
  const dueAt = addBusinessDays(newYork, from, 3); // Thu 5, Fri 6, Mon 9
  const d = { kind: "partner_response" as const, dueAt, warnAt: null };

  it("ends at local midnight after the change, the last moment 23:59:59.999 local", () => {
    expect(iso(dueAt)).toBe("2026-03-10T04:00:00.000Z"); // 00:00 EDT
    const v = deadlineView(d, newYork, from);
    expect(iso(v.lastMomentToAct)).toBe("2026-03-10T03:59:59.999Z");
    expect(localDateOf(v.lastMomentToAct, "America/New_York")).toBe("2026-03-09");
    expect(hourMinute(v.lastMomentToAct, "America/New_York")).toBe("23:59");
    expect(v.timeZone).toBe("America/New_York");
    expect(v.businessDaysLeft).toBe(3);
  });

  it("counts days by the calendar's local date, not by UTC's", () => {
    // Mon 9 March 02:00 UTC is still Sunday 22:00 in New York: Monday is left.
    expect(deadlineView(d, newYork, at("2026-03-09T02:00:00.000Z")).businessDaysLeft).toBe(1);
    // Mon 9 March 12:00 EDT: the last day is under way in New York, while in UTC the same last
    // moment (03:59 UTC on Tuesday) would leave a day.
    expect(deadlineView(d, newYork, at("2026-03-09T16:00:00.000Z")).businessDaysLeft).toBe(0);
    expect(deadlineView(d, us, at("2026-03-09T16:00:00.000Z")).businessDaysLeft).toBe(1);
  });

  it("counts the hours that really pass (the wall clock skips one that night)", () => {
    // Fri 6 March 12:00 EST (17:00 UTC) to Tue 10 March 00:00 EDT (04:00 UTC): 83 hours.
    expect(deadlineView(d, newYork, at("2026-03-06T17:00:00.000Z")).hoursLeft).toBe(83);
  });
});
