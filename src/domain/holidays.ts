// Public holidays from the maintained date-holidays library, cached per region and year.
import Holidays from "date-holidays";
import type { BusinessCalendar, LocalDate } from "./calendar.ts";

export interface CalendarSettings {
  id: string;
  /** `US`, `US-CA`, `ES-MD`, ...: country, then optional state and region. */
  region: string;
  timeZone: string;
  weekend?: readonly number[];
}

export const DEFAULT_CALENDAR: CalendarSettings = { id: "default", region: "US", timeZone: "UTC" };

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
        // Public holidays only (DOMAIN.md section 3): bank holidays such as 24 December in Germany
        // are working days for the programme.
        .filter((h) => h.type === "public")
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
