// Business-day calendars as the administration answers them.
import type { CalendarsTable } from "../db/schema.ts";

export interface CalendarView {
  id: string;
  name: string;
  region: string;
  timeZone: string;
  weekend: number[];
}

/** The stored weekend is a JSON list of weekday numbers (0 = Sunday). */
function weekendOf(text: string): number[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((d): d is number => typeof d === "number") : [];
}

export function calendarView(c: CalendarsTable): CalendarView {
  return { id: c.id, name: c.name, region: c.region, timeZone: c.time_zone, weekend: weekendOf(c.weekend) };
}
