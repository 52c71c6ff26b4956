// Observed public holidays are non-business days in every region (issue 12.9; the rule is written
// in src/domain/holidays.ts): a public holiday on a weekend is observed on a weekday, and the holiday
// data sometimes gives that observed day another type (US Veterans Day 2028: `bank`).
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { addBusinessDays, isBusinessDay } from "../../src/domain/calendar.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../src/domain/holidays.ts";

const YEARS = [2025, 2026, 2027, 2028] as const;
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const onWeekday = (date: string) => weekday(date) !== 0 && weekday(date) !== 6;

/**
 * Every observed (substitute) weekday that is a non-business day, per region and year, from the
 * calendar facts: e.g. US 4 July 2026 is a Saturday (observed Fri 3 July); 25 December 2027 and
 * 1 January 2028 are Saturdays (observed Fri 24 and Fri 31 December 2027); 11 November 2028 is a
 * Saturday (observed Fri 10 November, which the data types `bank`).
 */
const OBSERVED: Record<string, Record<(typeof YEARS)[number], string[]>> = {
  US: {
    2025: [],
    2026: ["2026-07-03"],
    2027: ["2027-06-18", "2027-07-05", "2027-12-24", "2027-12-31"],
    2028: ["2028-11-10"],
  },
  "US-CA": {
    2025: [],
    2026: ["2026-07-03"],
    2027: ["2027-06-18", "2027-07-05", "2027-12-24", "2027-12-31"],
    2028: ["2028-11-10"],
  },
  GB: { 2025: [], 2026: ["2026-12-28"], 2027: ["2027-12-27", "2027-12-28"], 2028: ["2028-01-03"] },
  IE: { 2025: [], 2026: ["2026-12-28"], 2027: ["2027-12-27"], 2028: [] },
  // 12 October 2025 is a Sunday: the data types its Monday `observance` (each community's choice).
  "ES-MD": { 2025: [], 2026: ["2026-11-02", "2026-12-07"], 2027: ["2027-05-03"], 2028: [] },
  "DE-BY": { 2025: [], 2026: [], 2027: [], 2028: [] },
};

function substituteDays(region: string, year: number) {
  const [country, state, area] = region.split("-");
  return new Holidays(country ?? "", state ?? "", area ?? "", { timezone: "UTC" })
    .getHolidays(year)
    .filter((h) => h.substitute)
    .map((h) => ({ date: h.date.slice(0, 10), type: h.type }));
}

describe("observed public holidays", () => {
  for (const [region, years] of Object.entries(OBSERVED)) {
    const cal = businessCalendar({ id: region, region, timeZone: "UTC" });
    for (const year of YEARS) {
      it(`${region} ${year}: the observed days are exactly ${years[year].join(", ") || "none"}`, () => {
        const observedOff = substituteDays(region, year)
          .map((d) => d.date)
          .filter((d) => onWeekday(d) && !isBusinessDay(cal, d));
        expect([...new Set(observedOff)].sort()).toEqual(years[year]);
        for (const d of years[year]) expect(isBusinessDay(cal, d), d).toBe(false);
      });
    }
  }

  it("ES-MD 2025-10-13 (an `observance` substitute the community did not adopt) stays a business day", () => {
    const madrid = businessCalendar({ id: "md", region: "ES-MD", timeZone: "UTC" });
    expect(isBusinessDay(madrid, "2025-10-13")).toBe(true);
  });

  it("in every supported region (every country and state), 2025-2028, an observed public or bank substitute is a non-business day", () => {
    const hd = new Holidays();
    const regions: string[] = [];
    for (const country of Object.keys(hd.getCountries())) {
      regions.push(country);
      for (const state of Object.keys(hd.getStates(country) ?? {})) regions.push(`${country}-${state}`);
    }
    expect(regions.length).toBeGreaterThan(500);
    const wrong: string[] = [];
    for (const region of regions) {
      const cal = businessCalendar({ id: region, region, timeZone: "UTC" });
      for (const year of YEARS) {
        for (const d of substituteDays(region, year)) {
          const dayOff = d.type === "public" || d.type === "bank";
          if (dayOff && onWeekday(d.date) && isBusinessDay(cal, d.date))
            wrong.push(`${region} ${d.date} (${d.type})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("+5 business days across US Veterans Day observed (Fri 2028-11-10) ends one day later than before", () => {
    const us = businessCalendar(DEFAULT_CALENDAR);
    // Mon 6 Nov: Tue 7, Wed 8, Thu 9, (Fri 10 observed), Mon 13, Tue 14 -> due 00:00 on Wed 15.
    // Counting the observed day as a business day gave Tue 14, a business day early.
    const due = addBusinessDays(us, Date.parse("2028-11-06T15:00:00Z"), 5);
    expect(new Date(due).toISOString()).toBe("2028-11-15T00:00:00.000Z");
    // And across 4 July 2026 observed on Fri 3 July: Wed 1 + 5 -> Thu 2, Mon 6, Tue 7, Wed 8, Thu 9.
    expect(new Date(addBusinessDays(us, Date.parse("2026-07-01T09:00:00Z"), 5)).toISOString()).toBe(
      "2026-07-10T00:00:00.000Z",
    );
  });
});
