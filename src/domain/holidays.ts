// Public holidays from the maintained date-holidays library, cached per region and year.
//
// Which of the library's days are non-business days (RULES.md §3: public holidays only):
// - type `public`: yes, including its observed days (`substitute: true`, e.g. US 2026-07-03 for
//   4 July on a Saturday);
// - an observed day (`substitute: true`) of type `bank`: yes. The library gives some observed days
//   of a public holiday that type (US Veterans Day on Sat 2028-11-11 is observed on Fri 2028-11-10,
//   "Federal Government offices are closed"; IE St. Stephen's Day, BM, PR, GU, VI): the public
//   holiday's day off has moved there, so it is as much a holiday as the day itself;
// - an observed day of type `observance` or `optional`: no. The library uses these where moving the
//   day off is a local decision, not the region's rule (ES 2025-10-13 for 12 October on a Sunday);
// - every other `bank`, `school`, `optional` and `observance` day: no (24 December in Germany is a
//   working day for the programme).
// Every region date-holidays knows (countries, their states and regions) is supported, by this rule.
import Holidays, { type HolidaysTypes } from "date-holidays";
import type { BusinessCalendar, LocalDate } from "./calendar.ts";

export interface CalendarSettings {
  id: string;
  /** `US`, `US-CA`, `ES-MD`, ...: country, then optional state and region. */
  region: string;
  timeZone: string;
  weekend?: readonly number[];
}

export const DEFAULT_CALENDAR: CalendarSettings = { id: "default", region: "US", timeZone: "UTC" };

/** The rule in the header comment. */
export function isDayOff(h: Pick<HolidaysTypes.Holiday, "type" | "substitute">): boolean {
  return h.type === "public" || (h.substitute === true && h.type === "bank");
}

const holidayYears = new Map<string, Set<LocalDate>>();

function holidaysOf(region: string, year: number): Set<LocalDate> {
  const key = `${region}:${year}`;
  let set = holidayYears.get(key);
  if (!set) {
    const [country, state, area] = region.split("-");
    // The library reads dates in the country's own zone unless told otherwise; we only use the
    // local date string it returns, so pin it to UTC to keep the result machine-independent.
    const hd = new Holidays(country ?? "US", state ?? "", area ?? "", { timezone: "UTC" });
    set = new Set(
      hd
        .getHolidays(year)
        .filter(isDayOff)
        .map((h) => h.date.slice(0, 10)),
    );
    holidayYears.set(key, set);
  }
  return set;
}

export function isKnownRegion(region: string): boolean {
  const [country, state] = region.split("-");
  if (!country) return false;
  const countries = new Holidays().getCountries();
  if (!countries[country]) return false;
  if (!state) return true;
  const states = new Holidays().getStates(country);
  return !!states?.[state];
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function businessCalendar(settings: CalendarSettings): BusinessCalendar {
  return {
    id: settings.id,
    timeZone: settings.timeZone,
    weekend: settings.weekend ?? [0, 6],
    isHoliday: (date) => holidaysOf(settings.region, Number(date.slice(0, 4))).has(date),
  };
}
